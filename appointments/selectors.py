"""Reads: which centers and physicians a patient's search finds. Forms clean input; these find things."""

import functools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.db import connection, models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import get_language

from core import rendered, slugs
from core.widgets import LanguageMarkedSelect
from procedures.models import Procedure
from procedures.translation_state import foreign_language

from . import geo, hours
from .models import (
    Center,
    CenterQuerySet,
    Closure,
    Language,
    OpeningHours,
    Physician,
    PhysicianQuerySet,
    Practice,
    search_words,
)

MAX_RESULTS = 50
NEAR_CENTERS = 500  # the centers whose physicians a search near a place considers
GROWING_RADII = (25, 100, 400)  # miles: the boxes tried for the few nearest centers at any distance
FEW = 5
PUBLISHED_PROCEDURES = Prefetch("procedures", queryset=Procedure.objects.published())
OPENING = ("opening_hours", "closures")  # what "open now" and the hours read, prefetched


@dataclass
class Result:
    """A center found by a search, how far it is from the place searched (None: a whole state listed), and its
    opening hours (read as rows, not as model instances: every search says whether each center is open now)."""

    center: Center
    distance: float | None  # miles
    periods: list[hours.Period] | None = None  # None: not read by the search (then the center's prefetched hours)
    closed: list[hours.Closed] | None = None  # its holiday closures not over yet; None: not read by the search

    @property
    def approximate(self) -> bool:
        """The center's coordinates come from its ZIP code: its distance is "about"."""
        return self.center.location_is_approximate

    def opening_periods(self) -> list[hours.Period]:
        return self.periods if self.periods is not None else self.center.periods()

    def closed_days(self) -> list[hours.Closed]:
        return self.closed if self.closed is not None else self.center.closed_days()

    def is_open(self, when: datetime | None = None) -> bool:
        return hours.is_open(self.opening_periods(), self.center.local_time(when), self.closed_days())


def centers_near(
    *, point: geo.Point, radius: float | None, procedure: Procedure | None = None, limit: int = MAX_RESULTS
) -> tuple[list[Result], Result | None]:
    """Active centers within `radius` miles of a point (None: any distance), nearest first, offering the
    procedure if one is given; when none is within the radius, the nearest one beyond it. Each center holds only
    what a search shows of it (NEAREST_FIELDS); `complete` loads the rest."""
    if radius is None:
        return _nearest_anywhere(point, procedure, limit), None
    nearby = _within(radius, nearest(point, radius, limit, procedure=procedure))
    if nearby:
        return _with_hours(nearby), None
    beyond = _nearest_anywhere(point, procedure, 1)
    return [], beyond[0] if beyond else None


def _nearest_anywhere(point: geo.Point, procedure: Procedure | None, limit: int) -> list[Result]:
    """The `limit` nearest centers at any distance. For a few (the form's offer, the nearest beyond a radius),
    growing boxes first: the database answers a box from its (latitude, longitude) index, but must read and sort
    every row (10,000 in the benchmark) for no box at all; for many, the boxes missed cost more than they save."""
    for radius in GROWING_RADII if limit <= FEW else ():
        found = _within(radius, nearest(point, radius, limit, procedure=procedure))
        if len(found) == limit:  # every center outside the box is farther than `radius`, so than these
            return _with_hours(found)
    return _with_hours(nearest(point, None, limit, procedure=procedure))


def centers_in_state(*, state: str, procedure: Procedure | None = None, limit: int = MAX_RESULTS) -> list[Result]:
    """A state's active centers by city and name (the first `limit`), offering the procedure if given."""
    centers = Center.objects.active().filter(state=state)
    if procedure is not None:
        centers = centers.offering(procedure, among_few=True)
    centers = centers.order_by("city", "name")[:limit]
    return _with_hours([Result(center, None) for center in centers])


def centers_named(text: str, limit: int = 10) -> list[Center]:
    """Active centers whose name and city contain every word of the text, with or without accents ("Espanola"
    finds Española), or whose slug it is: the directory's center search."""
    words = search_words(text)
    if not words:
        return []
    named = Q()
    for word in words:
        named &= Q(search_text__contains=word)
    return list(Center.objects.active().filter(Q(slug=text.strip()) | named).order_by("name")[:limit])


