"""The request form keeps, reads back and routes what the patient typed, in Chromium at 375 px, in English and
Spanish, with JavaScript on and off: a center search keeps every answer, the language switch keeps them, a problem
comes back with them and Back or reload never resubmit, "Check your answers" reads the date in words, the
confirmation offers "Change my request" and a correction updates; axe-core on every new state."""

import pytest

from appointments.models import AppointmentRequest
from core import phones

from .factories_requests import type_answers
from .support import describe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("live_form"),
]

WORDS = {
    "en": {
        "prefix": "",
        "find": "Find centers",
        "continue": "Continue",
        "send": "Send request",
        "send changes": "Send my changes",
        "date": "April 12, 1957",
        "change": "Change my request",
        "switch": "Continuar en español",
        "header": "Español",
        "problem": "Enter your last name.",
        "updated": "We updated your request",
    },
    "es": {
        "prefix": "/es",
        "find": "Buscar centros",
        "continue": "Continuar",
        "send": "Enviar mi solicitud",
        "send changes": "Enviar mis cambios",
        "date": "12 de abril de 1957",
        "change": "Cambiar mi solicitud",
        "switch": "Continue in English",
        "header": "English",
        "problem": "Escriba su apellido.",
        "updated": "Actualizamos su solicitud",
    },
}


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def phone_page(request, browser, live_server):
    """A 375 px wide page, with JavaScript on or off."""
    context = browser.new_context(java_script_enabled=request.param, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.javascript = request.param
    yield page
    context.close()


def click(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def fill_patient(page) -> None:
    type_answers(page, date_of_birth="04/12/1957")  # read back as "April 12, 1957"


def assert_axe_clean(page) -> None:
    """axe-core on the page on screen. Without JavaScript nothing can run in it: the same address is fetched with
    the page's cookies (every page after a POST is a GET) and checked in a page of its own, at the same width."""
    from .support import AXE_PATH

    target = page
    if not page.javascript:
        html = page.context.request.get(page.url).text()
        target = page.context.browser.new_page(viewport={"width": 375, "height": 800})
        target.set_content(html.replace("<head>", f'<head><base href="{page.url}">', 1), wait_until="load")
    try:
        target.evaluate(AXE_PATH.read_text())
        result = target.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
        )
    finally:
        if target is not page:
            target.close()
    assert result["violations"] == [], describe_violations(result["violations"])


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_search_keeps_every_answer_then_check_send_change_and_correct(live_server, phone_page, center, language):
    page, words = phone_page, WORDS[language]
    page.goto(f"{live_server.url}{words['prefix']}/appointments/request/")
    fill_patient(page)
    page.fill("#id_q", center.zip_code)
    click(page, words["find"])  # the search is part of the form

    assert page.input_value("#id_first_name") == "Rosalind"
    assert page.input_value("#id_date_of_birth") == "04/12/1957"
    assert page.is_checked("#id_consent")
    assert_axe_clean(page)  # centers offered, answers kept
    page.check(f"input[name=center][value='{center.slug}']")
    click(page, words["continue"])

    assert "/appointments/request/check/" in page.url
    assert words["date"] in page.locator("dl.check-answers").inner_text()
    assert AppointmentRequest.objects.count() == 0
    assert_axe_clean(page)  # check your answers
    click(page, words["send"])

    assert page.url.endswith("/appointments/request/received/")
    assert_axe_clean(page)  # the confirmation, with what was sent
    with page.expect_navigation():
        page.get_by_role("link", name=words["change"], exact=True).click()
    assert page.input_value("#id_last_name") == "Quigglesworth"
    page.fill("#id_last_name", "Quigley")
    click(page, words["continue"])
    click(page, words["send changes"])  # "Check your answers" says this updates the request sent

    assert words["updated"] in page.locator("h1").inner_text()
    stored = AppointmentRequest.objects.get()
    assert (stored.last_name, stored.site_language) == ("Quigley", language)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_problem_keeps_the_answers_and_back_and_reload_never_resubmit(live_server, phone_page, center, language):
    page, words = phone_page, WORDS[language]
    page.goto(f"{live_server.url}{words['prefix']}/appointments/request/?center={center.slug}")
    fill_patient(page)
    page.fill("#id_last_name", "")
    click(page, words["continue"])

    assert words["problem"] in page.locator("#problem").inner_text()
    assert page.input_value("#id_first_name") == "Rosalind"
    assert_axe_clean(page)
    posts: list[str] = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    page.reload()
    assert page.input_value("#id_first_name") == "Rosalind"  # the reload is a GET of the kept answers
    page.go_back()
    assert posts == []  # every page after a POST is a GET: nothing to resubmit


@pytest.mark.parametrize("language", ["en", "es"])
def test_switching_language_mid_form_keeps_every_answer(live_server, phone_page, center, language):
    page, words = phone_page, WORDS[language]
    page.goto(f"{live_server.url}{words['prefix']}/appointments/request/?center={center.slug}")
    page.check("#id_requester_1")
    page.fill("#id_requester_name", "Marisol Quigglesworth")
    fill_patient(page)
    page.check("#id_requester_1")
    if page.javascript:  # the header's switch sends the form
        with page.expect_navigation():
            page.locator("a.language-switch").click()
    else:  # the form's own button
        click(page, words["switch"])

    other = "es" if language == "en" else "en"
    assert page.locator("html").get_attribute("lang") == other
    assert page.input_value("#id_requester_name") == "Marisol Quigglesworth"
    assert page.input_value("#id_date_of_birth") == "04/12/1957"
    assert page.is_checked(f"input[name=center][value='{center.slug}']")
    assert_axe_clean(page)


def test_on_the_spanish_page_the_call_language_starts_as_spanish(live_server, phone_page, center):
    phone_page.goto(f"{live_server.url}/es/appointments/request/")
    assert phone_page.input_value("#id_preferred_language") == "es"


def test_when_someone_else_asks_the_patients_fields_are_not_autofilled(live_server, phone_page, center):
    page = phone_page
    page.goto(f"{live_server.url}/appointments/request/?center={center.slug}")
    assert page.get_attribute("#id_first_name", "autocomplete") == "section-patient given-name"
    assert page.get_attribute("#id_requester_name", "autocomplete") == "section-requester name"
    page.check("#id_requester_1")
    if not page.javascript:  # drawn again by the server with the answer
        click(page, "Find centers")
    assert page.get_attribute("#id_first_name", "autocomplete") == "off"
    assert page.get_attribute("#id_phone", "autocomplete") == "off"


@pytest.mark.parametrize("language", ["en", "es"])
def test_past_the_limit_the_form_keeps_the_answers_and_gives_the_centers_phone(
    live_server, phone_page, center, language, settings
):
    settings.APPOINTMENT_RATE_LIMIT_PER_HOUR = 0  # this connection has sent enough
    page, words = phone_page, WORDS[language]
    page.goto(f"{live_server.url}{words['prefix']}/appointments/request/?center={center.slug}")
    fill_patient(page)
    click(page, words["continue"])
    click(page, words["send"])

    assert phones.display(center.phone) in page.locator("#problem").inner_text()  # "(512) 555-0142"
    assert page.input_value("#id_last_name") == "Quigglesworth"
    assert AppointmentRequest.objects.count() == 0
    assert_axe_clean(page)


def test_use_my_location_keeps_every_answer(live_server, browser, center):
    """ "Use my location" (JavaScript only: the browser gives the position) sends the whole form too."""
    context = browser.new_context(
        viewport={"width": 375, "height": 800},
        geolocation={"latitude": float(center.latitude), "longitude": float(center.longitude)},
        permissions=["geolocation"],
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/appointments/request/")
        fill_patient(page)
        with page.expect_navigation():
            page.get_by_role("button", name="Use my location").click()
        assert page.input_value("#id_first_name") == "Rosalind"
        assert page.is_checked("#id_consent")
        assert page.locator(f"input[name=center][value='{center.slug}']").count() == 1
    finally:
        context.close()
