"""Find a center: the search form and the search itself."""

from dataclasses import dataclass

from django import forms
from django.db.models import Prefetch

from procedures.models import Procedure

from . import geo
from .models import Center

RADIUS_CHOICES = [
    ("10", "10 miles"),
    ("25", "25 miles"),
    ("50", "50 miles"),
    ("100", "100 miles"),
    ("any", "Any distance"),
]
DEFAULT_RADIUS = "50"
MAX_RESULTS = 50
PUBLISHED_PROCEDURES = Prefetch("procedures", queryset=Procedure.objects.published())


@dataclass
class Result:
    center: Center
    distance: float  # miles


class LocatorForm(forms.Form):
    """The locator's one form: where, how far, and which procedure. Read from the query string."""

    q = forms.CharField(
        label="ZIP code or city and state",
        required=False,
        max_length=80,
        help_text="For example 78701 or Austin, TX",
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "text", "spellcheck": "false"}),
    )
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lng = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    radius = forms.ChoiceField(label="Distance", choices=RADIUS_CHOICES, required=False, initial=DEFAULT_RADIUS)
    procedure = forms.ModelChoiceField(
        label="Procedure",
        queryset=Procedure.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label="Any procedure",
    )

    def __init__(self, data=None, **kwargs):
        if data is not None and not data.get("radius"):
            data = data.copy()
            data["radius"] = DEFAULT_RADIUS
        super().__init__(data, **kwargs)
        self.point: geo.Point | None = None
        self.place = ""

    def clean_radius(self) -> float | None:
        radius = self.cleaned_data.get("radius") or DEFAULT_RADIUS
        return None if radius == "any" else float(radius)

    def clean(self):
        cleaned = super().clean()
        q = geo.normalize(cleaned.get("q") or "")
        lat, lng = cleaned.get("lat"), cleaned.get("lng")
        if "lat" in self.errors or "lng" in self.errors:
            self.errors.pop("lat", None)
            self.errors.pop("lng", None)
            self.add_error("q", "We could not use that location. Enter a ZIP code or a city and state instead.")
        elif q:
            self.point, self.place = self._resolve(q)
        elif lat is not None and lng is not None:
            self.point, self.place = (lat, lng), "your location"
        elif lat is not None or lng is not None:
            self.add_error("q", "We could not use that location. Enter a ZIP code or a city and state instead.")
        return cleaned

    def _resolve(self, q: str) -> tuple[geo.Point | None, str]:
        if q[:1].isdigit():
            if not geo.ZIP_RE.match(q):
                self.add_error("q", "Enter a 5-digit ZIP code, for example 78701.")
                return None, ""
            point = geo.zip_point(q)
            if point is None:
                self.add_error("q", f"We don’t know the ZIP code {q[:5]}. Check it, or enter a city and state.")
            return point, q[:5]
        parts = geo.split_city_state(q)
        if parts is None:
            self.add_error("q", "Enter a ZIP code, or a city and state separated by a comma, for example Austin, TX.")
            return None, ""
        city, state_text = parts
        if not state_text:
            states = geo.city_states(city)
            example = f"{city.title()}, {states[0]}" if states else "Austin, TX"
            self.add_error("q", f"Add the state, for example {example}.")
            return None, ""
        state = geo.state_code(state_text)
        point = geo.city_point(city, state) if state else None
        place = f"{city.title()}, {state or (state_text.upper() if len(state_text) <= 2 else state_text)}"
        if point is None:
            self.add_error("q", f"We don’t know {place}. Check the spelling, or enter a ZIP code.")
        return point, place

    @property
    def needs_place(self) -> bool:
        """A procedure was chosen but no place given: the page asks for one instead of showing nothing."""
        return self.is_bound and self.is_valid() and self.point is None and bool(self.cleaned_data.get("procedure"))

    @property
    def searched(self) -> bool:
        return self.is_bound and self.is_valid() and self.point is not None

    def results(self) -> tuple[list[Result], Result | None]:
        """Centers within the radius, nearest first; if none, the nearest one beyond it."""
        lat, lng = self.point
        radius = self.cleaned_data["radius"]
        centers = Center.objects.active()
        if procedure := self.cleaned_data.get("procedure"):
            centers = centers.filter(procedures=procedure)
        nearby = [
            r for r in self._measure(centers.nearest(lat, lng, radius, MAX_RESULTS))
            if radius is None or r.distance <= radius
        ]  # fmt: skip
        if nearby or radius is None:
            return nearby, None
        beyond = self._measure(centers.nearest(lat, lng, None, 1))
        return [], beyond[0] if beyond else None

    def _measure(self, centers) -> list[Result]:
        results = [
            Result(center, geo.distance_miles(self.point, (center.latitude, center.longitude)))
            for center in centers.prefetch_related(PUBLISHED_PROCEDURES, "opening_hours")
        ]
        return sorted(results, key=lambda r: (r.distance, r.center.name))
