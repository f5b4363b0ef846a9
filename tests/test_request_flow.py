"""The request form's flow, Post/Redirect/Get: every button of the form keeps every answer (a search, a suggested
place, the language switch, a problem), "Check your answers" reads them back in words, and only "Send request"
stores a request; Back and reload meet only GET pages."""

import pytest

from appointments.models import AppointmentRequest
from appointments.request_session import DRAFTS_SESSION_KEY, SENT_SESSION_KEY

from .factories_requests import DAUGHTER_ASKING, REQUEST_URL, form_data
from .html import attr, checked_value, find_all, input_value, parse, text
from .html import find_one as find

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("request_form_isolated")]

CHECK_URL = "/appointments/request/check/"


def answers(client, place, **overrides) -> dict:
    """The form's answers for that center, as the form's Continue sends them."""
    data = form_data(place, client=client, **overrides)
    data.pop("action", None)
    return data


def test_find_centers_keeps_every_answer_and_offers_the_nearest_centers(client, center, full_answers):
    data = {**full_answers, "center": "", "q": "78613", "action": "find"}
    data.pop("center")
    response = client.post(REQUEST_URL, data)

    assert response.status_code == 302
    assert "#center-search" in response["Location"]
    page = client.get(response["Location"])
    root = parse(page)
    assert page.status_code == 200
    for name in ("first_name", "last_name", "date_of_birth", "phone", "requester_name", "preferred_language_other"):
        assert input_value(root, name) == full_answers[name], name
    assert checked_value(root, "requester") == "someone_else"
    assert checked_value(root, "payment") == "self_pay"
    assert center.name in text(find(root, "form", **{"class": "request-form"}))
    assert not AppointmentRequest.objects.exists()
    assert "There is a problem" not in page.content.decode()


def test_enter_in_the_place_field_searches_instead_of_checking(client, center):
    data = answers(client, center, q="78613")
    data.pop("center")
    response = client.post(REQUEST_URL, {**data, "action": "check"})
    assert "#center-search" in response["Location"]


def test_a_problem_redirects_to_the_form_which_shows_it_with_every_answer(client, center):
    data = answers(client, center, first_name="")
    response = client.post(REQUEST_URL, data)

    assert response.status_code == 302
    page = client.get(response["Location"])
    content = page.content.decode()
    assert "Enter your first name." in content
    assert input_value(parse(page), "last_name") == "Quigglesworth"
    assert client.get(response["Location"]).status_code == 200  # a reload is a GET: no resubmission


def test_continue_shows_the_answers_in_words_and_stores_nothing(client, center):
    data = answers(client, center, date_of_birth="1957/04/12")
    response = client.post(REQUEST_URL, data)

    assert response["Location"].startswith(CHECK_URL)
    page = client.get(response["Location"])
    content = text(parse(page))
    assert "April 12, 1957" in content
    assert "Rosalind Quigglesworth" in content
    assert "(512) 555-0123" in content
    assert not AppointmentRequest.objects.exists()


def test_a_date_that_reads_both_ways_is_shown_in_words_before_sending(client, center):
    response = client.post(REQUEST_URL, answers(client, center, date_of_birth="12/04/1957"))
    content = text(parse(client.get(response["Location"])))
    assert "December 4, 1957" in content
    assert "You typed 12/04/1957: we read it month first." in content


@pytest.mark.parametrize("typed", ["April 1957", "Dec 2001", "abril 1957", "04/1957"])
def test_a_date_without_a_day_is_refused_saying_the_day_is_missing(client, center, typed):
    response = client.post(REQUEST_URL, answers(client, center, date_of_birth=typed))
    content = client.get(response["Location"]).content.decode()
    assert "must include the day" in content
    assert not AppointmentRequest.objects.exists()


def test_each_answer_has_a_change_link_to_its_question_with_the_answers_kept(client, center):
    response = client.post(REQUEST_URL, answers(client, center))
    root = parse(client.get(response["Location"]))
    links = [attr(a, "href") or "" for a in find_all(root, "a") if text(a).startswith("Change")]
    assert any(link.endswith("#id_date_of_birth") for link in links)
    form_page = parse(client.get(next(link for link in links if link.endswith("#id_first_name")).split("#")[0]))
    assert input_value(form_page, "first_name") == "Rosalind"


def test_send_request_on_the_check_page_stores_and_remembers_the_request_in_the_session(client, center):
    response = client.post(REQUEST_URL, answers(client, center))
    check = parse(client.get(response["Location"]))
    send_form = find(check, "form", **{"class": "request-send"})
    sent = {attr(field, "name"): attr(field, "value") for field in find_all(send_form, "input")}
    sent["action"] = "send"

    received = client.post(REQUEST_URL, sent)

    assert received["Location"] == "/appointments/request/received/"
    stored = AppointmentRequest.objects.get()
    assert client.session[SENT_SESSION_KEY] == [stored.pk]
    page = client.get(received["Location"]).content.decode()
    assert stored.reference in page
    assert "Change my request" in page
    assert "Sharp zigzag" not in page  # no health details on the confirmation


def test_the_language_button_keeps_the_answers_on_the_spanish_page(client, center):
    data = answers(client, center, first_name="Marisol")
    response = client.post(REQUEST_URL, {**data, "action": "language"})

    assert response["Location"].startswith("/es/appointments/request/?form=")
    root = parse(client.get(response["Location"]))
    assert input_value(root, "first_name") == "Marisol"
    assert "Pedir una cita" in text(root)


def test_answers_are_kept_per_form(client, center):
    first = client.post(REQUEST_URL, {**answers(client, center, first_name="Uno"), "action": "find"})
    second = client.post(REQUEST_URL, {**answers(client, center, first_name="Dos"), "action": "find"})
    assert input_value(parse(client.get(first["Location"])), "first_name") == "Uno"
    assert input_value(parse(client.get(second["Location"])), "first_name") == "Dos"
    assert len(client.session[DRAFTS_SESSION_KEY]) == 2


def test_a_response_time_is_promised_only_when_staff_set_one(client, center):
    from core.models import SiteSettings

    response = client.post(REQUEST_URL, answers(client, center))
    check = text(parse(client.get(response["Location"])))
    assert "business day" not in check
    assert "business day" not in text(parse(client.get(REQUEST_URL)))
    SiteSettings.objects.create(response_business_days=2)
    assert "Centers answer requests within 2 business days." in text(parse(client.get(REQUEST_URL)))
    assert "within 2 business days" in text(parse(client.get(response["Location"])))


def test_check_your_answers_says_who_is_contacted_how_on_which_number_and_in_whose_time(client, center):
    data = answers(client, center, **DAUGHTER_ASKING, best_time="morning")
    content = text(parse(client.get(client.post(REQUEST_URL, data)["Location"])))
    assert "Azura Cedar Park will text you on (512) 555-0177" in content
    assert "Morning (8 AM – noon, Central time)" in content


def test_the_kept_form_and_check_your_answers_ask_a_bounded_number_of_queries(
    client, center, physician, django_assert_max_num_queries
):
    data = answers(client, center, physician=physician.slug, procedure="epidural-injections")
    check_url = client.post(REQUEST_URL, data)["Location"]
    form_url = client.post(REQUEST_URL, {**data, "action": "find", "q": "78613"})["Location"]
    with django_assert_max_num_queries(16):  # 14 measured: session, validation, site settings, layout
        assert client.get(check_url).status_code == 200
    with django_assert_max_num_queries(22):  # 19 measured: the same, the centers near and their physicians
        assert client.get(form_url).status_code == 200
