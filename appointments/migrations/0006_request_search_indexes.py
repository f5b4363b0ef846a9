"""Staff search requests by part of a reference, a name or a phone number: the admin's search is
UPPER(column) LIKE UPPER('%term%') on each, which only a trigram index can serve. PostgreSQL only (pg_trgm);
SQLite, for the quick start, scans."""

from django.db import migrations

TABLE = "appointments_appointmentrequest"
COLUMNS = ["reference", "first_name", "last_name"]  # phones: a prefix index (the model)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS request_{column}_trgm ON {TABLE} USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS request_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("appointments", "0005_practice_managers")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
