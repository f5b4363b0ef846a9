"""Practice managers see the insights dashboard (core.InsightCount's "view_insights"); center staff see their own
centers' response times there through their centers, and content editors nothing (appointments/access.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Practice managers"


def give(apps, schema_editor):
    app_config = apps.get_app_config("core")
    app_config.models_module = True  # permissions are otherwise made only after all migrations
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="core", codename="view_insights"))


def take_back(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="core", codename="view_insights"))


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0012_center_phones_e164"),
        ("core", "0004_insight_counters"),
    ]

    operations = [migrations.RunPython(give, take_back)]
