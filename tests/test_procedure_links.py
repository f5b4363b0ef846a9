"""A link's `?procedure=` that names no published page (unknown, never published, or unpublished) means every
procedure, with one neutral note, on every page that reads it: the locator, the directory, a center's and a
physician's page, and the request form's prefill. The note never tells an unpublished page from an address that
never existed; a moved page's old address still searches the page (procedures/addresses.py, the one rule)."""

import pytest

from procedures.addresses import linked_procedure
from procedures.models import PreviousAddress, Procedure, Status

from .factories import ProcedureFactory
from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory
from .html import attr, find_all, has_class, parse, selected_value, text

pytestmark = pytest.mark.django_db

NOTE = "The procedure in this link is not one we list, so we show every procedure."


@pytest.fixture
def places():
    center = CenterFactory(name="Austin Center", place=PLACES["78701"], procedures=list(Procedure.objects.all()))
    physician = PhysicianFactory(last_name="Okafor", procedures=list(Procedure.objects.all()))
    PracticeFactory(center=center, physician=physician)
    ProcedureFactory(title="Secret Draft Procedure", slug="secret-draft", status=Status.DRAFT)
    Procedure.objects.filter(slug="facet-joint-injections").update(status=Status.DRAFT)  # unpublished
    return {"center": center, "physician": physician}


def pages(client, places, slug: str) -> dict:
    query = {"procedure": slug}
    return {
        "locator": client.get("/centers/", {"q": "78701", **query}),
        "locator without a place": client.get("/centers/", query),
        "directory": client.get("/physicians/", query),
        "center": client.get(places["center"].get_absolute_url(), query),
        "physician": client.get(places["physician"].get_absolute_url(), query),
        "request form": client.get("/appointments/request/", {"q": "78701", **query}),
    }


def notes(response) -> list[str]:
    return [text(p) for p in find_all(parse(response), "p") if has_class(p, "alert-info")]


@pytest.mark.parametrize("slug", ["no-such-page", "secret-draft", "facet-joint-injections", "KYPHOPLASTY", "é" * 60])
def test_a_procedure_we_do_not_list_means_every_procedure_with_one_neutral_note(client, places, slug):
    for name, response in pages(client, places, slug).items():
        assert response.status_code == 200, name
        assert notes(response) == [NOTE], name
        html = response.content.decode()
        assert "no longer" not in html, name
        assert "Secret Draft Procedure" not in html, name
    locator = parse(pages(client, places, slug)["locator"])
    assert "Austin Center" in text(locator)
    assert selected_value(locator, "procedure") in (None, "")


def test_the_request_form_offers_the_nearest_centers_and_no_procedure_chosen(client, places):
    """It offered no center at all for an unknown address (a search for a procedure that does not exist)."""
    for slug in ("no-such-page", "secret-draft"):
        page = parse(client.get("/appointments/request/", {"q": "78701", "procedure": slug}))
        assert [attr(radio, "value") for radio in find_all(page, "input", name="center")] == [places["center"].slug]
        assert selected_value(page, "procedure") in (None, "")


def test_a_moved_pages_old_address_searches_the_page_where_it_is_now_and_a_listed_one_gets_no_note(client, places):
    for name, response in pages(client, places, "kyphoplasty").items():
        assert notes(response) == [], name
    PreviousAddress.objects.create(slug="balloon-kyphoplasty", procedure=Procedure.objects.get(slug="kyphoplasty"))
    for name, response in pages(client, places, "balloon-kyphoplasty").items():
        assert notes(response) == [], name
    center = parse(client.get(places["center"].get_absolute_url(), {"procedure": "balloon-kyphoplasty"}))
    links = [attr(a, "href") for a in find_all(center, "a") if "?center=" in (attr(a, "href") or "")]
    assert links == [f"/appointments/request/?center={places['center'].slug}&procedure=kyphoplasty"]


def test_the_note_is_spanish_on_spanish_pages(client, places):
    assert notes(client.get("/es/centers/", {"q": "78701", "procedure": "secret-draft"})) == [
        "El procedimiento de este enlace no figura en nuestra lista, así que mostramos todos los procedimientos."
    ]


def test_one_rule_reads_every_kind_of_link(places):
    assert linked_procedure("kyphoplasty").slug == "kyphoplasty"
    for slug in ("no-such-page", "secret-draft", "facet-joint-injections", "x\x00"):
        assert (linked_procedure(slug).slug, linked_procedure(slug).not_listed) == ("", True), slug
    assert not linked_procedure("").not_listed
