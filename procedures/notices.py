"""The notices a US practice's website must carry, as content staff edit (with history):

- nondiscrimination and language assistance (Section 1557 of the Affordable Care Act, 45 CFR 92.10 and 92.11),
  with the taglines that say, in each language, that free language help is available;
- the Good Faith Estimate for uninsured and self-pay patients (No Surprises Act);
- the consumer health data privacy policy (Washington's My Health My Data Act), a section of /privacy/;
- the Notice of Privacy Practices (HIPAA, 45 CFR 164.520), which a covered entity with a website posts there.

We write the English draft only; the client's counsel signs off its wording, the client's translators supply its
Spanish (procedures/translation.py: each text has an English and a Spanish column) and every tagline: a language
without a tagline is not shown, and a notice without its whole Spanish is shown in English on Spanish pages.

A notice says where it stands: "Last updated" is the last time its public wording changed (never a migration); a
change to the wording of an approved notice withdraws the approval (unless the same save records a new one);
until approved, its page says it is a draft awaiting the practice's review.
"""

import re
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.states import US_STATES

from .markdown import NOTICE_MAX_LENGTH, PROSE_MAX_LENGTH, length_limit
from .translation_sources import Translatable

# What the client must still supply is written "[To be supplied: …]" in a draft, so it shows on the page too; found
# whatever its case ("[to be supplied: …]").
PLACEHOLDER_RE = re.compile(r"\[\s*to be supplied\s*:[^\]]*\]", re.IGNORECASE)
# The rule asks for taglines in at least the 15 languages most spoken by people with limited English in the states
# served (45 CFR 92.11).
TAGLINES_REQUIRED = 15
NOTICE_MARKDOWN_HELP = (
    "Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. "
    "Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written."
)
# The texts counsel approves, in each language (a change to any of them withdraws the approval).
WORDING = ("title", "body", "language_assistance")
LANGUAGES = ("en", "es")


class NoticeQuerySet(models.QuerySet["Notice"]):
    def of_kind(self, kind: str) -> "Notice | None":
        return self.filter(kind=kind).first()


NoticeManager = models.Manager.from_queryset(NoticeQuerySet)  # named, so django-stubs can follow it


