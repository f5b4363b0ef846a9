"""Physicians, where they practise, and the languages they (and centers' staff) speak."""

from typing import Any, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from simple_history.models import HistoricalRecords

from core import slugs
from procedures.models import Procedure

from .. import language_names
from ..validators import no_control_characters
from .centers import Center, FilledInModel, name_key, search_words

SPANISH_NAME_HELP = "As Spanish writes it, in lower case: “tagalo”. Filled in for common languages when left empty."


class Language(models.Model):
    """A language a physician or a center's staff speak with patients, named in English and in Spanish."""

    name = models.CharField(max_length=60, unique=True)
    name_es = models.CharField("name in Spanish", max_length=60, blank=True, help_text=SPANISH_NAME_HELP)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.name_es:
            self.name_es = language_names.spanish_name(self.name)
        super().save(*args, **kwargs)

    @property
    def local_name(self) -> str:
        """Its name in the active language: Spanish where we have it, else English (`name_language` says which)."""
        return self.name_es if self.name_language == "es" else self.name

    @property
    def name_language(self) -> str:
        return "es" if get_language() == "es" and self.name_es else "en"


def validate_npi(value: str) -> None:
    """An NPI is 10 digits whose last is a Luhn check digit over "80840" and the first nine."""
    if not (len(value) == 10 and value.isascii() and value.isdigit()):
        raise ValidationError("An NPI is 10 digits.")
    total = 0
    for position, digit in enumerate(reversed("80840" + value[:9])):
        doubled = int(digit) * (2 if position % 2 == 0 else 1)
        total += doubled - 9 if doubled > 9 else doubled
    if (10 - total % 10) % 10 != int(value[9]):
        raise ValidationError("This is not a valid NPI: check the digits.")


class PhysicianQuerySet(models.QuerySet["Physician"]):
    """Reads of physicians: the active ones, by name, and with what their listing shows."""

    def active(self) -> Self:
        return self.filter(is_active=True)

    def named(self, text: str) -> Self:
        """Physicians whose name contains every word of the text, with or without accents ("Dr." ignored)."""
        queryset = self
        for word in search_words(text, ignore=("dr", "md", "do")):
            queryset = queryset.filter(search_name__contains=word)
        return queryset

    def for_listing(self):
        return self.prefetch_related(
            "languages",
            models.Prefetch("procedures", queryset=Procedure.objects.published()),
            models.Prefetch(
                "practices", queryset=Practice.objects.select_related("center").filter(center__is_active=True)
            ),
        )


class Physician(FilledInModel):
    """A physician: credentials, biography, languages, procedures performed, and where they practise."""

    distance: float  # miles to the nearest center of a search (selectors.physicians_near sets it), not a column

    first_name = models.CharField(max_length=80, validators=[no_control_characters])
    last_name = models.CharField(max_length=80, validators=[no_control_characters])
    credentials = models.CharField(max_length=60, help_text="e.g. MD, DO, FIPP", validators=[no_control_characters])
    slug = models.SlugField(max_length=slugs.NAME_LENGTH, unique=True)
    search_name = models.CharField(max_length=170, blank=True, editable=False, db_index=True)
    npi = models.CharField(
        "NPI",
        max_length=10,
        blank=True,
        validators=[validate_npi],
        help_text="The 10-digit National Provider Identifier, shown to search engines.",
    )
    photo = models.ImageField(upload_to="physicians/", blank=True)
    photo_alt = models.CharField(
        "photo description", max_length=200, blank=True, help_text="Describes the photo for screen reader users."
    )
    biography = models.TextField(blank=True, help_text="Plain text; separate paragraphs with a blank line.")
    languages = models.ManyToManyField(Language, blank=True, related_name="physicians")
    board_certifications = models.TextField(blank=True, help_text="One per line.")
    education = models.TextField(blank=True, help_text="One per line, e.g. “MD, Example University”.")
    procedures = models.ManyToManyField(Procedure, blank=True, related_name="physicians")
    centers: "models.ManyToManyField[Center, Practice]" = models.ManyToManyField(
        Center, through="Practice", related_name="physicians", blank=True
    )
    is_active = models.BooleanField("active", default=True, help_text="Inactive physicians are hidden.")
    is_demo = models.BooleanField("demo data", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PhysicianQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[languages, procedures])

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("appointments:physician", kwargs={"slug": self.slug})

    def fill_in(self) -> None:
        if not self.slug:
            self.slug = self.slug_for(self.first_name, self.last_name, self.credentials)
        self.search_name = name_key(f"{self.first_name} {self.last_name}")

    @staticmethod
    def slug_for(first_name: str, last_name: str, credentials: str) -> str:
        """The slug a physician is known by (the page address, and the key demo data matches on)."""
        return slugs.slug_of(f"{first_name} {last_name} {credentials}")

    @property
    def display_name(self) -> str:
        return f"Dr. {self.first_name} {self.last_name}, {self.credentials}"

    @property
    def board_certification_list(self) -> list[str]:
        return [line.strip() for line in self.board_certifications.splitlines() if line.strip()]

    @property
    def education_list(self) -> list[str]:
        return [line.strip() for line in self.education.splitlines() if line.strip()]


class Practice(models.Model):
    """A physician practises at a center, and may or may not accept new patients there."""

    physician = models.ForeignKey(Physician, on_delete=models.CASCADE, related_name="practices")
    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="practices")
    accepting_new_patients = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["center__name"]
        constraints = [models.UniqueConstraint(fields=["physician", "center"], name="unique_practice")]

    def __str__(self) -> str:
        return f"{self.physician} at {self.center}"
