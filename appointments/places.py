"""What a patient typed, read as a place: a ZIP code, a city and state, a full address, or a whole state.

One reading for every search box that asks "where?" (the locator, the physician directory, the request form).
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from . import geo

# A ZIP code anywhere in the text ("Austin TX 78701", "78701 Austin", an address ending in one).
ZIP_ANYWHERE_RE = re.compile(r"(?<![\d-])(\d{5})(?:-\d{4})?(?![\d-])", re.ASCII)
HOUSE_NUMBER_RE = re.compile(r"^\d+[A-Za-z]?\s+(?=[^\W\d])", re.ASCII)
DIGITS_ONLY_RE = re.compile(r"^[\d\s-]+$", re.ASCII)
STATE_NAMES = dict(geo.US_STATES)
# "d'Alene", "l'Anse": a French elision, written in lower case inside a place's name.
ELISION_RE = re.compile(r"^[dl]'[^\W\d_]", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """Where to measure from, and how to name it to the patient. `state` is set when a whole state was asked
    for: its centers are listed, not a radius around its middle."""

    point: geo.Point
    label: str
    state: str = ""


DID_YOU_MEAN = gettext_lazy("Did you mean")


@dataclass
class PlaceNotFound(Exception):
    """Text we cannot read as a place: the message to show, and places the patient may have meant."""

    message: str
    suggestions: list[str] = field(default_factory=list)
    question: StrOrPromise = DID_YOU_MEAN


def resolve(text: str) -> Place:
    """The place the text names; raises PlaceNotFound with a message (and suggestions) otherwise."""
    text = geo.normalize(text)
    if DIGITS_ONLY_RE.match(text) or (text[:1].isdigit() and not re.search(r"[\s,]", text)):
        return _zip_place(text.replace(" ", ""))  # a ZIP code, maybe mistyped ("7870l")
    zip_problem = None
    for match in _zip_candidates(text):
        point = geo.zip_point(match.group(1))
        if point is not None:
            return Place(point, match.group(1))
        zip_problem = _unknown_zip(match.group(1))
        text = (text[: match.start()] + text[match.end() :]).strip(" ,")
    try:
        return _city_or_state_place(text)
    except PlaceNotFound:
        if zip_problem:
            raise PlaceNotFound(zip_problem) from None
        raise


def _zip_place(text: str) -> Place:
    if not geo.ZIP_RE.match(text):
        raise PlaceNotFound(_("Enter a 5-digit ZIP code, for example 78701."))
    point = geo.zip_point(text)
    if point is None:
        raise PlaceNotFound(_unknown_zip(text[:5]))
    return Place(point, text[:5])


def _unknown_zip(zip_code: str) -> str:
    return _("We don’t know the ZIP code %(zip)s. Check it, or enter a city and state.") % {"zip": zip_code}


def _unknown_city(city: str, state: str) -> str:
    return _("We don’t know %(place)s. Check the spelling, or enter a ZIP code.") % {"place": f"{city}, {state}"}


def _zip_candidates(text: str) -> list[re.Match]:
    """The numbers that may be ZIP codes, last first; a number opening a street address is a house number."""
    matches = list(ZIP_ANYWHERE_RE.finditer(text))
    if text.count(",") >= 2 and matches and matches[0].start() == 0:
        matches = matches[1:]
    return matches[::-1]


def _city_or_state_place(text: str) -> Place:
    if (code := geo.state_code(text)) and (point := geo.state_point(code)):
        return Place(point, STATE_NAMES[code], state=code)
    text = HOUSE_NUMBER_RE.sub("", text)
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if len(parts) > 2:  # a street address: its city and state are the last parts
        text = ", ".join(parts[-2:]) if geo.state_code(parts[-1]) else parts[-1]
    split = _city_and_state(text)
    if len(parts) > 1 and not (split and geo.state_code(split[1])):
        last = _city_and_state(parts[-1])
        if last and last[0] and (last[1] or geo.city_states(last[0])):
            split = last  # "6190 Park Boulevard, Austin TX", "6190 Park Boulevard, Kansas City"
    if split is None:
        raise PlaceNotFound(_("Enter a ZIP code, or a city and state separated by a comma, for example Austin, TX."))
    city, state_text = split
    if not state_text:
        return _city_in_one_state(city)
    state = geo.state_code(state_text)
    shown_state = state or (state_text.upper() if len(state_text) <= 2 else state_text)
    if state is None:
        raise PlaceNotFound(_unknown_city(spelled(city), shown_state))
    for words in _trailing_words(city):  # "6190 Park Boulevard Austin": the city is the last words
        if point := geo.city_point(words, state):
            return Place(point, f"{spelled(words)}, {state}")
    suggestions = [f"{name}, {state}" for name in geo.similar_cities(city, state)]
    raise PlaceNotFound(_unknown_city(spelled(city), state), suggestions)


def _city_and_state(text: str) -> tuple[str, str] | None:
    """The city and the state's text, as geo.split_city_state reads them, but a whole text that is a city's name
    is that city: "Kansas City" and "Oklahoma City" are not a city named "City" in Kansas or Oklahoma."""
    if "," not in text and geo.is_place_name(text) and geo.city_states(text):
        return text, ""
    return geo.split_city_state(text)


def _city_in_one_state(city: str) -> Place:
    """A city typed without its state: found at once when only one state has a city of that name ("Cedar Park"
    is in Texas); otherwise the states that have one are offered ("Kansas City, MO", "Kansas City, KS")."""
    states = geo.city_states(city)
    if len(states) == 1 and (point := geo.city_point(city, states[0])):
        return Place(point, f"{spelled(city)}, {states[0]}")
    example = f"{spelled(city)}, {states[0]}" if states else "Austin, TX"
    raise PlaceNotFound(
        _("Add the state, for example %(example)s.") % {"example": example},
        [f"{spelled(city)}, {code}" for code in states[:8]],
        _("Which one did you mean"),
    )


def spelled(name: str) -> str:
    """A place's name as the patient wrote it, with capitals where they typed none: a word typed with its capital
    ("O'Fallon", "McAllen", "DeKalb", "d'Alene" after another word) is kept; "o'fallon" is O'Fallon, "coeur
    d'alene" Coeur d'Alene, "WINSTON-SALEM" Winston-Salem (str.title gave "Coeur D'Alene", "Mcallen", "Dekalb")."""
    words = name.split(" ")
    return " ".join(word if _capitalised(word) else _capitalise(word, first=not i) for i, word in enumerate(words))


def _capitalised(word: str) -> bool:
    """Typed with a capital and not all in capitals ("McAllen", "d'Alene": the elision does not count)."""
    letters = [ch for ch in (word[2:] if ELISION_RE.match(word) else word) if ch.isalpha()]
    return bool(letters) and letters[0].isupper() and any(ch.islower() for ch in letters)


def _capitalise(word: str, *, first: bool) -> str:
    """Each piece between hyphens and apostrophes with a capital, but a French elision inside a name ("d'")."""
    pieces = re.split(r"([-'])", word.lower())
    capitalised = [piece[:1].upper() + piece[1:] for piece in pieces]
    if not first and ELISION_RE.match(word):
        capitalised[0] = pieces[0]
    return "".join(capitalised)


def _trailing_words(city: str) -> list[str]:
    words = city.split(" ")
    return [" ".join(words[-size:]) for size in range(len(words), 0, -1) if size <= 4 or size == len(words)]
