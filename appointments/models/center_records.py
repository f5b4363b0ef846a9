"""What staff record about a center besides its address and weekly hours: the days it is closed whatever those
hours say (holidays), and the web addresses its page had before staff changed it."""

from datetime import date

from django.db import models
from simple_history.models import HistoricalRecords

from core import slugs
from core.models import OldAddress

from .. import hours
from ..validators import no_control_characters
from .centers import Center


class Closure(models.Model):
    """A day, or days in a row, a center is closed whatever its weekly hours (a holiday), entered by staff: "open
    now", "opens next" and the center's page honour it (appointments.hours)."""

    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="closures")
    starts_on = models.DateField("closed on")
    ends_on = models.DateField(
        "closed until", null=True, blank=True, help_text="The last day closed, for several days in a row; else empty."
    )
    note = models.CharField(
        max_length=120,
        blank=True,
        help_text="Shown to patients beside the date, e.g. “Thanksgiving”.",
        validators=[no_control_characters],
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_on"]
        verbose_name = "holiday closure"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="closure_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.center} closed {self.starts_on}" + (f" to {self.ends_on}" if self.ends_on else "")

    @property
    def last_day(self) -> date:
        return self.ends_on or self.starts_on

    def as_closed(self) -> hours.Closed:
        return (self.starts_on, self.last_day, self.note)


class PreviousCenterAddress(OldAddress):
    """An address a center's page had before staff changed it (core.models.OldAddress), as a procedure page's."""

    page_field = "center"

    slug = models.SlugField("old web address", max_length=slugs.NAME_LENGTH, unique=True)
    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="previous_addresses")
