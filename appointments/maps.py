"""The map of centers, drawn here: markers placed server-side on the map of the United States built by
static/map/build.mjs (us-atlas outlines projected with d3-geo). Nothing is loaded from another host.

The projection is d3-geo's geoAlbersUsa (scale 1300, translate [487.5, 305]), written out in Python: three
conic equal-area projections (the lower 48, Alaska and Hawaii insets), each used inside its own box.
tests/test_map.py checks our points against d3-geo's own, run in Node.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from . import geo

WIDTH, HEIGHT = 975, 610
SCALE = 1300
MIN_SPAN = 100  # map units (about 300 miles) the map shows at least around the centers
EPSILON = 1e-6


@dataclass(frozen=True)
class Conic:
    """d3.geoConicEqualArea with a rotation, a centre, a scale, a translation and a clip box."""

    parallels: tuple[float, float]
    rotate: float
    center: tuple[float, float]
    scale: float
    translate: tuple[float, float]
    extent: tuple[tuple[float, float], tuple[float, float]]

    def _raw(self, lam: float, phi: float) -> tuple[float, float]:
        y0, y1 = map(math.radians, self.parallels)
        n = (math.sin(y0) + math.sin(y1)) / 2
        c = 1 + math.sin(y0) * (2 * n - math.sin(y0))
        r0, r = math.sqrt(c) / n, math.sqrt(max(0.0, c - 2 * n * math.sin(phi))) / n
        return r * math.sin(lam * n), r0 - r * math.cos(lam * n)

    def __call__(self, lng: float, lat: float) -> tuple[float, float] | None:
        cx, cy = self._raw(*map(math.radians, self.center))
        lam = math.radians(lng + self.rotate)
        lam = lam - 2 * math.pi if lam > math.pi else lam + 2 * math.pi if lam < -math.pi else lam
        px, py = self._raw(lam, math.radians(lat))
        x = self.translate[0] - self.scale * cx + self.scale * px
        y = self.translate[1] + self.scale * cy - self.scale * py
        (x0, y0), (x1, y1) = self.extent
        return (x, y) if x0 <= x <= x1 and y0 <= y <= y1 else None


def _albers_usa(k: float, x: float, y: float) -> list[Conic]:
    e = EPSILON
    return [
        Conic(
            (29.5, 45.5), 96, (-0.6, 38.7), k, (x, y),
            ((x - 0.455 * k, y - 0.238 * k), (x + 0.455 * k, y + 0.238 * k)),
        ),
        Conic(
            (55, 65), 154, (-2, 58.5), k * 0.35, (x - 0.307 * k, y + 0.201 * k),
            ((x - 0.425 * k + e, y + 0.120 * k + e), (x - 0.214 * k - e, y + 0.234 * k - e)),
        ),
        Conic(
            (8, 18), 157, (-3, 19.9), k, (x - 0.205 * k, y + 0.212 * k),
            ((x - 0.214 * k + e, y + 0.166 * k + e), (x - 0.115 * k - e, y + 0.234 * k - e)),
        ),
    ]  # fmt: skip


ALBERS_USA = _albers_usa(SCALE, WIDTH / 2, HEIGHT / 2)


def project(point: geo.Point) -> tuple[float, float] | None:
    """Where a (latitude, longitude) falls on the map, or None outside it (Puerto Rico, abroad)."""
    lat, lng = point
    for conic in ALBERS_USA:
        if (xy := conic(lng, lat)) is not None:
            return xy
    return None


@dataclass(frozen=True)
class Marker:
    number: int
    label: str
    x: float
    y: float

    @property
    def transform(self) -> str:
        """Formatted here, not by the template: a Spanish page would write "463,9" for 463.9."""
        return f"translate({self.x:.1f} {self.y:.1f})"


@dataclass(frozen=True)
class Map:
    """What the template draws: the visible part of the map, the markers, and how many could not be placed."""

    view_box: str
    markers: list[Marker]
    radius: str
    left_out: int

    @property
    def font_size(self) -> str:
        return f"{float(self.radius) * 1.15:.2f}"

    @property
    def numbered_markers_svg(self) -> SafeString:
        """The markers numbered as the list is, each named for screen readers "1. Azura North"."""
        return self._markers_svg(numbered=True)

    @property
    def markers_svg(self) -> SafeString:
        return self._markers_svg(numbered=False)

    def _markers_svg(self, *, numbered: bool) -> SafeString:
        # Written here rather than in a template loop: a search's map cost more to draw than its query.
        number = '<text text-anchor="middle" dy="0.35em" font-size="{}">{}</text>'
        return format_html_join(
            "\n",
            '<g class="map-marker" role="img" aria-label="{}" transform="{}"><circle r="{}"/>{}</g>',
            (
                (
                    f"{marker.number}. {marker.label}" if numbered else marker.label,
                    marker.transform,
                    self.radius,
                    format_html(number, self.font_size, marker.number) if numbered else "",
                )
                for marker in self.markers
            ),
        )


def centers_map(centers, here: geo.Point | None = None) -> Map | None:
    """A map of the centers, numbered as listed, zoomed to them (and to the place searched); None if none of
    them can be placed."""
    markers = []
    for number, center in enumerate(centers, start=1):
        if center.latitude is None or center.longitude is None:
            continue
        if (xy := project((center.latitude, center.longitude))) is not None:
            markers.append(Marker(number, center.name, *xy))
    if not markers:
        return None
    points = [(m.x, m.y) for m in markers]
    if here and (xy := project(here)):
        points.append(xy)
    return Map(_view_box(points), markers, _radius(points), len(centers) - len(markers))


def _view_box(points: list[tuple[float, float]]) -> str:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    width = max(max(xs) - min(xs), (max(ys) - min(ys)) * 1.6, MIN_SPAN) * 1.2
    width = min(width, WIDTH)
    height = width / 1.6
    left = min(max((max(xs) + min(xs) - width) / 2, 0), WIDTH - width)
    top = min(max((max(ys) + min(ys) - height) / 2, 0), HEIGHT - height)
    return f"{left:.1f} {top:.1f} {width:.1f} {height:.1f}"


def _radius(points: list[tuple[float, float]]) -> str:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    width = min(max(max(xs) - min(xs), (max(ys) - min(ys)) * 1.6, MIN_SPAN) * 1.2, WIDTH)
    return f"{width / 45:.2f}"
