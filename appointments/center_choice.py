"""Choosing a center on the request form: from what the patient typed (`q`, as on the locator, or "Use my
location"), the nearest few centers offering the chosen procedure, as radio options; the physicians offered are
those of the centers on offer, each marked as accepting new patients or not.

Kept apart from the form class: the form validates any active center and physician; this module decides which
few the page draws, so a page never lists every center (10,000 in the benchmark).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import cast
from urllib.parse import urlencode

from django import forms
from django.core.cache import cache
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core import phones

from . import distances, selectors
from .locator import LocatorForm
from .models import Center, Practice
from .selectors import Result

OFFERED = 5  # the nearest centers drawn as options
CONTACT_KEY = "request-form:center-contact"
CONTACT_SECONDS = 24 * 3600


@dataclass
class CenterChoice:
    """The search the patient made (if any), and the centers the form offers, nearest first."""

    search: LocatorForm
    offered: list[Result] = field(default_factory=list)

    @property
    def searched(self) -> bool:
        return self.search.searched


def center_choice(params: Mapping[str, str], chosen_slug: str | None = None) -> CenterChoice:
    """The centers to offer for the query string (?q=, ?lat=&lng=, ?procedure=), with the center already
    chosen (?center= or the posted one) first."""
    search = LocatorForm(_search_params(params))
    choice = CenterChoice(search)
    if search.searched and search.point is not None:
        procedure = search.cleaned_data.get("procedure")
        offered, _beyond = selectors.centers_near(point=search.point, radius=None, procedure=procedure, limit=OFFERED)
        choice.offered = selectors.complete(offered)  # each offer shows the address and phone
    chosen = selectors.center_by_slug(chosen_slug or params.get("center"))
    if chosen is not None:
        choice.offered = [Result(chosen, None)] + [r for r in choice.offered if r.center.pk != chosen.pk]
    return choice


def offer(form: forms.BaseForm, choice: CenterChoice) -> None:
    """Draw only the offered centers (as radio options) and their physicians; validation is unchanged."""
    centers = [result.center for result in choice.offered]
    remember_contacts(centers)
    center_field = cast(forms.ChoiceField, form.fields["center"])
    if choice.offered:
        center_field.widget = forms.RadioSelect()
        center_field.choices = [(result.center.slug, _center_label(result)) for result in choice.offered]
    else:  # nothing to choose from yet: the field says where to look
        center_field.widget = forms.Select()
        center_field.choices = [("", _("Search above to see the nearest centers"))]
    practices = selectors.practices_at(centers)
    by_physician: dict[int, list[Practice]] = {}
    for practice in practices:
        by_physician.setdefault(practice.physician_id, []).append(practice)
    physician_field = cast(forms.ModelChoiceField, form.fields["physician"])
    names = {center.pk: center.name for center in centers}
    nearest_first = {center.pk: place for place, center in enumerate(centers)}
    options = [
        (found[0].physician.slug, _physician_label(sorted(found, key=lambda p: nearest_first[p.center_id]), names))
        for found in by_physician.values()
    ]
    physician_field.choices = [("", physician_field.empty_label), *_answered_physician(form, practices), *options]


def _physician_label(practices: list[Practice], center_names: dict[int, str]) -> str:
    """One option per physician, saying at which offered center they accept new patients (nearest first)."""
    name = practices[0].physician.display_name
    if len(center_names) == 1:
        if practices[0].accepting_new_patients:
            return _("%(physician)s (accepting new patients at this center)") % {"physician": name}
        return _("%(physician)s (not accepting new patients at this center)") % {"physician": name}
    places = [
        (
            _("%(center)s: accepting new patients")
            if practice.accepting_new_patients
            else _("%(center)s: not accepting new patients")
        )
        % {"center": center_names[practice.center_id]}
        for practice in practices
    ]
    return f"{name} – {'; '.join(places)}"


def remember_contacts(centers: list[Center]) -> None:
    """Keep each offered center's name and phone in the shared cache for a day: a form sent while the database is
    down still comes back with the phone of the center chosen (`recalled_contact`)."""
    if centers:
        cache.set_many(
            {f"{CONTACT_KEY}:{center.slug}": (center.name, center.phone) for center in centers},
            CONTACT_SECONDS,
        )


def recalled_contact(slug: str) -> tuple[str, str] | None:
    """(name, phone as stored) of a center offered lately, without the database; None if not kept."""
    kept = cache.get(f"{CONTACT_KEY}:{slug}") if slug else None
    if isinstance(kept, (tuple, list)) and len(kept) == 2:
        return str(kept[0]), str(kept[1])
    return None


def _answered_physician(form: forms.BaseForm, practices: list[Practice]) -> list[tuple[str, str]]:
    """The physician already answered (or pre-filled), kept as an option even when no center offered has them:
    the form never drops an answer; its check says if they do not practise at the center chosen."""
    slug = form.data.get("physician") if form.is_bound else form.initial.get("physician")
    if not slug or any(practice.physician.slug == slug for practice in practices):
        return []
    physician = selectors.physician_by_slug(slug)
    return [(physician.slug, physician.display_name)] if physician else []


def place_query(params: Mapping[str, str]) -> str:
    """The place searched, for the form's action: answers with a problem come back with the same centers
    offered. Only the place: what the patient answers in the form stays in the POST body."""
    return urlencode({name: params[name] for name in ("q", "lat", "lng") if params.get(name)})


def _search_params(params: Mapping[str, str]) -> dict[str, str]:
    return {name: params[name] for name in ("q", "lat", "lng", "procedure") if params.get(name)}


def _center_label(result: Result) -> str:
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
