"""The request form under any input at all (Hypothesis): never a server error."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from .factories_requests import REQUEST_URL as URL
from .factories_requests import form_data
from .support import clear_caches

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("request_form_isolated")]


FORM_FIELDS = [
    "first_name", "last_name", "date_of_birth", "patient_status", "phone", "email", "preferred_contact",
    "best_time", "center", "physician", "procedure", "reason", "insurance", "consent", "website", "started",
    "submission_token", "requester", "requester_name", "requester_relationship", "requester_phone", "call_back",
    "preferred_language", "preferred_language_other", "interpreter_needed", "payment",
]  # fmt: skip


ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)


FUZZ_SETTINGS = hypothesis_settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ_SETTINGS
@given(data=st.data())
def test_arbitrary_text_in_any_field_never_causes_a_server_error(client, center, physician, data):
    valid = form_data(center, physician=physician.slug, procedure="kyphoplasty", requester="someone_else",
                      requester_name="Ana", requester_relationship="niece", requester_phone="512 555 0177",
                      call_back="requester", preferred_language="other", preferred_language_other="Somali",
                      interpreter_needed="on")  # fmt: skip
    # Each field is either a valid answer or any text at all, so some examples get past validation.
    answers = {name: data.draw(st.one_of(st.just(valid[name]), ANY_TEXT), label=name) for name in FORM_FIELDS}
    clear_caches()
    response = client.post(URL, answers)
    assert response.status_code in {200, 302, 429}


@FUZZ_SETTINGS
@given(params=st.dictionaries(st.one_of(st.sampled_from(["center", "physician", "procedure"]), ANY_TEXT), ANY_TEXT))
def test_arbitrary_query_string_never_causes_a_server_error(client, center, params):
    response = client.get(URL, params)
    assert response.status_code == 200
