"""Centers: where they are, how to reach them, when they are open, what they offer (physicians: physicians.py)."""

from datetime import datetime
from typing import TYPE_CHECKING, Any, Self

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from simple_history.models import HistoricalRecords

from core import slugs
from core.phones import PhoneNumberField
from procedures.models import Procedure

from .. import geo, hours
from ..access import CenterScopeQuerySet
from ..geo import US_STATES, US_TIME_ZONES
from ..validators import no_control_characters

if TYPE_CHECKING:
    from django.contrib.auth.models import User  # settings.AUTH_USER_MODEL

    from .center_records import Closure
    from .physicians import Language


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def name_key(text: str) -> str:
    """A name as searched: no accents, lower case ("Martínez" and "martinez" are the same)."""
    return " ".join(geo.fold_accents(text).casefold().split())


def center_search_text(name: str, city: str) -> str:
    """What the directory's center search looks in: the name and the city, folded as names are."""
    return name_key(f"{name} {city}")


def search_words(text: str, ignore: tuple[str, ...] = ()) -> list[str]:
    """The words of a search (at most 5), folded as names are, leaving out `ignore`: each must be found."""
    words = (word.strip(".,") for word in name_key(text).split()[:5])
    return [word for word in words if word and word not in ignore]


class FilledInModel(models.Model):
    """A model with fields that save() derives from the others (fill_in): bulk writes, which skip save(), call
    fill_in themselves (upsert.py)."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.fill_in()
        super().save(*args, **kwargs)

    def fill_in(self) -> None:
        """Set the derived fields from the others."""


class CenterQuerySet(CenterScopeQuerySet):
    """Reads of centers (and, inherited, those a staff member sees). What "active", "located" and "offers the
    procedure" mean is written here only: appointments.selectors.nearest compiles these same filters into its SQL."""

    def active(self) -> Self:
        """The centers patients may see."""
        return self.filter(is_active=True)

    def located(self) -> Self:
        """The centers with coordinates: the only ones a distance can be measured to. Written NOT (… IS NULL):
        SQLite (without statistics) answers IS NOT NULL through the location index, one row at a time, reading
        every center in 5.5 ms instead of 3.1 (10,000 centers, bench)."""
        return self.filter(~models.Q(latitude=None), ~models.Q(longitude=None))

    def offering(self, procedure: Procedure | int, *, among_few: bool = False) -> Self:
        """The centers that offer the procedure: a subquery, not a join (one row per center; a WHERE alone). Spelt
        two ways that mean the same (tests/test_locator_nearest_agrees.py holds them to it), for SQLite's planner: IN
        reads the list of the centers offering it, best when every center is looked at; EXISTS asks it of each
        center, best when an index has already narrowed them to a few (`among_few`: a box, a state, one center).
        Among 10,000 centers: a 50-mile box 0.09 ms with EXISTS, 4.2 with IN; all of them 8.1 and 5.6 ms."""
        offers = Center.procedures.through.objects.filter(procedure=procedure)
        if among_few:
            return self.filter(models.Exists(offers.filter(center=models.OuterRef("pk"))))
        return self.filter(pk__in=offers.values("center_id"))

    def in_box(self, latitudes: tuple[float, float], longitudes: tuple[float, float]) -> Self:
        """The centers inside a (latitude, longitude) box, read from the location index (geo.bounding_box)."""
        return self.filter(latitude__range=latitudes, longitude__range=longitudes)


