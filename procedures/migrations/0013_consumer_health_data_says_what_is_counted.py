"""The consumer health data policy's draft said "This website uses no analytics": no longer true once the site counts
its own use as daily totals (issue 25, core/insights.py). It now says "no third-party analytics" and points to what
the privacy notice says is counted.

Only a notice whose English is still the seed's sentence and that counsel has not approved is changed: approved
wording is the client's, and stays as it is (the go-live review must then change it). Recorded in the history like
an edit, so staff can see and revert it.
"""

from django.db import migrations
from django.utils import timezone

REASON = "Says what the website counts, now that it counts its own use (issue 25)"
SEED = (
    "This website uses no analytics, advertising or tracking, and collects nothing about you from other sources."
)
NOW = (
    "This website uses no third-party analytics, advertising or tracking, and collects nothing about you from other "
    "sources. It counts its own use only as daily totals that hold nothing about you (see “What we count, and what "
    "we never keep” above)."
)


def change(apps, *, forwards: bool) -> None:
    Notice = apps.get_model("procedures", "Notice")
    Historical = apps.get_model("procedures", "HistoricalNotice")
    old, new = (SEED, NOW) if forwards else (NOW, SEED)
    for notice in Notice.objects.filter(kind="consumer-health-data").exclude(legal_review="approved"):
        if old not in (notice.body_en or ""):
            continue
        notice.body_en = notice.body_en.replace(old, new)
        notice.body = notice.body_en
        notice.save()
        kept = {field.attname for field in Historical._meta.fields}
        values = {field.attname: getattr(notice, field.attname) for field in Notice._meta.fields}
        Historical.objects.create(
            **{name: value for name, value in values.items() if name in kept},
            history_date=timezone.now(),
            history_type="~",
            history_change_reason=REASON,
        )


def forwards(apps, schema_editor) -> None:
    change(apps, forwards=True)


def backwards(apps, schema_editor) -> None:
    change(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("procedures", "0012_notice_length_limits_in_both_languages")]

    operations = [migrations.RunPython(forwards, backwards)]
