"""The notices and the form's new questions in a real browser: WCAG 2.2 AA by axe-core at phone and desktop widths
in both languages (taglines in a right-to-left language among them; each notice a draft, with its Spanish note and
the language-help number), reflow at 320 px, and the footer's language link by keyboard."""

import pytest

from core.models import SiteSettings
from procedures.models import Tagline

from .support import (
    AT_EACH_WIDTH,
    BROWSER,
    LANGUAGES,
    axe_in_each_state,
    clear_caches,
    in_language,
    sideways_in_each_state,
)

pytestmark = BROWSER

STATES = [
    "nondiscrimination",
    "good faith estimate",
    "notice of privacy practices",
    "consumer health data policy",
    "form with caregiver errors",
]


@pytest.fixture(autouse=True)
def _taglines():
    """Stand-ins for the client's translated taglines (we ship none): one left to right, one right to left; and a
    language-help number, so the Spanish pages' note has its link."""
    clear_caches()
    SiteSettings(phone="(512) 555-0100", language_help_phone="(512) 555-0199").save()
    Tagline.objects.create(english_name="Spanish", language_name="Español", language_tag="es",
                           text="Texto de prueba del traductor.", position=1)  # fmt: skip
    Tagline.objects.create(english_name="Arabic", language_name="العربية", language_tag="ar", direction="rtl",
                           text="نص تجريبي من المترجم.", position=2)  # fmt: skip
    yield
    clear_caches()


def open_state(page, live_server, state: str, language: str = "en") -> None:
    paths = {
        "nondiscrimination": "/nondiscrimination/",
        "good faith estimate": "/good-faith-estimate/",
        "notice of privacy practices": "/privacy-practices/",
        "consumer health data policy": "/privacy/#consumer-health-data",
    }
    if state in paths:
        page.goto(live_server.url + in_language(paths[state], language))
        return
    page.goto(live_server.url + "/appointments/request/")
    page.check("#id_requester_1")
    page.select_option("#id_preferred_language", "other")
    page.check("#id_payment_2")
    with page.expect_navigation():
        page.click("form.request-form button.btn-primary")
    assert "Enter your name, as the person asking for the patient." in page.locator("#problem").inner_text()


@AT_EACH_WIDTH
@pytest.mark.parametrize("language", LANGUAGES)
def test_notices_and_the_forms_new_questions_have_no_axe_violations(live_server, page, axe, width, language):
    # The notices in each language; the form with errors in English here (in Spanish: test_browser_spanish.py).
    states = [state for state in STATES if language == "en" or "form" not in state]
    opened = axe_in_each_state(page, axe, width, states, lambda state: open_state(page, live_server, state, language))
    assert opened == {}


def test_notices_reflow_at_320_px_without_sideways_scrolling(live_server, page):
    assert sideways_in_each_state(page, STATES, lambda state: open_state(page, live_server, state)) == []


def test_the_footers_language_link_leads_to_the_taglines_right_to_left_where_they_read_so(live_server, page):
    page.goto(live_server.url + "/")
    page.locator("footer a", has_text="Ayuda con el idioma").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/nondiscrimination/#language-assistance")
    arabic = page.locator("#language-assistance li[lang=ar]")
    assert arabic.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator("#language-assistance li[lang=es]").inner_text().startswith("Español:")


def test_follow_up_questions_appear_only_when_they_apply(live_server, page):
    page.goto(live_server.url + "/appointments/request/")
    caregiver = ["#id_requester_name", "#id_requester_relationship", "#id_requester_phone", "#id_call_back_1"]
    assert not any(page.is_visible(field) for field in caregiver)
    assert not page.is_visible("#id_preferred_language_other")
    page.check("#id_requester_1")
    assert all(page.is_visible(field) for field in caregiver)
    page.check("#id_requester_0")
    assert not any(page.is_visible(field) for field in caregiver)
    page.select_option("#id_preferred_language", "other")
    assert page.is_visible("#id_preferred_language_other")
