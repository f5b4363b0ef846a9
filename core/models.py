"""Site-wide settings staff edit: the number patients call, shown in every page's header and footer."""

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models

from . import phones


def validate_us_phone(value: str) -> None:
    if phones.parse(value, strict=False) is None:
        raise ValidationError("Enter a 10-digit phone number, for example (512) 555-0100.")


class SiteSettings(models.Model):
    """What only the practice can say, site-wide (one row): the main phone number and its hours. While the number
    is empty, pages send patients to the locator to call their nearest center."""

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

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return "Site settings"

    def save(self, *args, **kwargs) -> None:
        self.pk = 1  # one row
        number = phones.parse(self.phone, strict=False)
        self.phone = phones.to_storage(number) if number else ""  # E.164, as every number on the site
        super().save(*args, **kwargs)

    @property
    def tel(self) -> str:
        """The number as a tel: link target."""
        return phones.tel_uri(self.phone)

    @property
    def display_phone(self) -> str:
        """The number as Americans read it, (512) 555-0100."""
        return phones.display(self.phone)

    @classmethod
    def current(cls) -> "SiteSettings":
        """The site's settings, or empty ones if none are set or the database cannot be read (a page must never
        fail for its phone number). Read where the layout is drawn, which is kept (core/rendered.py): a page
        reads them only when its header and footer are drawn afresh."""
        try:
            return cls.objects.filter(pk=1).first() or cls()
        except DatabaseError:
            return cls()
