"""The nearest centers' SQL (selectors.nearest, centers_near) finds what a plain reference finds: every center read
into Python, kept if active, located, offering the procedure and in the state (the rules in words), measured by
haversine and sorted. Random centers and places across the US, with and without a radius, a procedure, a state; on
SQLite and PostgreSQL (CI runs this file on both)."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appointments import geo, selectors
from appointments.models import Center

from .factories import ProcedureFactory

pytestmark = pytest.mark.django_db

STATES = ["TX", "AK", "HI", "ME", "PR"]
# From Puerto Rico to the north of Alaska, from the Aleutians (west of them, past 180°, is left out) to Maine.
LATITUDES = st.floats(17.5, 71.5)
LONGITUDES = st.floats(-179.5, -64.5)
CENTERS = st.lists(
    st.fixed_dictionaries(
        {
            "located": st.booleans() | st.just(True),
            "latitude": LATITUDES,
            "longitude": LONGITUDES,
            "is_active": st.booleans() | st.just(True),
            "offers": st.sets(st.sampled_from([0, 1])),
            "state": st.sampled_from(STATES),
        }
    ),
    max_size=25,
)
# Several centers a few miles apart: where a wrong box or a wrong order would show.
CLUSTERED = st.lists(
    st.fixed_dictionaries(
        {
            "located": st.just(True),
            "latitude": st.floats(39.0, 41.0),
            "longitude": st.floats(-98.0, -95.0),
            "is_active": st.booleans() | st.just(True),
            "offers": st.sets(st.sampled_from([0, 1])),
            "state": st.just("KS"),
        }
    ),
    max_size=25,
)
SEARCHES = st.fixed_dictionaries(
    {
        "point": st.tuples(LATITUDES, LONGITUDES) | st.tuples(st.floats(39.0, 41.0), st.floats(-98.0, -95.0)),
        "radius": st.none() | st.sampled_from([10, 25, 50, 100, 400]) | st.floats(0.5, 3000),
        "procedure": st.none() | st.sampled_from([0, 1]),
        "state": st.just("") | st.sampled_from([*STATES, "KS"]),
    }
)


@pytest.fixture
def two_procedures():
    return [ProcedureFactory(), ProcedureFactory()]


def make_centers(specs: list[dict], procedures) -> None:
    centers = Center.objects.bulk_create(
        Center(
            name=f"Center {n:02}",
            slug=f"center-{n}",
            address="1 Main Street",
            city="Town",
            state=spec["state"],
            zip_code="78701",
            latitude=spec["latitude"] if spec["located"] else None,
            longitude=spec["longitude"] if spec["located"] else None,
            is_active=spec["is_active"],
            phone="(512) 555-0142",
        )
        for n, spec in enumerate(specs)
    )
    through = Center.procedures.through
    through.objects.bulk_create(
        through(center=center, procedure=procedures[i])
        for center, spec in zip(centers, specs, strict=True)
        for i in spec["offers"]
    )


def reference(point, radius, procedure, state) -> list[tuple[str, float]]:
    """Every center, kept by the rules in words, measured by haversine, nearest first (by name when as near)."""
    kept = []
    for center in Center.objects.prefetch_related("procedures"):
        if not center.is_active or center.latitude is None or center.longitude is None:
            continue
        if procedure is not None and procedure not in center.procedures.all():
            continue
        if state and center.state != state:
            continue
        distance = geo.distance_miles(point, (center.latitude, center.longitude))
        if radius is None or distance <= radius:
            kept.append((center.name, distance))
    return sorted(kept, key=lambda found: (found[1], found[0]))


def found(results: list[selectors.Result]) -> list[tuple[str, float]]:
    return [(result.center.name, result.distance) for result in results]


def assert_the_nearest(got: list[tuple[str, float]], expected: list[tuple[str, float]], limit: int) -> None:
    """`got` is the `limit` nearest of `expected`: their distances, nearest first; of centers as near as each other
    (to a billionth of a mile: how two formulas of one distance may differ), either."""
    assert [distance for _, distance in got] == pytest.approx([distance for _, distance in expected[:limit]], abs=1e-9)
    assert set(got) <= set(expected)


def check(specs: list[dict], search: dict, procedures) -> None:
    with transaction.atomic():
        make_centers(specs, procedures)
        point, radius, state = search["point"], search["radius"], search["state"]
        procedure = None if search["procedure"] is None else procedures[search["procedure"]]
        expected = reference(point, radius, procedure, state)
        anywhere = reference(point, None, procedure, state)

        everything = selectors.nearest(point, radius, len(specs) + 1, procedure=procedure, state=state)
        assert found(selectors._within(radius, everything)) == expected

        box = geo.bounding_box(*point, radius) if radius is not None else None
        orm = set(
            selectors.nearest_candidates(box=box, procedure=procedure, state=state).values_list("name", flat=True)
        )
        assert {name for name, _ in expected} <= orm <= {name for name, _ in anywhere}
        assert set(
            selectors.nearest_candidates(box=None, procedure=procedure, state=state).values_list("name", flat=True)
        ) == {name for name, _ in anywhere}

        if not state:
            near, beyond = selectors.centers_near(point=point, radius=radius, procedure=procedure)
            assert found(near) == expected
            if radius is not None and not expected:
                assert_the_nearest(found([beyond] if beyond else []), anywhere, 1)
        transaction.set_rollback(True)


PROFILE = {"deadline": None, "derandomize": True, "suppress_health_check": [HealthCheck.function_scoped_fixture]}


@settings(max_examples=300, **PROFILE)
@given(specs=CENTERS, search=SEARCHES)
def test_the_nearest_centers_sql_finds_what_a_plain_reference_finds(two_procedures, specs, search):
    check(specs, search, two_procedures)


@settings(max_examples=200, **PROFILE)
@given(specs=CLUSTERED, search=SEARCHES)
def test_the_nearest_centers_sql_agrees_among_centers_close_together(two_procedures, specs, search):
    check(specs, search, two_procedures)


@settings(max_examples=200, **PROFILE)
@given(specs=CENTERS | CLUSTERED, point=SEARCHES.map(lambda search: search["point"]), limit=st.integers(1, 6),
       procedure=st.none() | st.sampled_from([0, 1]))  # fmt: skip
def test_the_few_nearest_centers_at_any_distance_are_the_nearest(two_procedures, specs, point, limit, procedure):
    """The request form's offer and the nearest beyond a radius: the `limit` nearest by haversine, wherever."""
    with transaction.atomic():
        make_centers(specs, two_procedures)
        chosen = None if procedure is None else two_procedures[procedure]
        near, _ = selectors.centers_near(point=point, radius=None, procedure=chosen, limit=limit)
        assert_the_nearest(found(near), reference(point, None, chosen, ""), limit)
        transaction.set_rollback(True)
