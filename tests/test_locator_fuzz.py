"""Find a center: any input at all (Hypothesis) answers 200 or 400, never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .locator import LOCATOR

pytestmark = pytest.mark.django_db


text_or_typical = st.one_of(
    st.text(max_size=120),
    st.sampled_from(["", "78701", "Austin, TX", "99999", "10", "25", "any", "kyphoplasty", "30.27", "-97.74"]),
)


coordinates = st.one_of(
    st.text(max_size=30),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
    st.just(""),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=text_or_typical, radius=text_or_typical, procedure=text_or_typical, lat=coordinates, lng=coordinates)
def test_arbitrary_input_never_gives_a_server_error(client, texas_and_beyond, q, radius, procedure, lat, lng):
    response = client.get(LOCATOR, {"q": q, "radius": radius, "procedure": procedure, "lat": lat, "lng": lng})
    assert response.status_code in {200, 400}
