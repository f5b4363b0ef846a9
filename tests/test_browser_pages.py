"""The public pages in a real browser: WCAG 2.2 AA by axe-core at phone and desktop widths, reflow, keyboard."""

import pytest

from core.models import SiteSettings
from procedures.models import ListItem, Procedure

from .support import (
    AT_EACH_WIDTH,
    BROWSER,
    LANGUAGES,
    assert_axe_clean,
    axe_at_each_address,
    in_language,
    sideways_at_each_address,
)

pytestmark = BROWSER

PUBLIC_PAGES = [
    "/",
    "/pain-management/",
    "/pain-management/epidural-injections/",
    "/pain-management/facet-joint-injections/",
    "/pain-management/kyphoplasty/",
    "/pain-management/no-such-procedure/",
]


@AT_EACH_WIDTH
@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_axe_violations(live_server, page, axe, width, language):
    assert axe_at_each_address(page, axe, width, live_server.url, PUBLIC_PAGES, language, statuses=(200, 404)) == {}


@pytest.mark.parametrize("width", [320, 1280])
def test_page_with_the_site_phone_set_has_no_axe_violations_and_reflows(live_server, page, axe, width):
    SiteSettings.objects.create(phone="(512) 555-0100", hours="Monday to Friday, 8 AM to 5 PM Central time")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/pain-management/kyphoplasty/")
    assert page.get_by_role("link", name="Call (512) 555-0100").first.is_visible()
    assert_axe_clean(axe)
    assert page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


@AT_EACH_WIDTH
def test_page_with_every_optional_part_filled_has_no_axe_violations(live_server, page, axe, width):
    procedure = Procedure.objects.get(slug="kyphoplasty")
    procedure.other_names = "Vertebral augmentation"
    procedure.preparation = procedure.aftercare = procedure.results = "Placeholder text for the test."
    procedure.warning_signs_intro = procedure.alternatives = "Placeholder text for the test."
    procedure.save()
    for kind, text, detail, link in [
        (ListItem.Kind.WARNING_SIGN, "A warning sign", "", ""),
        (ListItem.Kind.QUESTION, "A question?", "An answer.", ""),
        (ListItem.Kind.REFERENCE, "A reference", "A publisher", "https://example.org/reference"),
    ]:
        ListItem.objects.create(procedure=procedure, kind=kind, text=text, detail=detail, link=link)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/pain-management/kyphoplasty/")
    assert page.get_by_role("heading", name="Frequently asked questions").is_visible()
    assert_axe_clean(axe)


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_reflow_at_320_px_without_sideways_scrolling(live_server, page, language):
    assert sideways_at_each_address(page, live_server.url, PUBLIC_PAGES, language, statuses=(200, 404)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_comparison_table_reads_at_320_px_without_a_broken_word(live_server, page, language):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + in_language("/pain-management/kyphoplasty/", language))
    # Each word of the table on one line: a word split by overflow-wrap has more than one box.
    broken = page.evaluate(
        """() => {
        const broken = [];
        const walker = document.createTreeWalker(document.querySelector('table.comparison'), NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          for (const match of node.textContent.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const rects = [...range.getClientRects()].filter(r => r.width > 0);
            if (rects.length > 1) broken.push(match[0]);
          }
        }
        return broken;
      }"""
    )
    assert broken == []
    labels = page.evaluate(
        "() => [...document.querySelectorAll('table.comparison td')]"
        ".map(td => getComputedStyle(td, '::before').content)"
    )
    columns = page.evaluate(
        "() => [...document.querySelectorAll('table.comparison th[scope=col]')].map(th => th.textContent)"
    )
    assert len(columns) == 2
    assert {f'"{column}: "' for column in columns} <= set(labels)  # each cell says which procedure it is about


def test_body_text_is_at_least_18_px(live_server, page):
    page.goto(live_server.url + "/pain-management/kyphoplasty/")
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert size >= 18


def test_keyboard_user_can_skip_to_content_and_reach_the_request_link(live_server, page):
    page.goto(live_server.url + "/pain-management/epidural-injections/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    focused = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("() => document.activeElement.getAttribute('href') || ''"))
    assert "/appointments/request/?procedure=epidural-injections" in focused


def test_on_this_page_link_moves_to_its_section(live_server, page):
    page.goto(live_server.url + "/pain-management/kyphoplasty/")
    page.get_by_role("navigation", name="On this page").get_by_role("link", name="How does Kyphoplasty differ").click()
    assert page.url.endswith("#comparison")
    assert page.locator("#comparison").is_visible()


def test_every_focused_link_shows_a_visible_outline(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_print_style_hides_navigation_and_call_to_action(live_server, page):
    page.goto(live_server.url + "/pain-management/facet-joint-injections/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".cta").is_visible()
    assert page.get_by_role("heading", name="Facet Joint Injections", level=1).is_visible()
