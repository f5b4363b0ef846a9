"""The figures of the insights dashboard (appointments/admin_insights.py), as tables: what the counters say (searches,
the request form, pages, 404 addresses: core/insights.py) and what the requests themselves say (requests per week,
center, procedure, site language and caregiver; staff response times), for the last 4, 13 or 52 weeks.

Every count from 1 to 4 is shown as "fewer than 5", in the CSV too, and a 404 address seen fewer than 5 times is not
named at all: a small number can point at one person. Zero is shown as 0.
"""

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Min, Q, QuerySet, Sum
from django.utils import timezone

from core.insights import OTHER_ADDRESS
from core.models import InsightCount, SiteSettings
from core.states import US_STATES
from procedures.models import Procedure

from .call_needs import Requester
from .models import AppointmentRequest, Center

PERIODS = (4, 13, 52)  # weeks
FEWER_THAN_5 = "fewer than 5"
STATE_NAMES = dict(US_STATES)
Kind = InsightCount.Kind


def shown(number: int) -> int | str:
    """A count as the dashboard shows it: 1 to 4 are "fewer than 5"."""
    return FEWER_THAN_5 if 0 < number < 5 else number


def rank(number: int) -> int:
    """What a row is ordered by: its count, but every count under 5 alike, so the order tells no masked count."""
    return number if number >= 5 else 0


def most_first(rows: Iterable[Any], count: str | int, name: str | int) -> list[Any]:
    """The rows most counted first (by `rank`: every count under 5 alike), then by name."""
    return sorted(rows, key=lambda row: (-rank(row[count]), str(row[name])))


@dataclass
class Table:
    """A table of the dashboard: its CSV name, title, column headings and rows (counts already masked), and the
    bars of its chart (label, count), if it has one."""

    name: str
    title: str
    columns: list[str]
    rows: list[list[Any]]
    note: str = ""
    bars: list[tuple[str, Any]] = field(default_factory=list)
    measured: str = ""  # what the bars show, when it is not the table's second column
    over_time: bool = False  # the bars are weeks: drawn as columns

    @property
    def chart_caption(self) -> str:
        what = self.measured or (self.columns[1] if len(self.columns) > 1 else "")
        outlined = " An outlined column: fewer than 5." if self.over_time else ""
        return f"{self.title}: {what.lower()}, as drawn above; the table gives every figure.{outlined}"


@dataclass(frozen=True)
class Period:
    weeks: int
    first: date
    last: date

    @classmethod
    def of(cls, weeks: int, today: date | None = None) -> "Period":
        today = today or timezone.localdate()
        return cls(weeks, today - timedelta(days=7 * weeks - 1), today)

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.first, datetime.min.time()))


def _counters(period: Period, kind: str) -> QuerySet[InsightCount]:
    return InsightCount.objects.filter(kind=kind, day__gte=period.first, day__lte=period.last)


def _area(state: str, zip3: str) -> str:
    name = STATE_NAMES.get(state, state or "Unknown state")
    return f"{name}, ZIP codes {zip3}xx" if zip3 else name


# --- Demand ----------------------------------------------------------------------------------------------------


def unmet_by_area(period: Period) -> Table:
    """Areas searched where no center offering what was asked for is within 50 miles, most such searches first."""
    searches = _counters(period, Kind.SEARCH).values("state", "zip3")
    found = searches.annotate(all=Sum("count"), unmet=Sum("count", filter=Q(found=False)))
    rows = sorted(
        ((r["unmet"] or 0, r["all"], r["state"], r["zip3"]) for r in found),
        key=lambda r: (-rank(r[0]), -rank(r[1]), r[2], r[3]),
    )
    return Table(
        "unmet-demand-by-area",
        "Where patients look for a center we do not have",
        ["Area", "Searches with no center within 50 miles", "All searches"],
        [[_area(state, zip3), shown(unmet), shown(every)] for unmet, every, state, zip3 in rows if unmet],
        note="Searches on Find a center, Find a physician and the request form, by state and 3-digit ZIP prefix "
        "(a whole state searched has none). A center counts when it offers the procedure asked for.",
    )


def unmet_by_state(period: Period) -> dict[str, int]:
    """Searches with no center within 50 miles, per state (the map)."""
    searches = _counters(period, Kind.SEARCH).filter(found=False).exclude(state="")
    return {row["state"]: row["n"] for row in searches.values("state").annotate(n=Sum("count"))}


def searches_by_state(period: Period) -> Table:
    totals = _counters(period, Kind.SEARCH).values("state").annotate(all=Sum("count"))
    unmet = unmet_by_state(period)
    rows = most_first(((r["all"], r["state"]) for r in totals), 0, 1)
    table = [[_area(state, ""), shown(every), shown(unmet.get(state, 0))] for every, state in rows]
    return Table(
        "unmet-demand-by-state",
        "Searches by state",
        ["State", "Searches", "With no center within 50 miles"],
        table,
        bars=[(str(row[0]), row[2]) for row in sorted(table, key=_count_key, reverse=True)[:15] if row[2]],
        measured="Searches with no center within 50 miles (the 15 states with most)",
    )


