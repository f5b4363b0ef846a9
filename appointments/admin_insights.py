"""The insights dashboard (/admin/insights/): how the site serves patients, for the last 4, 13 or 52 weeks, as tables
with server-drawn charts and a map, each table downloadable as CSV (?csv=<table>). Practice managers see it all;
center staff see their own centers' response times; content editors see nothing (appointments/access.py)."""

import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from core import insights

from . import insight_charts, insight_figures
from .access import user_sees_insights
from .export import csv_safe
from .insight_figures import PERIODS, Period, Table
from .models import Center


def insights_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    weeks = int(request.GET["weeks"]) if request.GET.get("weeks") in {str(n) for n in PERIODS} else PERIODS[0]
    period = Period.of(weeks)
    everything = user_sees_insights(user)
    if everything:
        insights.flush()  # this process's waiting counts, so a manager sees the latest
        tables = insight_figures.dashboard(period)
    else:
        centers = list(Center.objects.staffed_by(user)) if user.has_perm("appointments.view_appointmentrequest") else []
        if not centers:
            raise PermissionDenied
        tables = [insight_figures.response_times(period, centers)]
    if "csv" in request.GET:
        return _csv(next((t for t in tables if t.name == request.GET["csv"]), None), period)
    context = {
        **admin.site.each_context(request),
        "title": "Insights" if everything else "How quickly your centers answer",
        "period": period,
        "periods": PERIODS,
        "everything": everything,
        "tables": [(table, insight_charts.bar_chart(table)) for table in tables],
        "demand_map": insight_charts.demand_map(insight_figures.unmet_by_state(period)) if everything else "",
    }
    response = TemplateResponse(request, "admin/insights.html", context)
    response["Cache-Control"] = "no-store"
    return response


def _csv(table: Table | None, period: Period) -> HttpResponse:
    """A table as the dashboard shows it (counts under 5 as "fewer than 5"), safe to open in a spreadsheet."""
    if table is None:
        raise Http404("No such table")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="insights-{table.name}-{period.weeks}-weeks.csv"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # byte-order mark: Excel then reads the file as UTF-8
    writer = csv.writer(response, quoting=csv.QUOTE_ALL)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([csv_safe(cell) for cell in row])
    return response
