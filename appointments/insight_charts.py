"""The insights dashboard's pictures, drawn here as SVG: bar charts, and the map of unmet demand by state on the
site's own map of the United States (static/map/build.mjs's outlines, appointments/maps.py's projection). No script,
nothing from another host. Each picture is named for screen readers and has its figures in the table beside it.
"""

import math

from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from . import geo, maps
from .insight_figures import STATE_NAMES, Table

WIDTH = 720
LABEL_WIDTH = 260
BAR_HEIGHT = 22
GAP = 8
BAR_COLOUR = "#3d7ab0"  # at least 4:1 on the admin's light and dark backgrounds; text is the page's colour
TEXT_COLOUR = "currentColor"
MAP_COLOUR = "#b3261e"


def bar_chart(table: Table) -> SafeString:
    """A horizontal bar per row of the table's chart; a count shown as "fewer than 5" is written, not drawn. A
    series over weeks is drawn as columns instead."""
    if not table.bars:
        return SafeString("")
    if table.over_time:
        return column_chart(table)
    numbers = [value for _label, value in table.bars if isinstance(value, int | float)]
    top = max(numbers, default=0) or 1
    span = WIDTH - LABEL_WIDTH - 110
    bars = []
    for row, (label, value) in enumerate(table.bars):
        y = row * (BAR_HEIGHT + GAP)
        length = span * value / top if isinstance(value, int | float) else 0
        bars.append((y, _short(label), LABEL_WIDTH - 8, y + BAR_HEIGHT * 0.7, LABEL_WIDTH, f"{length:.1f}",
                     LABEL_WIDTH + length + 6, _figure(value)))  # fmt: skip
    height = len(table.bars) * (BAR_HEIGHT + GAP)
    drawn = format_html_join(
        "\n",
        '<g><text x="{2}" y="{3}" text-anchor="end">{1}</text>'
        f'<rect x="{{4}}" y="{{0}}" width="{{5}}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
        '<text x="{6}" y="{3}">{7}</text></g>',
        bars,
    )
    return format_html(
        '<svg class="insight-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="chart-{}-title" '
        'font-size="13" fill="{}"><title id="chart-{}-title">{}: a bar chart; its figures are in the table below'
        "</title>{}</svg>",
        WIDTH,
        height,
        table.name,
        TEXT_COLOUR,
        table.name,
        table.title,
        drawn,
    )


def column_chart(table: Table) -> SafeString:
    """A column per week, oldest first, a date under every few; a count shown as "fewer than 5" is an outlined
    column as high as 5."""
    left, plot_height, plot_width = 44, 160, WIDTH - 56
    numbers = [value for _label, value in table.bars if isinstance(value, int | float)]
    top = max([*numbers, 5])
    step = plot_width / len(table.bars)
    every = math.ceil(len(table.bars) / 6)
    columns = []
    for n, (label, value) in enumerate(table.bars):
        masked = not isinstance(value, int | float)
        height = plot_height * (5 if masked else value) / top
        x = left + n * step + step * 0.1
        fill, stroke = ("none", BAR_COLOUR) if masked else (BAR_COLOUR, "none")
        tick = label if n % every == 0 else ""
        columns.append((f"{x:.1f}", f"{plot_height - height:.1f}", f"{step * 0.8:.1f}", f"{height:.1f}", fill,
                        stroke, tick, f"{x:.1f}"))  # fmt: skip
    drawn = format_html_join(
        "\n",
        '<rect x="{0}" y="{1}" width="{2}" height="{3}" fill="{4}" stroke="{5}"/>'
        f'<text x="{{7}}" y="{plot_height + 18}" font-size="11">{{6}}</text>',
        columns,
    )
    return format_html(
        '<svg class="insight-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="chart-{}-title" '
        'font-size="12" fill="{}"><title id="chart-{}-title">{}: a column chart; its figures are in the table below'
        '</title><text x="{}" y="10" text-anchor="end">{}</text><text x="{}" y="{}" text-anchor="end">0</text>'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="currentColor"/>{}</svg>',
        WIDTH,
        plot_height + 26,
        table.name,
        TEXT_COLOUR,
        table.name,
        table.title,
        left - 6,
        top,
        left - 6,
        plot_height,
        left,
        plot_height,
        WIDTH,
        plot_height,
        drawn,
    )


def demand_map(unmet: dict[str, int]) -> SafeString:
    """A circle on each state where searches found no center within 50 miles, its area in proportion to their
    number; a state with fewer than 5 has the smallest circle and says so."""
    top = max(unmet.values(), default=0)
    if not top:
        return SafeString("")
    marks = []
    for state, number in sorted(unmet.items(), key=lambda item: -item[1]):
        point = geo.state_point(state)
        xy = maps.project(point) if point else None
        if xy is None:
            continue
        radius = 5 + 25 * math.sqrt(number / top) if number >= 5 else 5
        said = f"{number}" if number >= 5 else "fewer than 5"
        label = f"{STATE_NAMES.get(state, state)}: {said} searches with no center within 50 miles"
        marks.append((label, f"{xy[0]:.1f}", f"{xy[1]:.1f}", f"{radius:.1f}", state))
    circles = format_html_join(
        "\n",
        '<g role="img" aria-label="{0}"><circle cx="{1}" cy="{2}" r="{3}" fill="'
        + MAP_COLOUR
        + '" fill-opacity="0.5" stroke="'
        + MAP_COLOUR
        + '"/><text x="{1}" y="{2}" dy="0.35em" text-anchor="middle" font-size="11">{4}</text></g>',
        marks,
    )
    return format_html(
        '<svg class="insight-map" viewBox="0 0 {} {}" role="group" aria-labelledby="demand-map-caption">'
        '<image href="{}" x="0" y="0" width="{}" height="{}"/>{}</svg>',
        maps.WIDTH,
        maps.HEIGHT,
        static("img/us-states.svg"),
        maps.WIDTH,
        maps.HEIGHT,
        circles,
    )


def _short(label: str) -> str:
    return label if len(label) <= 36 else label[:35] + "…"


def _figure(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)