def searches_by_procedure(period: Period) -> Table:
    counted = (
        _counters(period, Kind.SEARCH)
        .values("procedure")
        .annotate(all=Sum("count"), unmet=Sum("count", filter=Q(found=False)))
    )
    titles = dict(Procedure.objects.filter(slug__in=[r["procedure"] for r in counted]).values_list("slug", "title"))
    rows = most_first(counted, "all", "procedure")
    return Table(
        "searches-by-procedure",
        "Searches by procedure",
        ["Procedure", "Searches", "With no center offering it within 50 miles"],
        [
            [titles.get(r["procedure"], r["procedure"] or "Any procedure"), shown(r["all"]), shown(r["unmet"] or 0)]
            for r in rows
        ],
    )


def searches_by_page(period: Period) -> Table:
    labels = dict(InsightCount.Source.choices)
    counted = _counters(period, Kind.SEARCH).values("source").annotate(all=Sum("count"))
    ordered = most_first(counted, "all", "source")
    table = [[labels.get(r["source"], r["source"]), shown(r["all"])] for r in ordered]
    return Table("searches-by-page", "Searches by page", ["Page", "Searches"], table, bars=_bars(table))


# --- The request form ------------------------------------------------------------------------------------------


def form_steps(period: Period) -> Table:
    counted = dict(_counters(period, Kind.FORM).values_list("step").annotate(n=Sum("count")))
    table = [[label, shown(counted.get(step, 0))] for step, label in InsightCount.Step.choices]
    return Table(
        "request-form-steps",
        "The request form, step by step",
        ["Step", "Times"],
        table,
        note="“Answers checked” is counted once the form has a step that shows the answers before sending.",
        bars=_bars(table),
    )


def _per(column: str, period: Period, kind: str, table: tuple[str, str, list[str]], **more: Any) -> Table:
    """The period's counters of that kind summed per `column` (a field's name, a page's address), most first, as a
    Table (its name, title and headings given) of [value, count shown], with bars for the first `most` rows."""
    counted = _counters(period, kind).values(column).annotate(n=Sum("count"))
    rows = [[row[column], shown(row["n"])] for row in most_first(counted, "n", column)]
    most = more.pop("most", len(rows))
    return Table(*table, rows, bars=_bars(rows[:most]), **more)


def form_errors(period: Period) -> Table:
    table = ("request-form-errors", "Questions whose answer the form sent back", ["Field", "Times its error was shown"])
    return _per("field", period, Kind.FORM_ERROR, table, note="The field's name only: never what was typed.")


# --- Pages -----------------------------------------------------------------------------------------------------


def page_views(period: Period) -> Table:
    table = ("page-views", "Page views", ["Address", "Views"])
    return _per("path", period, Kind.PAGE, table, most=15, measured="Views (the 15 most read)")


def not_found(period: Period) -> Table:
    """Addresses that answered 404, each seen at least 5 times; the others together, unnamed."""
    counted = _counters(period, Kind.NOT_FOUND).values("path").annotate(n=Sum("count")).order_by("-n", "path")
    named = [[r["path"], r["n"]] for r in counted if r["n"] >= 5 and r["path"] != OTHER_ADDRESS]
    others = sum(r["n"] for r in counted) - sum(n for _path, n in named)
    rows: list[list[Any]] = [[path, n] for path, n in named]
    if others:
        rows.append(["Other addresses, fewer than 5 times each or not shown", shown(others)])
    return Table(
        "not-found",
        "Addresses that answered “not found” (404)",
        ["Address", "Times"],
        rows,
        note="Broken links to fix: the address without its query string.",
    )


# --- Requests --------------------------------------------------------------------------------------------------


def _requests(period: Period, centers: Iterable[Center] | None = None) -> QuerySet[AppointmentRequest]:
    requests = AppointmentRequest.objects.exclude(status=AppointmentRequest.Status.SPAM)
    requests = requests.filter(created_at__gte=period.start)
    return requests if centers is None else requests.filter(center__in=list(centers))


