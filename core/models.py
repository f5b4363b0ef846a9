"""Site-wide settings staff edit: what only the practice can say (its phone number, its promises); and what an
old web address of a page is, for both apps' pages."""

from typing import Any, ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import DatabaseError, models
from django.utils import timezone

from . import slugs
from .insight_counts import InsightCount as InsightCount  # the counters of core/insights.py
from .phones import PhoneNumberField


class SiteSettings(models.Model):
    """What only the practice can say, site-wide (one row): the main phone number and its hours, how soon centers
    call back, the number for language help. Each is shown only once filled in: while the main number is empty,
    pages send patients to the locator to call their nearest center; with no call-back time, no time is promised."""

    phone = PhoneNumberField(
        "main phone number",
        blank=True,
        help_text="Shown in the header and footer of every page, e.g. (512) 555-0100. Leave empty to send "
        "patients to their nearest center instead.",
    )
    hours = models.CharField(
        "when it answers",
        max_length=120,
        blank=True,
        help_text="e.g. Monday to Friday, 8 AM to 5 PM Central time.",
    )
    response_business_days = models.PositiveSmallIntegerField(
        "centers call back within (business days)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="The practice's promise to patients, e.g. 1 for “within one business day”. Leave empty and the "
        "site promises no time.",
    )
    language_help_phone = PhoneNumberField(
        "language help phone number",
        blank=True,
        help_text="The number notices give for free help in another language (interpreters, translated notices).",
    )

    what_to_bring = models.TextField(
        "what to bring to a visit",
        max_length=600,
        blank=True,
        help_text="Said in the email that tells a patient their visit is booked, and in the reminder, e.g. "
        "“Your photo ID, your insurance card and a list of the medicines you take.” Leave empty to say nothing.",
    )
    what_to_bring_es = models.TextField(
        "what to bring to a visit, in Spanish",
        max_length=600,
        blank=True,
        help_text="The same in Spanish, for patients who used the Spanish site. Left empty, they are given the "
        "English, marked as English.",
    )

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return "Site settings"

    def save(self, *args, **kwargs) -> None:
        self.pk = 1  # one row
        super().save(*args, **kwargs)

    def what_to_bring_in(self, language: str) -> tuple[str, str]:
        """What to bring, in `language` when staff wrote it in that language, and the language it is in ("" and
        "" when nothing is set: then nothing is said)."""
        if language == "es" and self.what_to_bring_es.strip():
            return self.what_to_bring_es.strip(), "es"
        text = self.what_to_bring.strip()
        return (text, "en") if text else ("", "")

    @classmethod
    def current(cls) -> "SiteSettings":
        """The site's settings, or empty ones if none are set or the database cannot be read (a page must never
        fail for its phone number). Read where the layout is drawn, which is kept (core/rendered.py): a page
        reads them only when its header and footer are drawn afresh."""
        try:
            return cls.objects.filter(pk=1).first() or cls()
        except DatabaseError:
            return cls()


class WorkerHeartbeat(models.Model):
    """When a worker last took a task from the queue (core/housekeeping.py): one row, read by /healthz/, which says
    "degraded" when it is old (no worker running, or none keeping up). Also when the records kept for a while only
    (expired sessions, old sign-in records) were last cleaned up."""

    beat_at = models.DateTimeField()
    cleaned_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"worker seen at {self.beat_at:%Y-%m-%d %H:%M:%S}"


class OldAddress(models.Model):
    """An address a page had before it moved: it answers a permanent redirect to the page. Every old address points
    at the page itself (no chain), and an address a page has now is nobody's old one. Each app's is concrete, with
    its page as the foreign key named `page_field`."""

    page_field: ClassVar[str]

    slug = models.SlugField("old web address", max_length=slugs.MAX_LENGTH, unique=True)  # each sets its length
    moved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        verbose_name = "previous web address"
        verbose_name_plural = "previous web addresses"

    def __str__(self) -> str:
        return self.slug

    @classmethod
    def page_moved(cls, page: Any, old_slug: str | None) -> None:
        """`page` is at `page.slug` now, and was at `old_slug` (None or the same: it did not move)."""
        addresses = cls._default_manager
        addresses.filter(slug=page.slug).delete()  # the address is live again
        if old_slug and old_slug != page.slug:
            addresses.update_or_create(slug=old_slug, defaults={cls.page_field: page, "moved_at": timezone.now()})
