"""Places and distances for the locator, from the ZIP code dataset shipped in the `zipcodes` package (read from
the host's shared index file, appointments.zip_index).

No web service is ever asked: a patient's search stays on our servers.
"""

import difflib
import math
import re
import unicodedata
from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.states import (
    US_STATES as US_STATES,  # re-exported; one list: the notices (procedures) choose states from it too
)

from . import zip_index

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_LATITUDE = 69.0

ZIP_RE = re.compile(r"^(\d{5})(?:-\d{4})?$", re.ASCII)
# Checked on the text with its accents folded: "Española" and "Coeur d'Alene" are place names, "東京" is not.
CITY_RE = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
STATE_WORD_RE = re.compile(r"^[A-Za-z][A-Za-z .]*$")
INVISIBLE_RE = re.compile("[\u200b-\u200d\ufeff]")
STATE_CODES = {code for code, _ in US_STATES}
STATE_NAMES = {name.upper(): code for code, name in US_STATES}

Point = tuple[float, float]
Box = tuple[tuple[float, float], tuple[float, float]]  # (south, north), (west, east)

# The time zones a center can be in; a ZIP code's zone is mapped to the one of these that keeps its clock.
US_TIME_ZONES = [
    ("America/New_York", gettext_lazy("Eastern")),
    ("America/Chicago", gettext_lazy("Central")),
    ("America/Denver", gettext_lazy("Mountain")),
    ("America/Phoenix", gettext_lazy("Mountain (Arizona, no daylight saving)")),
    ("America/Los_Angeles", gettext_lazy("Pacific")),
    ("America/Anchorage", gettext_lazy("Alaska")),
    ("Pacific/Honolulu", gettext_lazy("Hawaii")),
    ("America/Puerto_Rico", gettext_lazy("Atlantic (Puerto Rico)")),
]
TIME_ZONES = {name.lower(): name for name, _ in US_TIME_ZONES}  # by lower-case name


def normalize(text: str) -> str:
    """Full-width digits and letters made plain (NFKC), invisible characters removed, spaces collapsed."""
    text = INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text or ""))
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()


def fold_accents(text: str) -> str:
    """The text without its accents: "Española" is "Espanola", "Martínez" is "Martinez"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ß", "ss")


def is_place_name(text: str) -> bool:
    return bool(CITY_RE.match(fold_accents(text)))


def state_code(text: str) -> str | None:
    """The two-letter code of a state given by code ("TX", "tx", "D.C.") or by name ("Texas"), else None."""
    compact = re.sub(r"[\s.]", "", text).upper()
    if compact in STATE_CODES:
        return compact
    return STATE_NAMES.get(re.sub(r"\s+", " ", text.replace(".", " ")).strip().upper())


def split_city_state(text: str) -> tuple[str, str] | None:
    """A city and what stands for its state, from "Austin, TX", "Austin TX" or "Austin Texas"; the state is
    "" when none was given. None when the text cannot be a place name at all."""
    if "," in text:
        city, _, state = (part.strip() for part in text.rpartition(","))
        if is_place_name(city) and STATE_WORD_RE.match(state):
            return city, state
        return None
    if not is_place_name(text):
        return None
    words = text.split(" ")
    for size in (3, 2, 1):  # "District of Columbia", "New York", "Texas" or "TX"
        if len(words) > size and state_code(" ".join(words[-size:])):
            return " ".join(words[:-size]), " ".join(words[-size:])
    for size in (3, 2, 1):  # "TX Austin": the state first
        if len(words) > size and state_code(" ".join(words[:size])):
            return " ".join(words[size:]), " ".join(words[:size])
    if len(words) > 1 and len(words[-1].replace(".", "")) == 2:  # "Austin TZ": a state we don't know
        return " ".join(words[:-1]), words[-1]
    return text, ""


def distance_miles(a: Point, b: Point) -> float:
    """Great-circle (haversine) distance between two (latitude, longitude) points."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(lat: float, lng: float, radius_miles: float) -> Box:
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
    return zip_index.point("SELECT lat, lng FROM zip WHERE code = ?", [match.group(1)])


def is_zip_location(point: tuple[float | None, float | None], zip_code: str) -> bool:
    """Whether a center's coordinates are its ZIP code's middle (filled in for it, not its door): approximate."""
    return None not in point and point == zip_point(zip_code)


def city_point(city: str, state: str) -> Point | None:
    """The centre of a city: the mean location of its ZIP codes, so that any of them gives a nearby point."""
    return zip_index.point("SELECT lat, lng FROM city WHERE key = ? AND state = ?", [city_key(city), state.upper()])


def similar_cities(city: str, state: str, limit: int = 3) -> list[str]:
    """The names of the cities in a state spelt most like `city` ("Pittsburgh" for "Pittsburg"), closest first."""
    names = dict(zip_index.rows("SELECT key, name FROM city WHERE state = ?", [state]))
    return [names[key] for key in difflib.get_close_matches(city_key(city), names, n=limit, cutoff=0.75)]


def state_point(state: str) -> Point | None:
    """The middle of a state's ZIP codes: where a search for a whole state measures its distances from."""
    return zip_index.point("SELECT lat, lng FROM state WHERE code = ?", [state])


def city_states(city: str) -> list[str]:
    """The states that have a city of that name, the one with most ZIP codes first: a hint for a patient who
    left the state out."""
    found = zip_index.rows("SELECT state FROM city WHERE key = ? ORDER BY zips DESC, state", [city_key(city)])
    return [state for (state,) in found]


def city_key(city: str) -> str:
    """One spelling for the ways a city is written: accents, apostrophes, hyphens and dots folded ("O'Fallon"
    is the dataset's "O Fallon"), and Saint/St., Sainte/Ste., Fort/Ft. and Mount/Mt. anywhere in the name."""
    city = re.sub(r"['\-.]", " ", fold_accents(city).upper())
    city = re.sub(r"\s+", " ", city).strip()
    for short, full in (("ST", "SAINT"), ("STE", "SAINTE"), ("FT", "FORT"), ("MT", "MOUNT")):
        city = re.sub(rf"\b{short}\b(?= )", full, city)
    return city


# --- Time zones ------------------------------------------------------------------------------------------------


def zip_time_zone(zip_code: str) -> str | None:
    """The time zone of a ZIP code as one of US_TIME_ZONES, or None if the dataset does not know it.

    The dataset names zones such as America/Detroit or America/Boise; each is mapped to the zone of our list
    that keeps the same clock all year (America/New_York, America/Denver).
    """
    match = ZIP_RE.match((zip_code or "").strip())
    if not match:
        return None
    found = zip_index.rows("SELECT zone FROM zip WHERE code = ?", [match.group(1)])
    return _equivalent_zone(found[0][0] if found else "")


@cache
def _equivalent_zone(name: str) -> str | None:
    clock = _clock(name)
    if clock is None:
        return None
    return next((ours for ours, _ in US_TIME_ZONES if _clock(ours) == clock), None)


def _clock(name: str) -> tuple[timedelta | None, ...] | None:
    """A zone's offsets from UTC in January and July (this year's rules): its winter and summer clock."""
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    year = timezone.now().year
    return tuple(datetime(year, month, 15, 12, tzinfo=zone).utcoffset() for month in (1, 7))