def requests_per_week(period: Period) -> Table:
    weeks: dict[date, Counter[str]] = {period.first + timedelta(days=7 * n): Counter() for n in range(period.weeks)}
    rows = _requests(period).values_list("created_at", "site_language", "requester")
    for created_at, language, requester in rows:
        first = period.first + timedelta(days=7 * ((timezone.localdate(created_at) - period.first).days // 7))
        week = weeks.setdefault(first, Counter())
        week["all"] += 1
        week["es"] += language == "es"
        week["caregiver"] += requester == Requester.SOMEONE_ELSE
    table = [
        [f"{first:%b %-d, %Y}", shown(w["all"]), shown(w["es"]), shown(w["caregiver"])] for first, w in weeks.items()
    ]
    return Table(
        "requests-per-week",
        "Requests per week",
        ["Week from", "Requests", "Sent in Spanish", "Asked by a caregiver or family member"],
        table,
        note="Spam left out. Requests deleted by the retention period (APPOINTMENT_RETENTION_DAYS) are not counted.",
        bars=[(str(row[0]), row[1]) for row in table],
        over_time=True,
    )


def requests_by(period: Period, what: str) -> Table:
    """Requests of the period by center, procedure, site language or caregiver, with their average per week."""
    column, title, heading = BREAKDOWNS[what]
    counted = most_first(_requests(period).values(column).annotate(n=Count("pk")), "n", column)
    languages = {"en": "English", "es": "Spanish"}
    caregiver = {Requester.SOMEONE_ELSE: "Asked by a caregiver or family member", Requester.PATIENT: "The patient"}
    labels: dict[str, dict] = {"site_language": languages, "requester": caregiver}
    named = labels.get(column, {})
    table = [[named.get(r[column], r[column]) or "Not said", shown(r["n"]), _per_week(r["n"], period)] for r in counted]
    return Table(
        f"requests-by-{what}",
        title,
        [heading, "Requests", "Per week"],
        table,
        bars=_bars(table[:15]),
        measured="Requests (the 15 with most)" if len(table) > 15 else "",
    )


BREAKDOWNS = {
    "center": ("center__name", "Requests by center", "Center"),
    "procedure": ("procedure__title", "Requests by procedure", "Procedure"),
    "language": ("site_language", "Requests by the site’s language", "Language"),
    "caregiver": ("requester", "Requests asked by a caregiver", "Who asked"),
}


def _per_week(number: int, period: Period) -> str:
    return FEWER_THAN_5 if 0 < number < 5 else f"{number / period.weeks:.1f}"


def response_times(period: Period, centers: Iterable[Center] | None = None, *, now: datetime | None = None) -> Table:
    """Per center: hours from a request's arrival to the first change of its status by staff (median, 90th
    percentile), and the requests still new past the practice's promise (Site settings), when it made one."""
    requests = _requests(period, centers)
    history = AppointmentRequest.history.model.objects
    first_change = dict(
        history.filter(id__in=requests.values("pk"), history_user__isnull=False)
        .exclude(status=AppointmentRequest.Status.NEW)
        .values("id")
        .annotate(at=Min("history_date"))
        .values_list("id", "at")
    )
    hours: dict[str, list[float]] = defaultdict(list)
    for pk, created_at, name in requests.values_list("pk", "created_at", "center__name"):
        if pk in first_change:
            hours[name].append((first_change[pk] - created_at).total_seconds() / 3600)
    promise = SiteSettings.current().response_business_days
    late: dict[str, int] = {}
    if promise:
        overdue = requests.filter(
            status=AppointmentRequest.Status.NEW, created_at__lt=business_days_before(now, promise)
        )
        late = dict(overdue.values_list("center__name").annotate(n=Count("pk")))
    names = sorted(set(hours) | set(late) | set(requests.values_list("center__name", flat=True)))
    columns = ["Center", "Requests answered", "Median hours to first status change", "90th percentile (hours)"]
    if promise:
        columns.append(f"Still new after {promise} business day{'s' if promise > 1 else ''}")
    rows = []
    for name in names:
        times = sorted(hours.get(name, []))
        figures: list[Any] = [name, shown(len(times)), *_median_and_p90(times)]
        rows.append(figures + ([shown(late.get(name, 0))] if promise else []))
    return Table(
        "response-times",
        "How quickly centers answer",
        columns,
        rows,
        note="From the request’s arrival to the first change of its status by staff, for the requests of the period. "
        "Times are shown once a center has answered at least 5.",
        bars=[(str(row[0]), row[2]) for row in rows if isinstance(row[2], float)],
        measured="Median hours to the first status change",
    )


def _median_and_p90(times: list[float]) -> list[Any]:
    if len(times) < 5:
        return [FEWER_THAN_5 if times else "", FEWER_THAN_5 if times else ""]
    p90 = times[math.ceil(0.9 * len(times)) - 1]  # nearest rank
    return [round(statistics.median(times), 1), round(p90, 1)]


def business_days_before(now: datetime | None, days: int) -> datetime:
    """The same time `days` business days (Monday to Friday) earlier."""
    moment = timezone.localtime(now)
    while days:
        moment -= timedelta(days=1)
        days -= moment.weekday() < 5
    return moment


def _bars(table: list[list[Any]]) -> list[tuple[str, Any]]:
    return [(str(row[0]), row[1]) for row in table if isinstance(row[1], int | str)]


def _count_key(row: list[Any]) -> int:
    value = row[2]
    return value if isinstance(value, int) else 1


def dashboard(period: Period) -> list[Table]:
    """Every table of the dashboard, in its order."""
    return [
        unmet_by_area(period),
        searches_by_state(period),
        searches_by_procedure(period),
        searches_by_page(period),
        requests_per_week(period),
        *(requests_by(period, what) for what in BREAKDOWNS),
        response_times(period),
        form_steps(period),
        form_errors(period),
        page_views(period),
        not_found(period),
    ]
