"""A Spanish procedure page in a real browser, with the client's Spanish and without it (the Spanish note and the
English marked lang="en"): axe-core finds nothing at phone and desktop widths."""

import pytest

from procedures.models import Procedure

from .spanish import SPANISH_TITLE, give_spanish
from .support import describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGE = "/es/pain-management/kyphoplasty/"


@pytest.mark.parametrize("width", [375, 1280])
def test_a_spanish_page_showing_the_english_has_no_axe_violations(live_server, page, axe, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + PAGE)
    assert page.locator("[lang=en] h1").inner_text() == "Kyphoplasty"
    violations = axe()
    assert violations == [], describe_violations(violations)


@pytest.mark.parametrize("width", [375, 1280])
def test_a_spanish_page_with_the_clients_spanish_has_no_axe_violations(live_server, page, axe, width):
    give_spanish(Procedure.objects.get(slug="kyphoplasty"))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + PAGE)
    assert page.locator("h1").inner_text() == SPANISH_TITLE
    violations = axe()
    assert violations == [], describe_violations(violations)