def physicians_near(
    *, point: geo.Point, radius: float | None, physicians: PhysicianQuerySet, state: str = "", accepting: bool = False
) -> list[Physician]:
    """The physicians (of the given queryset) who practise at an active center near the point (or in the state),
    accepting new patients there if `accepting`, nearest first; each carries `distance`, the miles to the nearest
    such center."""
    measured = nearest(point, radius, NEAR_CENTERS, state=state)
    distance_to = {r.center.pk: r.distance for r in _within(radius, measured) if r.distance is not None}
    where = Q(practices__center__in=list(distance_to))
    if accepting:
        where &= Q(practices__accepting_new_patients=True)  # the same practice: accepting at a center near here
    found = list(physicians.filter(where).distinct())
    for physician in found:
        counted = [p for p in physician.practices.all() if p.accepting_new_patients or not accepting]
        physician.distance = min((distance_to.get(p.center_id, math.inf) for p in counted), default=math.inf)
    return sorted(found, key=lambda physician: (physician.distance, physician.last_name, physician.first_name))


def center_by_slug(slug: str | None) -> Center | None:
    """An active center named by a ?center= slug (with its hours and closures, for "open now"), or None."""
    if not slugs.is_slug(slug):
        return None
    return Center.objects.active().filter(slug=slug).prefetch_related(*OPENING).first()


def center_moved_to(slug: str) -> Center | None:
    """The active center whose page had this address before staff changed it, or None."""
    if not slugs.is_slug(slug):
        return None
    return Center.objects.active().filter(previous_addresses__slug=slug).first()


def physician_by_slug(slug: str | None) -> Physician | None:
    return Physician.objects.active().filter(slug=slug).first() if slugs.is_slug(slug) else None


def practices_at(centers: list[Center]) -> list[Practice]:
    """Where active physicians practise among these centers, by physician's name."""
    practices = Practice.objects.filter(center__in=centers, physician__is_active=True).select_related("physician")
    return list(practices.order_by("physician__last_name", "physician__first_name"))


Choice = tuple[str, str, str]  # (value, label, the label's language where it is not the page's, else "")


def procedure_choices() -> list[Choice]:
    """The published procedures as choices, in their order, for the search forms' selects. Each name read through
    the page (not values_list): in Spanish it is the Spanish only where the whole page shows Spanish, else the
    English, marked as such (procedures/translation_state.py)."""
    return _choices(
        "procedure",
        lambda: [(page.slug, page.title, foreign_language(page)) for page in Procedure.objects.published()],
    )


def language_choices() -> list[Choice]:
    """The languages physicians speak, as choices for the directory's select: the value is the English name (the
    query string's), the label the name in the page's language where we have it (Language.local_name)."""
    return _choices(
        "language",
        lambda: [
            (language.name, language.local_name, "" if language.name_language == get_language() else "en")
            for language in Language.objects.all()
        ],
    )


def offer_choices(field: forms.ChoiceField, choices: list[Choice]) -> None:
    """Give a search form's select these choices (after its empty one), each option marked with its language
    where it is not the page's."""
    languages = {value: language for value, _label, language in choices if language}
    field.widget = LanguageMarkedSelect(option_languages=languages)
    field.widget.is_required = field.required
    field.choices = [("", getattr(field, "empty_label", "") or ""), *((value, label) for value, label, _ in choices)]


def _choices(name: str, read: Callable[[], list[Choice]]) -> list[Choice]:
    """A select's choices, kept per content generation and language (core/rendered.py: names may be translated),
    not read on every search: the value chosen is still checked against the database. `read` is called only when
    they are not kept (a generator of a queryset would run its query as soon as it is made)."""
    return rendered.kept("choices", (name,), read)


def procedure_chosen(slug: str | None, among: Iterable[Procedure]) -> Procedure | None:
    """The published procedure a ?procedure= slug names, if it is among those offered (prefetched); else None."""
    if not slugs.is_slug(slug, max_length=slugs.PAGE_LENGTH):
        return None
    return next((procedure for procedure in among if procedure.slug == slug), None)


def complete(results: list[Result]) -> list[Result]:
    """Load the fields a search did not read (address, phone, ...) of these results' centers, in one query: for
    drawing a card or offering a center on the request form."""
    partial = [result for result in results if result.center.get_deferred_fields()]
    if partial:
        full = Center.objects.in_bulk([result.center.pk for result in partial])
        for result in partial:
            result.center = full.get(result.center.pk, result.center)
    return results


