# The site settings, moved from the azura_site app (which now holds only settings, URLs and the home page):
# a database that has azura_site's table keeps its row, and the old table and content type go.

import core.phones
from django.db import migrations, models

OLD_TABLE = "azura_site_sitecontact"


def move_old_row(apps, schema_editor):
    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT phone, hours FROM {OLD_TABLE} ORDER BY id")  # noqa: S608 (a constant)
        row = cursor.fetchone()
    if row:
        apps.get_model("core", "SiteSettings").objects.create(pk=1, phone=row[0], hours=row[1])
    schema_editor.execute(f"DROP TABLE {OLD_TABLE}")
    apps.get_model("contenttypes", "ContentType").objects.filter(app_label="azura_site").delete()


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name='SiteSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('phone', models.CharField(blank=True, help_text='Shown in the header and footer of every page, e.g. (512) 555-0100. Leave empty to send patients to their nearest center instead.', max_length=30, validators=[core.phones.validate_number], verbose_name='main phone number')),
                ('hours', models.CharField(blank=True, help_text='e.g. Monday to Friday, 8 AM to 5 PM Central time.', max_length=120, verbose_name='when it answers')),
            ],
            options={
                'verbose_name': 'site settings',
                'verbose_name_plural': 'site settings',
            },
        ),
        migrations.RunPython(move_old_row, migrations.RunPython.noop),
    ]
