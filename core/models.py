"""Site-wide settings staff edit: what only the practice can say (its phone number, its promises)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import DatabaseError, models

from . import phones


def validate_us_phone(value: str) -> None:
    if phones.parse(value, strict=False) is None:
        raise ValidationError("Enter a 10-digit phone number, for example (512) 555-0100.")


class SiteSettings(models.Model):
    """What only the practice can say, site-wide (one row): the main phone number and its hours, how soon centers
    call back, the number for language help. Each is shown only once filled in: while the main number is empty,
    pages send patients to the locator to call their nearest center; with no call-back time, no time is promised."""

    phone = models.CharField(
        "main phone number",
        max_length=30,
        blank=True,
        validators=[validate_us_phone],
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
    language_help_phone = models.CharField(
        "language help phone number",
        max_length=30,
        blank=True,
        validators=[validate_us_phone],
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
        for name in ("phone", "language_help_phone"):
            number = phones.parse(getattr(self, name), strict=False)
            setattr(self, name, phones.to_storage(number) if number else "")  # E.164, as every number on the site
        super().save(*args, **kwargs)

    @property
    def tel(self) -> str:
        """The number as a tel: link target."""
        return phones.tel_uri(self.phone)

    @property
    def display_phone(self) -> str:
        """The number as Americans read it, (512) 555-0100."""
        return phones.display(self.phone)

    @property
    def language_help_tel(self) -> str:
        return phones.tel_uri(self.language_help_phone)

    @property
    def language_help_display(self) -> str:
        return phones.display(self.language_help_phone)

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
