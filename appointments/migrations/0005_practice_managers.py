"""A third role: practice managers decide who works where (the centers' "Staff" lists, which decide who
sees patient data). Content editors keep editing centers, without the staff picker."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Practice managers"
PERMISSIONS = ["manage_center_staff", "view_center", "change_center"]


def create_group(apps, schema_editor):
    app_config = apps.get_app_config("appointments")
    app_config.models_module = True  # permissions are otherwise made only after all migrations
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="appointments", codename__in=PERMISSIONS))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [("appointments", "0004_staff_access_and_retention")]

    operations = [migrations.RunPython(create_group, remove_group)]
