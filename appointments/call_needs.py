"""What the center's call back needs to know: the language to speak and whether an interpreter is needed, how the
patient will pay (a self-pay patient is told of the Good Faith Estimate), and who is asking and whom to call back."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .validators import no_control_characters


class PreferredLanguage(models.TextChoices):
    """A short list of the languages most often spoken in US homes after English, then "Other"."""

    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    CHINESE = "zh", _("Chinese")
    VIETNAMESE = "vi", _("Vietnamese")
    TAGALOG = "tl", _("Tagalog")
    ARABIC = "ar", _("Arabic")
    KOREAN = "ko", _("Korean")
    RUSSIAN = "ru", _("Russian")
    ASL = "ase", _("American Sign Language")
    OTHER = "other", _("Other")


class Payment(models.TextChoices):
    INSURANCE = "insurance", _("Health insurance")
    MEDICARE = "medicare", _("Medicare")
    SELF_PAY = "self_pay", _("I will pay myself (self-pay)")
    NOT_SURE = "not_sure", _("Not sure")


class Requester(models.TextChoices):
    PATIENT = "patient", _("I am the patient")
    SOMEONE_ELSE = "someone_else", _("I am asking for someone else (family member or caregiver)")


class CallBack(models.TextChoices):
    PATIENT = "patient", _("The patient")
    REQUESTER = "requester", _("Me, the person asking")


class CallNeeds(models.Model):
    """The answers about the call on an appointment request; blank on requests sent before the form asked."""

    preferred_language = models.CharField(max_length=8, choices=PreferredLanguage.choices, blank=True)
    preferred_language_other = models.CharField(
        "other language", max_length=60, blank=True, validators=[no_control_characters]
    )
    interpreter_needed = models.BooleanField(default=False)
    payment = models.CharField("how the patient will pay", max_length=10, choices=Payment.choices, blank=True)
    requester = models.CharField("who is asking", max_length=12, choices=Requester.choices, blank=True)
    requester_name = models.CharField(
        "name of the person asking", max_length=120, blank=True, validators=[no_control_characters]
    )
    requester_relationship = models.CharField(
        "their relationship to the patient", max_length=60, blank=True, validators=[no_control_characters]
    )
    requester_phone = models.CharField("their phone", max_length=30, blank=True)
    call_back = models.CharField("whom to call back", max_length=10, choices=CallBack.choices, blank=True)

    class Meta:
        abstract = True

    @property
    def calls_requester(self) -> bool:
        """Whether the center calls back the person who asked for the patient, not the patient."""
        return self.requester == Requester.SOMEONE_ELSE and self.call_back == CallBack.REQUESTER

    @property
    def language_display(self) -> str:
        """The language to speak on the call, e.g. "Spanish, interpreter needed"."""
        language = self.preferred_language_other or self.get_preferred_language_display()
        return f"{language}, interpreter needed" if self.interpreter_needed else language
