"""Find a physician: the directory's filter form."""

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from procedures.addresses import linked_procedure
from procedures.models import Procedure

from . import geo, places, selectors
from .locator import DEFAULT_RADIUS, RADIUS_CHOICES
from .models import Language, Physician


class PhysicianFilterForm(forms.Form):
    """Search by name or near a place; filter by procedure, center, language and accepting new patients."""

    q = forms.CharField(label=gettext_lazy("Physician’s name"), required=False, max_length=80)
    near = forms.CharField(
        label=gettext_lazy("Near (ZIP code or city and state)"),
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false"}),
    )
    radius = forms.ChoiceField(
        label=gettext_lazy("Distance"), choices=RADIUS_CHOICES, required=False, initial=DEFAULT_RADIUS
    )
    procedure = forms.ModelChoiceField(
        label=gettext_lazy("Procedure"),
        queryset=Procedure.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Any procedure"),
    )
    center = forms.CharField(
        label=gettext_lazy("Center name or city"),
        required=False,
        max_length=80,
        help_text=gettext_lazy("For example Austin or Downtown"),
    )
    language = forms.ModelChoiceField(
        label=gettext_lazy("Language"),
        queryset=Language.objects.all(),
        to_field_name="name",
        required=False,
        empty_label=gettext_lazy("Any language"),
    )
    accepting = forms.BooleanField(label=gettext_lazy("Accepting new patients only"), required=False)

    def __init__(self, data: QueryDict | None = None, **kwargs: Any) -> None:
        procedure = data.get("procedure") if data is not None else None
        linked = linked_procedure(procedure) if procedure else None
        # A link to a page that moved searches it there; to a procedure we do not list, every procedure (and says so).
        self.procedure_not_listed = bool(linked and linked.not_listed)
        if data is not None and linked and linked.slug != procedure:
            data = data.copy()
            data["procedure"] = linked.slug
        super().__init__(data, **kwargs)
        # Drawn from the cached list; a chosen slug is still checked against the published pages.
        procedure_field, language_field = self.fields["procedure"], self.fields["language"]
        # Declared above as selects (self.fields holds plain Fields to mypy).
        assert isinstance(procedure_field, forms.ChoiceField)
        assert isinstance(language_field, forms.ChoiceField)
        selectors.offer_choices(procedure_field, selectors.procedure_choices())
        selectors.offer_choices(language_field, selectors.language_choices())
        self.place: places.Place | None = None

    def clean_near(self) -> str:
        near = geo.normalize(self.cleaned_data["near"])
        if near:
            try:
                self.place = places.resolve(near)
            except places.PlaceNotFound as problem:
                raise forms.ValidationError(problem.message) from None
        return near

    def clean_radius(self) -> float | None:
        radius = self.cleaned_data.get("radius") or DEFAULT_RADIUS
        return None if radius == "any" else float(radius)

    def clean_center(self) -> list:
        text = geo.normalize(self.cleaned_data["center"])
        if not text:
            return []
        centers = selectors.centers_named(text)
        if not centers:
            raise forms.ValidationError(
                _("We found no center named “%(name)s”. Check the spelling, or leave it empty.") % {"name": text}
            )
        return centers

    def physicians(self):
        """The physicians matching the filters, as a queryset; near a place, a list of them nearest first."""
        physicians = Physician.objects.active()
        if not self.is_valid():
            return physicians.none()
        data = self.cleaned_data
        physicians = physicians.named(data["q"])
        if data["procedure"]:
            physicians = physicians.filter(procedures=data["procedure"])
        if data["language"]:
            physicians = physicians.filter(languages=data["language"])
        if data["center"] and data["accepting"]:
            physicians = physicians.filter(practices__center__in=data["center"], practices__accepting_new_patients=True)
        elif data["center"]:
            physicians = physicians.filter(practices__center__in=data["center"])
        elif data["accepting"]:
            physicians = physicians.filter(practices__accepting_new_patients=True, practices__center__is_active=True)
        physicians = physicians.distinct().for_listing()
        if self.place is None:
            return physicians
        radius = None if self.place.state else data["radius"]
        return selectors.physicians_near(
            point=self.place.point,
            radius=radius,
            physicians=physicians,
            state=self.place.state,
            accepting=data["accepting"],
        )
