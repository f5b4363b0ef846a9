"""Every Spanish public page, walked: no English a reader meets outside an element marked lang="en" (the client's
English content until its Spanish is complete, a staff note, a language with no Spanish name), proper names aside.
The English vocabulary is the site's own (tests/spanish_walk.py)."""

import pytest
from django.utils import timezone

from appointments.models import Closure
from procedures.models import Procedure

from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory, languages, weekday_hours
from .factories_requests import form_data
from .html import attr, find_all, parse, text
from .spanish_walk import english_outside_marked, english_vocabulary

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/pain-management/",
    "/pain-management/epidural-injections/",
    "/pain-management/facet-joint-injections/",
    "/pain-management/kyphoplasty/",
    "/centers/",
    "/centers/?q=78701",
    "/centers/?q=78701&procedure=kyphoplasty",
    "/centers/?q=99999",
    "/centers/?q=TX",
    "/centers/?procedure=epidural-injections",
    "/centers/?q=78701&procedure=no-such-page",
    "/physicians/",
    "/physicians/?near=78701&accepting=1",
    "/physicians/?language=Klingon",
    "/appointments/request/",
    "/appointments/request/?q=78701&procedure=kyphoplasty",
    "/privacy/",
    "/nondiscrimination/",
    "/good-faith-estimate/",
    "/privacy-practices/",
    "/no-such-page/",
]


@pytest.fixture
def places():
    """A center with hours, a holiday today, languages (one with no Spanish name) and two physicians."""
    center = CenterFactory(
        name="Azura Cedar Park", place=PLACES["78701"], address="6190 Park Boulevard",
        procedures=list(Procedure.objects.published()), parking="Free parking behind the building",
    )  # fmt: skip
    weekday_hours(center, days=range(7))
    Closure.objects.create(center=center, starts_on=timezone.localdate(), note="Thanksgiving")
    english, tagalog, klingon = languages("English", "Tagalog", "Klingon")
    center.languages.set([english, tagalog, klingon])
    avery = PhysicianFactory(first_name="Avery", last_name="Okafor", procedures=list(Procedure.objects.published()))
    avery.languages.set([english, tagalog, klingon])
    PracticeFactory(center=center, physician=avery, accepting_new_patients=True)
    PracticeFactory(
        center=CenterFactory(name="Azura Round Rock", place=PLACES["78613"], address="12 Oak Street"),
        physician=avery,
        accepting_new_patients=False,
    )
    return {"center": center, "physician": avery}


def allowed_names(places) -> list[str]:
    from appointments.models import Center, Physician

    names = ["Klingon", "rosalind@example.com"]  # a language with no Spanish name (marked apart); an address
    for center in Center.objects.all():
        names += [center.name, center.address, center.city, center.state, center.zip_code]
    names += [physician.display_name for physician in Physician.objects.all()]
    return names


def spanish_pages(client, places) -> dict[str, object]:
    pages = {address: client.get("/es" + address) for address in PAGES}
    pages["center"] = client.get("/es" + places["center"].get_absolute_url())
    pages["physician"] = client.get("/es" + places["physician"].get_absolute_url())
    pages["request with errors"] = client.post(
        "/es/appointments/request/", form_data(places["center"], first_name=""), follow=True
    )
    client.post("/es/appointments/request/", form_data(places["center"], client=client))
    pages["received"] = client.get("/es/appointments/request/received/")
    return pages


def test_no_spanish_page_shows_english_outside_an_element_marked_lang_en(client, places):
    vocabulary, allowed = english_vocabulary(), allowed_names(places)
    # The detector finds English: English pages passed off as Spanish, an unmarked English phrase; not a marked one.
    for address in ("/", "/nondiscrimination/", "/centers/?q=78701"):
        posing = client.get(address).content.decode().replace('<html lang="en">', '<html lang="es">')
        assert english_outside_marked(posing, allowed, vocabulary), address
    marked = '<html lang="es"><body><p>Hola <span lang="en">the notice of privacy practices</span></p></body></html>'
    assert english_outside_marked(marked, allowed, vocabulary) == []
    assert english_outside_marked(marked.replace(' lang="en"', ""), allowed, vocabulary)
    found = {}
    for name, response in spanish_pages(client, places).items():
        assert response.status_code in (200, 400, 404), name
        if english := english_outside_marked(response, allowed, vocabulary):
            found[name] = english
    assert found == {}


def test_a_procedure_name_without_spanish_is_marked_inside_a_spanish_sentence(client, places):
    page = client.get("/es/centers/", {"q": "78701", "procedure": "kyphoplasty"}).content.decode()
    assert 'ofrecen <span lang="en">Kyphoplasty</span>' in page or 'ofrece <span lang="en">Kyphoplasty</span>' in page


def test_language_names_are_spanish_on_spanish_pages(client, places):
    page = parse(client.get("/es" + places["physician"].get_absolute_url()))
    (section,) = [s for s in find_all(page, "section") if attr(s, "aria-labelledby") == "languages-heading"]
    assert text(section).startswith("Idiomas inglés,")
    assert "tagalo" in text(section)
    assert [attr(span, "lang") for span in find_all(section, "span") if text(span) == "Klingon"] == ["en"]
    directory = parse(client.get("/es/physicians/"))
    assert "Idiomas: inglés, " in text(directory)
    assert [attr(option, "lang") for option in find_all(directory, "option") if text(option) == "Klingon"] == ["en"]
    assert "tagalo" in [text(option) for option in find_all(directory, "option")]


def test_a_holiday_closure_reads_in_spanish_with_its_note_marked(client, places):
    page = client.get("/es" + places["center"].get_absolute_url()).content.decode()
    assert "Cerrado hoy" in page
    assert '<span lang="en">Thanksgiving</span>' in page
