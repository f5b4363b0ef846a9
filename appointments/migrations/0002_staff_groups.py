"""The two staff roles, as groups an administrator gives to users:

- Center staff: work the appointment requests of the centers they are linked to.
- Content editors: edit the procedure pages, centers and physicians.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Center staff": [
        ("appointments", "view_appointmentrequest"),
        ("appointments", "change_appointmentrequest"),
        ("appointments", "view_requestnote"),
        ("appointments", "add_requestnote"),
    ],
    "Content editors": [
        (app, f"{action}_{model}")
        for app, models in {
            "procedures": ["serviceline", "procedure", "section", "listitem", "comparisonrow"],
            "appointments": ["center", "openinghours", "physician", "practice", "language"],
        }.items()
        for model in models
        for action in ("view", "add", "change", "delete")
    ],
}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():  # permissions are otherwise made only after all migrations
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in codenames:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_initial"),
        ("procedures", "0002_seed_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
