"""Find a center: the search form and the search itself."""

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from . import geo, places, selectors
from .search_form import DEFAULT_RADIUS, SearchForm
from .selectors import PUBLISHED_PROCEDURES, Result

__all__ = ["PUBLISHED_PROCEDURES", "LocatorForm", "Result"]


class LocatorForm(SearchForm):
    """The locator's one form: where, how far, and which procedure. Read from the query string."""

    field_order = ("q", "lat", "lng", "radius", "procedure")

    q = forms.CharField(
        label=gettext_lazy("ZIP code or city and state"),
        required=False,
        max_length=80,
        help_text=gettext_lazy("For example 78701, Austin, TX or a full address"),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "text", "spellcheck": "false"}),
    )
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lng = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    def __init__(self, data: QueryDict | dict[str, Any] | None = None, **kwargs: Any) -> None:
        if data is not None and not data.get("radius"):
            data = data.copy()
            data["radius"] = DEFAULT_RADIUS
        super().__init__(data, **kwargs)
        self.found: places.Place | None = None
        self.suggestions: list[str] = []
        self.question: StrOrPromise = ""

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        q = geo.normalize(cleaned.get("q") or "")
        lat, lng = cleaned.get("lat"), cleaned.get("lng")
        if "lat" in self.errors or "lng" in self.errors:
            self.errors.pop("lat", None)
            self.errors.pop("lng", None)
            self.add_error("q", _("We could not use that location. Enter a ZIP code or a city and state instead."))
        elif q:
            try:
                self.found = places.resolve(q)
            except places.PlaceNotFound as problem:
                self.suggestions, self.question = problem.suggestions, problem.question
                self.add_error("q", problem.message)
        elif lat is not None and lng is not None:
            self.found = places.Place((lat, lng), _("your location"))
        elif lat is not None or lng is not None:
            self.add_error("q", _("We could not use that location. Enter a ZIP code or a city and state instead."))
        return cleaned

    def suggestion_links(self) -> list[tuple[str, str]]:
        """Places the patient may have meant, each with the query string that searches it (same filters)."""
        keep = {name: self.data[name] for name in ("radius", "procedure") if self.data.get(name)}
        return [(label, urlencode({"q": label, **keep})) for label in self.suggestions]

    @property
    def point(self) -> geo.Point | None:
        return self.found.point if self.found else None

    @property
    def place(self) -> str:
        return self.found.label if self.found else ""

    @property
    def state(self) -> str:
        """The state asked for, when the search is for a whole state."""
        return self.found.state if self.found else ""

    @property
    def needs_place(self) -> bool:
        """A procedure was chosen but no place given: the page asks for one instead of showing nothing."""
        return self.is_bound and self.is_valid() and self.point is None and bool(self.cleaned_data.get("procedure"))

    @property
    def searched(self) -> bool:
        return self.is_bound and self.is_valid() and self.point is not None

    def results(self) -> tuple[list[Result], Result | None]:
        """Centers within the radius, nearest first (or a whole state's); if none, the nearest one beyond it."""
        procedure = self.cleaned_data.get("procedure")
        if self.state:
            return selectors.centers_in_state(state=self.state, procedure=procedure), None
        if self.point is None:
            raise ValueError("No place to search from: ask `searched` first.")
        return selectors.centers_near(point=self.point, radius=self.cleaned_data["radius"], procedure=procedure)
