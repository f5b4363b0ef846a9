"""Find a physician: the directory's filter form."""

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import geo, places, selectors
from .models import Language, Physician
from .search_form import SearchForm, optional_choice


class PhysicianFilterForm(SearchForm):
    """Search by name or near a place; filter by procedure, center, language and accepting new patients."""

    field_order = ("q", "near", "radius", "procedure", "center", "language", "accepting")

    q = forms.CharField(label=gettext_lazy("Physician’s name"), required=False, max_length=80)
    near = forms.CharField(
        label=gettext_lazy("Near (ZIP code or city and state)"),
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false"}),
    )
    center = forms.CharField(
        label=gettext_lazy("Center name or city"),
        required=False,
        max_length=80,
        help_text=gettext_lazy("For example Austin or Downtown"),
    )
    language = optional_choice(gettext_lazy("Language"), Language.objects.all(), "name", gettext_lazy("Any language"))
    accepting = forms.BooleanField(label=gettext_lazy("Accepting new patients only"), required=False)

    def __init__(self, data: QueryDict | None = None, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        language = self.fields["language"]
        assert isinstance(language, forms.ModelChoiceField)  # declared above (self.fields holds plain Fields to mypy)
        selectors.offer_choices(language, selectors.language_choices())
        self.place: places.Place | None = None

    def clean_near(self) -> str:
        near = geo.normalize(self.cleaned_data["near"])
        if near:
            try:
                self.place = places.resolve(near)
            except places.PlaceNotFound as problem:
                raise forms.ValidationError(problem.message) from None
        return near

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
