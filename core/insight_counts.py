"""The one table insight is kept in: aggregate counters per day (core/insights.py counts, the dashboard reads).

A row is a number of events that share a day and a few coarse parts (a page's address, a state and 3-digit ZIP
prefix, a procedure, a form field's name): never a row per visit or per visitor, never an IP address, a cookie, an
identifier or anything a visitor typed. Every part is blank ("") where it does not apply, so the unique constraint
matches the same counter on every database (a NULL would never equal another NULL) and an upsert adds to it.
"""

from django.db import models


class InsightCount(models.Model):
    """How many times something happened on a day: one aggregate counter, never a visit."""

    class Kind(models.TextChoices):
        PAGE = "page", "Page view"
        NOT_FOUND = "not_found", "Address not found (404)"
        SEARCH = "search", "Search"
        FORM = "form", "Request form step"
        FORM_ERROR = "form_error", "Request form: a field's error shown"

    class Source(models.TextChoices):
        LOCATOR = "locator", "Find a center"
        DIRECTORY = "directory", "Find a physician"
        FORM = "form", "Request form"

    class Step(models.TextChoices):
        VIEW = "view", "Form seen"
        CHECK = "check", "Answers checked"
        SENT = "sent", "Request sent"
        REFUSED = "refused", "Refused by the rate limit"

    day = models.DateField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    source = models.CharField(max_length=10, choices=Source.choices, blank=True)
    step = models.CharField(max_length=10, choices=Step.choices, blank=True)
    path = models.CharField("address", max_length=200, blank=True, help_text="Without its query string.")
    state = models.CharField(max_length=2, blank=True)
    zip3 = models.CharField("3-digit ZIP prefix", max_length=3, blank=True)
    procedure = models.CharField(max_length=80, blank=True, help_text="Its slug; blank: any procedure.")
    found = models.BooleanField("a center within 50 miles", default=False)
    field = models.CharField("form field", max_length=60, blank=True)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "insight counter"
        permissions = [("view_insights", "Can see the insights dashboard")]  # noqa: RUF012 (Django compares lists)
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(
                fields=["day", "kind", "source", "step", "path", "state", "zip3", "procedure", "found", "field"],
                name="insight_count_one_row_per_counter",
            )
        ]
        indexes = [models.Index(fields=["kind", "day"], name="insight_count_kind_day")]  # noqa: RUF012

    def __str__(self) -> str:
        return f"{self.day} {self.kind}: {self.count}"


KEY_FIELDS = ("day", "kind", "source", "step", "path", "state", "zip3", "procedure", "found", "field")
