"""Places and distances for the locator, from the ZIP code dataset shipped in the `zipcodes` package.

No web service is ever asked: a patient's search stays on our servers.
"""

import math
import re
from functools import cache

import zipcodes

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_LATITUDE = 69.0

ZIP_RE = re.compile(r"^(\d{5})(?:-\d{4})?$")
CITY_STATE_RE = re.compile(r"^\s*([A-Za-z][A-Za-z .'\-]*?)\s*,\s*([A-Za-z]{2})\s*$")

Point = tuple[float, float]


def distance_miles(a: Point, b: Point) -> float:
    """Great-circle (haversine) distance between two (latitude, longitude) points."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(lat: float, lng: float, radius_miles: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """Latitude and longitude ranges that contain every point within the radius (a little more)."""
    dlat = radius_miles / MILES_PER_DEGREE_LATITUDE
    cos_lat = max(math.cos(math.radians(min(89.0, abs(lat) + dlat))), 0.01)
    dlng = min(180.0, radius_miles / (MILES_PER_DEGREE_LATITUDE * cos_lat))
    return (lat - dlat, lat + dlat), (lng - dlng, lng + dlng)


def zip_point(zip_code: str) -> Point | None:
    """The location of a US ZIP code, or None if the dataset does not know it."""
    match = ZIP_RE.match((zip_code or "").strip())
    if not match:
        return None
    return _zip_index().get(match.group(1))


def city_point(city: str, state: str) -> Point | None:
    """The centre of a city: the mean location of its ZIP codes, so that any of them gives a nearby point."""
    return _city_index().get((_city_key(city), state.upper()))


def _city_key(city: str) -> str:
    city = re.sub(r"\s+", " ", city.strip().upper().replace(".", ""))
    return re.sub(r"^(ST|SAINT) ", "SAINT ", city)


@cache
def _zip_index() -> dict[str, Point]:
    return {z["zip_code"]: (float(z["lat"]), float(z["long"])) for z in zipcodes.list_all() if z["lat"]}


@cache
def _city_index() -> dict[tuple[str, str], Point]:
    points: dict[tuple[str, str], list[Point]] = {}
    for z in zipcodes.list_all():
        if z["lat"] and z["zip_code_type"] == "STANDARD":
            points.setdefault((_city_key(z["city"]), z["state"]), []).append((float(z["lat"]), float(z["long"])))
    return {key: (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)) for key, pts in points.items()}