# --- The nearest centers ---------------------------------------------------------------------------------------
# Every search reads them, so they are read as SQL run on a cursor: the ORM spent 0.8 of the query's 1.1 ms
# compiling it and another 0.4 building every field of each center, against 0.13 ms to run it (10,000 centers). Its
# WHERE is not written here: the ORM compiles CenterQuerySet's own filters (active, located, offering, in_box) into
# it once per process and shape of search, with stand-ins where this search's values go (_compiled_where).

SHOWN = {"id", "name", "slug", "latitude", "longitude", "location_is_approximate", "timezone"}
NEAREST_FIELDS = tuple(f.attname for f in Center._meta.concrete_fields if f.attname in SHOWN)  # as from_db reads


def nearest(
    point: geo.Point, radius: float | None, limit: int, *, procedure: Procedure | None = None, state: str = ""
) -> list[Result]:
    """The `limit` active centers nearest to a point (within a box around `radius` miles; None: anywhere),
    offering the procedure and in the state if given, measured and sorted nearest first. A bounding box (on the
    (latitude, longitude) index) and the great-circle order in the database, so only `limit` rows reach Python."""
    sql, params = _nearest_sql(point, radius, limit, procedure, state)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    centers = [Center.from_db(connection.alias, NEAREST_FIELDS, row) for row in rows]
    for center in centers:  # SQLite answers 0 or 1
        center.location_is_approximate = bool(center.location_is_approximate)
    return _measure(point, centers)


def nearest_candidates(*, box: geo.Box | None, procedure: Procedure | int | None, state: str) -> CenterQuerySet:
    """The centers `nearest` chooses from, as a queryset: active and located, inside the box, in the state and
    offering the procedure when given. Its conditions are the SQL's WHERE."""
    centers = Center.objects.active().located()
    if box is not None:
        centers = centers.in_box(*box)
    if state:
        centers = centers.filter(state=state)
    if procedure is not None:
        centers = centers.offering(procedure, among_few=box is not None or bool(state))
    return centers


def _nearest_sql(
    point: geo.Point, radius: float | None, limit: int, procedure: Procedure | None, state: str
) -> tuple[str, list[Any]]:
    lat, lng = point
    box = geo.bounding_box(lat, lng, radius) if radius is not None else None
    values = _search_values(box, state, procedure.pk if procedure is not None else None)
    where, slots = _compiled_where(connection.alias, box is not None, bool(state), procedure is not None)
    params = [values[slot.name] if isinstance(slot, _Slot) else slot for slot in slots]
    # The cosine of the angle between the point and each center (the spherical law of cosines): the nearer, the
    # larger, in the order haversine measures them, so the `limit` rows kept are the nearest ones. A plain planar
    # order kept the wrong ones far away (from Honolulu, a Kansas center 0.2 miles farther than another).
    latitude, longitude = (f"RADIANS({_column(Center, name)})" for name in ("latitude", "longitude"))
    closeness = f"SIN({latitude}) * %s + COS({latitude}) * COS({longitude} - %s) * %s"
    params += [math.sin(math.radians(lat)), math.radians(lng), math.cos(math.radians(lat)), limit]
    columns = ", ".join(_column(Center, name) for name in NEAREST_FIELDS)
    order = f"{closeness} DESC, {_column(Center, 'name')}, {_column(Center, 'id')}"
    return f"SELECT {columns} FROM {_table(Center)} WHERE {where} ORDER BY {order} LIMIT %s", params


@dataclass(frozen=True)
class _Slot:
    """Where one of a search's values goes among the parameters of a compiled WHERE."""

    name: str


# Values no search has (latitudes of -1001, a procedure -9001), put where a search's values go when its WHERE is
# compiled, and so told apart from the conditions' own constants (is_active's True) among the parameters.
STAND_IN_BOX: geo.Box = ((-1001.5, -1002.5), (-1003.5, -1004.5))
STAND_IN_STATE = "\x00"
STAND_IN_PROCEDURE = -9001


def _search_values(box: geo.Box | None, state: str, procedure: int | None) -> dict[str, Any]:
    """A search's values by name (None or "": not in this search)."""
    (south, north), (west, east) = box or ((None, None), (None, None))
    return {"south": south, "north": north, "west": west, "east": east, "state": state, "procedure": procedure}


