"""After a search that failed, focus moves to the field with the error (which names the error to a screen reader
through aria-describedby), on the locator, the directory and the request form's center search; after one that
worked, to the results; never left on the page body."""

import pytest

from .support import BROWSER

pytestmark = BROWSER


def focused(page) -> dict:
    page.wait_for_function("() => document.activeElement && document.activeElement !== document.body")
    return page.evaluate(
        "() => ({id: document.activeElement.id, described: document.activeElement.getAttribute('aria-describedby')})"
    )


@pytest.mark.parametrize(
    ("address", "field"),
    [
        ("/centers/?q=99999", "id_q"),
        ("/es/centers/?q=99999", "id_q"),
        ("/appointments/request/?q=99999", "id_q"),
    ],
)
def test_focus_moves_to_the_field_with_the_error(live_server, page, address, field):
    page.goto(live_server.url + address)
    shown = focused(page)
    assert shown["id"] == field
    error = page.locator(f"#{field}_error").inner_text()
    assert "99999" in error
    assert f"{field}_error" in shown["described"].split()


def test_the_directory_moves_focus_only_after_a_failed_search(live_server, page):
    page.goto(live_server.url + "/physicians/?near=99999")
    assert focused(page)["id"] == "id_near"
    page.goto(live_server.url + "/physicians/")  # its results heading is no place to jump to on a first visit
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.activeElement === document.body")