class Notice(Translatable):
    """A notice the law asks the website to carry, in the client's words once their counsel has approved it."""

    class Kind(models.TextChoices):
        NONDISCRIMINATION = "nondiscrimination", "Nondiscrimination and language assistance"
        GOOD_FAITH_ESTIMATE = "good-faith-estimate", "Good Faith Estimate"
        CONSUMER_HEALTH_DATA = "consumer-health-data", "Consumer health data privacy policy"
        PRIVACY_PRACTICES = "privacy-practices", "Notice of Privacy Practices (HIPAA)"

    class LegalReview(models.TextChoices):
        AWAITING = "awaiting", "Awaiting the client's legal review"
        APPROVED = "approved", "Approved by the client's counsel"

    kind = models.CharField(max_length=30, choices=Kind.choices, unique=True, editable=False)
    title = models.CharField(max_length=120)
    meta_description = models.CharField(
        max_length=160, help_text="One or two sentences shown by search engines under the page title."
    )
    body = models.TextField(help_text=NOTICE_MARKDOWN_HELP, validators=length_limit(NOTICE_MAX_LENGTH))
    language_assistance = models.TextField(
        "language assistance",
        blank=True,
        help_text="Nondiscrimination notice only: the sentence above the taglines, saying that free language help "
        f"is available and how to get it. {NOTICE_MARKDOWN_HELP}",
        validators=length_limit(PROSE_MAX_LENGTH),
    )
    states_served = models.JSONField(
        default=list,
        blank=True,
        help_text="Nondiscrimination notice only: the states whose 15 most spoken languages need a tagline.",
    )
    legal_review = models.CharField(max_length=10, choices=LegalReview.choices, default=LegalReview.AWAITING)
    approved_by = models.CharField(max_length=120, blank=True, help_text="Who approved this wording for the client.")
    approved_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # "Last updated" on the page: when a save last changed its wording (title, text), never a migration or a deploy.
    last_published_at = models.DateTimeField("last updated", null=True, blank=True, editable=False)

    # Typed by hand: modeltranslation replaces the manager with a class it makes at run time, which mypy cannot see.
    objects: ClassVar["NoticeManager[Notice]"] = NoticeManager()
    # history: registered in procedures/translation.py (after the Spanish fields exist).

    # A notice is always public (the law asks for it), and has no draft copy: its page says whether counsel has
    # approved it. For procedures/translation_state.py, which asks these of every page.
    is_published = True
    is_draft_copy = False
    approval_withdrawn = False  # set by save(): this save's change of wording withdrew the approval

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_approved(self) -> bool:
        return self.legal_review == self.LegalReview.APPROVED

    def wording(self) -> dict[str, str]:
        """The texts counsel approves, in each language, as they are now."""
        return {
            f"{name}_{language}": getattr(self, f"{name}_{language}") or ""
            for name in WORDING
            for language in LANGUAGES
        }

    def save(self, *args, **kwargs) -> None:
        """A change of wording is a new publication ("Last updated"), and withdraws an approval given to the old
        wording unless this save records a new approval (who or when changed)."""
        stored = Notice.objects.filter(pk=self.pk).first() if self.pk else None
        self.approval_withdrawn = False
        if stored is not None and stored.wording() != self.wording():
            self.last_published_at = timezone.now()
            renewed = (stored.approved_by, stored.approved_on) != (self.approved_by, self.approved_on)
            if stored.is_approved and self.is_approved and not renewed:
                self.legal_review, self.approved_by, self.approved_on = self.LegalReview.AWAITING, "", None
                self.approval_withdrawn = True
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = {*fields, "last_published_at", "legal_review", "approved_by", "approved_on"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.CONSUMER_HEALTH_DATA:
            return reverse("privacy") + "#consumer-health-data"
        return reverse(f"notices:{self.kind}")

    @property
    def placeholders(self) -> list[str]:
        """The facts the client must still supply, in the order the texts ask for them (English, then Spanish)."""
        texts = [
            getattr(self, f"{name}_{language}") or ""
            for language in LANGUAGES
            for name in ("title", "meta_description", "language_assistance", "body")
        ]
        return PLACEHOLDER_RE.findall("\n".join(texts))

    def states_served_names(self) -> list[str]:
        names = dict(US_STATES)
        return [names[code] for code in self.states_served if code in names]

    def clean(self) -> None:
        if self.legal_review != self.LegalReview.APPROVED:
            return
        errors = {}
        if not self.approved_by:
            errors["approved_by"] = "Say who approved the wording."
        if not self.approved_on:
            errors["approved_on"] = "Give the date it was approved."
        elif self.approved_on > timezone.localdate():
            errors["approved_on"] = "The approval date cannot be in the future: give the day counsel approved it."
        if self.placeholders:
            errors["legal_review"] = (
                f"The text still has {len(self.placeholders)} “[To be supplied: …]” part(s): "
                "replace them before marking it approved."
            )
        if errors:
            raise ValidationError(errors)


class TaglineQuerySet(models.QuerySet):
    def shown(self):
        """Only languages with a tagline: we never write a translation of our own."""
        return self.exclude(text="")


LANGUAGE_TAG = RegexValidator(
    r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
    "Enter a language tag such as es, zh-Hant, vi or ar.",
)


class Tagline(models.Model):
    """One language's sentence saying that free language help is available, supplied by the client's translator."""

    class Direction(models.TextChoices):
        LTR = "ltr", "Left to right"
        RTL = "rtl", "Right to left (Arabic, Persian, Urdu, Hebrew…)"

    language_name = models.CharField(
        "language name in the language itself",
        max_length=60,
        help_text="As its readers write it: Español, 中文, العربية.",
    )
    english_name = models.CharField("language name in English", max_length=60, help_text="For staff lists.")
    language_tag = models.CharField(
        max_length=35,
        validators=[LANGUAGE_TAG],
        help_text="For screen readers and browsers: es (Spanish), zh-Hans or zh-Hant (Chinese), vi, ko, ar, ht…",
    )
    direction = models.CharField(max_length=3, choices=Direction.choices, default=Direction.LTR)
    text = models.TextField(
        "tagline",
        blank=True,
        help_text="The sentence in this language, exactly as the client's translator supplied it. "
        "Leave it empty until you have it: a language without a tagline is not shown.",
        validators=length_limit(PROSE_MAX_LENGTH),
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the notice; lower comes first.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = TaglineQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "english_name"]

    def __str__(self) -> str:
        return f"{self.english_name} ({self.language_name})"
