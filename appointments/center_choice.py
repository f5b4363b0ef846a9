"""Choosing a center on the request form: from what the patient typed (`q`, as on the locator, or "Use my
location"), the nearest few centers offering the chosen procedure, as radio options; the physicians offered are
those of the centers on offer, each marked as accepting new patients or not.

Kept apart from the form class: the form validates any active center and physician; this module decides which
few the page draws, so a page never lists every center (10,000 in the benchmark).
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core import phones

from . import distances, selectors
from .locator import LocatorForm
from .selectors import Result

OFFERED = 5  # the nearest centers drawn as options


@dataclass
class CenterChoice:
    """The search the patient made (if any), and the centers the form offers, nearest first."""

    search: LocatorForm
    offered: list[Result] = field(default_factory=list)

    @property
    def searched(self) -> bool:
        return self.search.searched


def center_choice(params, chosen_slug: str | None = None) -> CenterChoice:
    """The centers to offer for the query string (?q=, ?lat=&lng=, ?procedure=), with the center already
    chosen (?center= or the posted one) first."""
    search = LocatorForm(_search_params(params))
    choice = CenterChoice(search)
    if search.searched:
        procedure = search.cleaned_data.get("procedure")
        offered, _beyond = selectors.centers_near(point=search.point, radius=None, procedure=procedure, limit=OFFERED)
        choice.offered = selectors.complete(offered)  # each offer shows the address and phone
    chosen = selectors.center_by_slug(chosen_slug or params.get("center"))
    if chosen is not None:
        choice.offered = [Result(chosen, None)] + [r for r in choice.offered if r.center.pk != chosen.pk]
    return choice


def offer(form: forms.Form, choice: CenterChoice) -> None:
    """Draw only the offered centers (as radio options) and their physicians; validation is unchanged."""
    centers = [result.center for result in choice.offered]
    center_field = form.fields["center"]
    if choice.offered:
        center_field.widget = forms.RadioSelect()
        center_field.choices = [(result.center.slug, _center_label(result)) for result in choice.offered]
    else:  # nothing to choose from yet: the field says where to look
        center_field.widget = forms.Select()
        center_field.choices = [("", _("Search above to see the nearest centers"))]
    practices = selectors.practices_at(centers)
    groups: dict[int, list] = {center.pk: [] for center in centers}
    for practice in practices:
        if practice.accepting_new_patients:
            label = _("%(physician)s (accepting new patients)")
        else:
            label = _("%(physician)s (not accepting new patients)")
        groups[practice.center_id].append(
            (practice.physician.slug, label % {"physician": practice.physician.display_name})
        )
    physician_field = form.fields["physician"]
    grouped = [(center.name, groups[center.pk]) for center in centers if groups[center.pk]]
    flat = grouped[0][1] if len(grouped) == 1 else grouped  # one center: no need to name it in groups
    physician_field.choices = [("", physician_field.empty_label), *_answered_physician(form, practices), *flat]


def _answered_physician(form: forms.Form, practices) -> list[tuple[str, str]]:
    """The physician already answered (or pre-filled), kept as an option even when no center offered has them:
    the form never drops an answer; its check says if they do not practise at the center chosen."""
    slug = form.data.get("physician") if form.is_bound else form.initial.get("physician")
    if not slug or any(practice.physician.slug == slug for practice in practices):
        return []
    physician = selectors.physician_by_slug(slug)
    return [(physician.slug, physician.display_name)] if physician else []


def place_query(params) -> str:
    """The place searched, for the form's action: answers with a problem come back with the same centers
    offered. Only the place: what the patient answers in the form stays in the POST body."""
    return urlencode({name: params[name] for name in ("q", "lat", "lng") if params.get(name)})


def _search_params(params) -> dict:
    return {name: params[name] for name in ("q", "lat", "lng", "procedure") if params.get(name)}


def _center_label(result: Result):
    center = result.center
    distance = distances.away(result.distance, approximate=result.approximate) if result.distance is not None else ""
    status = _("Open now") if result.is_open() else _("Closed now")
    return format_html(
        '<span class="choice-name">{}</span>{}<span class="choice-line">{}</span>'
        '<span class="choice-line">{} · {} {}</span>',
        center.name,
        format_html('<span class="choice-distance">{}</span>', distance) if distance else "",
        center.one_line_address,
        status,
        _("Phone"),
        phones.display(center.phone),
    )