@functools.cache
def _compiled_where(alias: str, box: bool, state: bool, procedure: bool) -> tuple[str, tuple[Any, ...]]:
    """The WHERE of nearest_candidates for one shape of search (with or without a box, a state, a procedure), as
    the ORM compiles it for a database, and its parameters: a _Slot for each of the search's values, the
    conditions' own constants as they are. Compiled once per process and shape: compiling it for every search
    cost 0.46 ms, a sixth of the CPU of a search by ZIP code (bench/cpu.py), against 0.03 ms to fill it in."""
    shape = (STAND_IN_BOX if box else None, STAND_IN_STATE if state else "", STAND_IN_PROCEDURE if procedure else None)
    candidates = nearest_candidates(box=shape[0], state=shape[1], procedure=shape[2])
    where, params = candidates.query.get_compiler(using=alias).compile(candidates.query.where)
    stand_ins = {name: value for name, value in _search_values(*shape).items() if value not in (None, "")}

    def slot(param: Any) -> Any:
        return next((_Slot(n) for n, v in stand_ins.items() if type(param) is type(v) and param == v), param)

    slots = tuple(slot(param) for param in params)
    if sorted(s.name for s in slots if isinstance(s, _Slot)) != sorted(stand_ins):  # each value once, as a parameter
        raise RuntimeError(f"The nearest centers' WHERE does not take each value once: {where} {params}")
    return where, slots


def _table(model: type[models.Model]) -> str:
    """A model's table name for SQL written here: only the models' names go into the SQL; values are parameters."""
    return connection.ops.quote_name(str(model._meta.db_table))


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    assert field.column is not None  # a concrete field
    return connection.ops.quote_name(field.column)


def _with_hours(results: list[Result]) -> list[Result]:
    """Fill in the opening hours and the holiday closures not over yet of the centers found (and only of those:
    not of every row the box held), as plain rows of one query (hours and closures side by side, UNION ALL),
    written as SQL as `nearest` is; the procedures offered are read only for cards not drawn yet (cards.py)."""
    if not results:
        return results
    periods: dict[int, list[hours.Period]] = {result.center.pk: [] for result in results}
    closed: dict[int, list[hours.Closed]] = {pk: [] for pk in periods}
    marks = ", ".join(["%s"] * len(periods))
    center, weekday, opens, closes = (_column(OpeningHours, name) for name in ("center", "weekday", "opens", "closes"))
    on, starts, ends, note = (_column(Closure, name) for name in ("center", "starts_on", "ends_on", "note"))
    sql = (
        f"SELECT {center}, {weekday}, {opens}, {closes}, NULL, NULL, NULL FROM {_table(OpeningHours)} "
        f"WHERE {center} IN ({marks}) UNION ALL "
        f"SELECT {on}, NULL, NULL, NULL, {starts}, {ends}, {note} FROM {_table(Closure)} "
        f"WHERE {on} IN ({marks}) AND ({ends} >= %s OR ({ends} IS NULL AND {starts} >= %s))"
    )
    yesterday = timezone.now().date() - timedelta(days=1)  # a day's margin: every US zone is behind UTC
    to_time = OpeningHours._meta.get_field("opens").to_python  # SQLite answers "08:00:00"
    to_date = Closure._meta.get_field("starts_on").to_python
    with connection.cursor() as cursor:
        cursor.execute(sql, [*periods, *periods, yesterday, yesterday])
        for center_id, day, opening, closing, first, last, text in cursor.fetchall():
            if day is not None:
                periods[center_id].append((day, to_time(opening), to_time(closing)))
            else:
                closed[center_id].append((to_date(first), to_date(last or first), text))
    for result in results:
        result.periods = periods[result.center.pk]
        result.closed = closed[result.center.pk]
    return results


def _within(radius: float | None, results: list[Result]) -> list[Result]:
    """The results no farther than the radius (None: all)."""
    return [r for r in results if radius is None or (r.distance is not None and r.distance <= radius)]


def _measure(point: geo.Point, centers: Iterable[Center]) -> list[Result]:
    """The centers as results, nearest first, their hours not read yet."""
    results = []
    for c in centers:
        # nearest reads located centers only
        assert c.latitude is not None
        assert c.longitude is not None
        results.append(Result(c, geo.distance_miles(point, (c.latitude, c.longitude))))
    return sorted(results, key=lambda r: (r.distance, r.center.name))
