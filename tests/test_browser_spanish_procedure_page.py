"""A Spanish procedure page in a real browser, with the client's Spanish and without it (the Spanish note and the
English marked lang="en"): axe-core finds nothing at phone and desktop widths."""

from procedures.models import Procedure

from .spanish import SPANISH_TITLE, give_spanish
from .support import AT_EACH_WIDTH, BROWSER, assert_axe_clean

pytestmark = BROWSER

PAGE = "/es/pain-management/kyphoplasty/"


@AT_EACH_WIDTH
def test_a_spanish_page_showing_the_english_has_no_axe_violations(live_server, page, axe, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + PAGE)
    assert page.locator("[lang=en] h1").inner_text() == "Kyphoplasty"
    assert_axe_clean(axe)


@AT_EACH_WIDTH
def test_a_spanish_page_with_the_clients_spanish_has_no_axe_violations(live_server, page, axe, width):
    give_spanish(Procedure.objects.get(slug="kyphoplasty"))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + PAGE)
    assert page.locator("h1").inner_text() == SPANISH_TITLE
    assert_axe_clean(axe)
