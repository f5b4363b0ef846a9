"""Who did what to a page's draft, and when: the publishing part of a page's history."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class PublishingEvent(models.Model):
    """Who saved, scheduled, published, discarded or unpublished a page's draft, and when (a procedure page's or
    the overview's: exactly one of the two)."""

    class Action(models.TextChoices):
        DRAFT_STARTED = "started", "Started a draft"
        DRAFT_SAVED = "saved", "Saved the draft"
        SCHEDULED = "scheduled", "Scheduled the draft"
        PUBLISHED = "published", "Published"
        DISCARDED = "discarded", "Discarded the draft"
        UNPUBLISHED = "unpublished", "Unpublished the page"
        NOT_PUBLISHED = "failed", "Could not publish the scheduled draft"

    procedure = models.ForeignKey(
        "procedures.Procedure", on_delete=models.CASCADE, null=True, blank=True, related_name="publishing_events"
    )
    service_line = models.ForeignKey(
        "procedures.ServiceLine", on_delete=models.CASCADE, null=True, blank=True, related_name="publishing_events"
    )
    action = models.CharField(max_length=12, choices=Action.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(procedure__isnull=True) ^ models.Q(service_line__isnull=True),
                name="publishing_event_of_one_page",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.user or 'the scheduler'}"