class Center(FilledInModel):
    """A center where patients are treated, with its address, hours and the procedures it offers."""

    name = models.CharField(max_length=150, validators=[no_control_characters])
    slug = models.SlugField(max_length=slugs.NAME_LENGTH, unique=True)
    address = models.CharField("street address", max_length=200, validators=[no_control_characters])
    city = models.CharField(max_length=100, validators=[no_control_characters])
    state = models.CharField(max_length=2, choices=US_STATES)
    zip_code = models.CharField("ZIP code", max_length=10)
    latitude = models.FloatField(null=True, blank=True, help_text="Leave blank to use the ZIP code's location.")
    longitude = models.FloatField(null=True, blank=True, help_text="Leave blank to use the ZIP code's location.")
    location_is_approximate = models.BooleanField(
        "location is approximate",
        default=False,
        editable=False,
        help_text="The coordinates are the middle of the ZIP code, not the door: enter the real ones.",
    )
    suite = models.CharField("floor and suite", max_length=100, blank=True, help_text="e.g. 2nd floor, Suite 210")
    parking = models.CharField(max_length=300, blank=True, help_text="Where patients park, and whether it is free.")
    accessibility = models.CharField(
        "wheelchair access and entrance", max_length=300, blank=True, help_text="e.g. Step-free entrance on Oak Street."
    )
    transit = models.CharField("public transit", max_length=300, blank=True, help_text="Nearby bus or train stops.")
    languages: "models.ManyToManyField[Language, Any]" = models.ManyToManyField(
        "Language", blank=True, related_name="centers", help_text="Languages the center's staff speak with patients."
    )
    phone = PhoneNumberField(help_text="e.g. (512) 555-0100")
    notification_email = models.EmailField(
        blank=True,
        help_text="Receives the staff notifications of new appointment requests at this center.",
        validators=[no_control_characters],
    )
    timezone = models.CharField(max_length=40, choices=US_TIME_ZONES, default="America/New_York")
    procedures = models.ManyToManyField(Procedure, blank=True, related_name="centers")
    is_active = models.BooleanField("active", default=True, help_text="Inactive centers are hidden from patients.")
    is_demo = models.BooleanField("demo data", default=False, help_text="Fictional center for local use.")
    staff: "models.ManyToManyField[User, Any]" = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="staffed_centers",
        help_text="Staff who work this center's appointment requests.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    # The name and city as searched, without accents (center_search_text): "Espanola" finds Española.
    search_text = models.CharField(max_length=260, blank=True, editable=False)

    objects = CenterQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[procedures])

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="center_location"),
            models.Index(fields=["state", "city", "name"], name="center_state_city"),
        ]
        permissions = [("manage_center_staff", "Can manage center staff")]

    def __str__(self) -> str:
        return f"{self.name} ({self.city}, {self.state})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """A changed web address keeps the old one working (PreviousCenterAddress: a permanent redirect). Its model
        is reached through the relation it declares (center_records.py imports this module, not the reverse)."""
        old = Center.objects.filter(pk=self.pk).values_list("slug", flat=True).first() if self.pk else None
        super().save(*args, **kwargs)
        self.previous_addresses.model.page_moved(self, old)

    def get_absolute_url(self) -> str:
        return reverse("appointments:center", kwargs={"slug": self.slug})

    @staticmethod
    def slug_for(name: str, city: str, state: str) -> str:
        """The slug a center is known by (its page address, and the key import_centers and demo data match on)."""
        return slugs.slug_of(f"{name} {city} {state}")

    def fill_in(self) -> None:
        if not self.slug:
            self.slug = self.slug_for(self.name, self.city, self.state)
        if self.latitude is None or self.longitude is None:
            point = geo.zip_point(self.zip_code)
            if point:
                self.latitude, self.longitude = point
        self.location_is_approximate = geo.is_zip_location((self.latitude, self.longitude), self.zip_code)
        self.search_text = center_search_text(self.name, self.city)

    def offers(self, procedure: Procedure) -> bool:
        """Whether the center offers the procedure (CenterQuerySet.offering: one definition)."""
        return Center.objects.filter(pk=self.pk).offering(procedure, among_few=True).exists()

    @property
    def one_line_address(self) -> str:
        return f"{self.address}, {self.city}, {self.state} {self.zip_code}"

    @property
    def street_address(self) -> str:
        """The address to the door, as a maps service reads it (without the floor and suite)."""
        return f"{self.address}, {self.city}, {self.state} {self.zip_code}, USA"

    def local_time(self, when: datetime | None = None) -> datetime:
        return hours.local_time(self.timezone, when)

    def periods(self) -> list[hours.Period]:
        """The opening periods (weekday, opens, closes) from the prefetched hours, for appointments.hours."""
        return [(period.weekday, period.opens, period.closes) for period in self.opening_hours.all()]

    def closed_days(self) -> list[hours.Closed]:
        """The holiday closures staff entered (first day, last day, note), from the prefetched closures."""
        return [closure.as_closed() for closure in self.closures.all()]

    def is_open_at(self, when: datetime | None = None) -> bool:
        """Whether the center is open at that moment, in its own time zone (reads prefetched hours and closures)."""
        return hours.is_open(self.periods(), self.local_time(when), self.closed_days())

    def next_opening(self, when: datetime | None = None) -> datetime | None:
        """When the center next opens, in its own time zone (reads prefetched hours and closures)."""
        return hours.next_opening(self.periods(), self.local_time(when), self.closed_days())

    def closes_at(self, when: datetime | None = None) -> datetime | None:
        """When the center closes, if it is open at that moment, in its own time zone."""
        return hours.closes_at(self.periods(), self.local_time(when), self.closed_days())

    def opening_note(self, when: datetime | None = None) -> str:
        """ "closes 5:00 PM", "opens tomorrow 8:00 AM"... (hours.opening_note), "" when it has no hours."""
        return hours.opening_note(self.periods(), self.local_time(when), self.closed_days())

    def hours_by_day(self, when: datetime | None = None) -> list[tuple[StrOrPromise, list["OpeningHours"], bool]]:
        """Each weekday with its opening periods (empty list: closed) and whether it is today at the center."""
        hours = list(self.opening_hours.all())
        today = self.local_time(when).weekday()
        return [(label, [h for h in hours if h.weekday == day], day == today) for day, label in Weekday.choices]

    def closures_ahead(self, when: datetime | None = None) -> list["Closure"]:
        """The closures not over yet at the center (today included), soonest first (reads prefetched closures)."""
        today = self.local_time(when).date()
        return sorted((c for c in self.closures.all() if c.last_day >= today), key=lambda c: c.starts_on)

    def closed_today(self, when: datetime | None = None) -> "Closure | None":
        """The closure that covers today at the center, if any."""
        today = self.local_time(when).date()
        return next((c for c in self.closures.all() if c.starts_on <= today <= c.last_day), None)


class OpeningHours(models.Model):
    """A period a center is open on a weekday, in the center's own time zone."""

    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name_plural = "opening hours"
        constraints = [
            models.CheckConstraint(condition=models.Q(closes__gt=models.F("opens")), name="hours_close_after_open")
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"
