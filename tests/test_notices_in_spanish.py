"""Spanish that holds together: each notice has a Spanish slot, shown whole once the client's translators fill it;
until then the Spanish page says so in Spanish, marks the English lang="en" and gives the language-help number
from the site settings, never a link back to itself. The procedure pages and the home page do the same."""

import pytest

from core.models import SiteSettings
from procedures.models import Notice, ServiceLine

from .html import attr, find_all, find_one, has_class, parse, text
from .spanish import give_spanish

pytestmark = pytest.mark.django_db

NOTICES = ["/nondiscrimination/", "/good-faith-estimate/", "/privacy-practices/"]


def note(response):
    (found,) = [p for p in find_all(parse(response), "p") if has_class(p, "content-language-note")]
    return found


def said(element) -> str:
    """The element's text as read (tests.html.text puts a space between a link and the period after it)."""
    return text(element).replace(" .", ".")


def set_phones(**numbers) -> None:
    site = SiteSettings.current()
    for name, value in numbers.items():
        setattr(site, name, value)
    site.save()


def translate(notice: Notice) -> Notice:
    """Fake Spanish for every text of the notice (the client's translators write the real one)."""
    for name in ("title", "meta_description", "body", "language_assistance"):
        if getattr(notice, f"{name}_en"):
            setattr(notice, f"{name}_es", f"Texto de prueba: {name}")
    notice.save()
    return notice


@pytest.mark.parametrize("address", NOTICES)
def test_a_notice_without_spanish_says_so_in_spanish_with_the_language_help_number(client, address):
    set_phones(language_help_phone="(512) 555-0199", phone="(512) 555-0100")
    response = client.get("/es" + address)
    shown = note(response)
    assert said(shown) == (
        "Este aviso aún no está disponible en español; a continuación está el texto en inglés. "
        "Para recibir ayuda gratuita con el idioma, llame al (512) 555-0199."
    )
    assert [attr(a, "href") for a in find_all(shown, "a")] == ["tel:+15125550199"]
    page = parse(response)
    assert attr(find_one(page, "h1"), "lang") == "en"
    assert "/es" + address not in [attr(a, "href") for a in find_all(find_one(page, "main"), "a")]


def test_the_language_assistance_link_leads_to_the_note_not_back_to_the_same_english(client):
    """The footer's "Ayuda con el idioma" lands on #language-assistance: the note is the first thing there."""
    set_phones(language_help_phone="(512) 555-0199")
    section = find_one(parse(client.get("/es/nondiscrimination/")), "section", id="language-assistance")
    first = next(child for child in section.children if not isinstance(child, str))
    assert has_class(first, "content-language-note")
    assert "(512) 555-0199" in text(first)
    assert not any("#language-assistance" in (attr(a, "href") or "") for a in find_all(section, "a"))


def test_without_a_language_help_number_the_note_gives_the_main_number_then_the_nearest_center(client):
    set_phones(phone="(512) 555-0100")
    assert "llame al (512) 555-0100." in said(note(client.get("/es/good-faith-estimate/")))
    set_phones(phone="")
    shown = note(client.get("/es/good-faith-estimate/"))
    assert said(shown).endswith("llame a su centro más cercano.")
    assert [attr(a, "href") for a in find_all(shown, "a")] == ["/es/centers/"]


def test_a_notice_with_all_its_spanish_is_shown_in_spanish(client):
    notice = translate(Notice.objects.get(kind=Notice.Kind.GOOD_FAITH_ESTIMATE))
    page = parse(client.get("/es/good-faith-estimate/"))
    assert text(find_one(page, "h1")) == "Texto de prueba: title"
    assert attr(find_one(page, "h1"), "lang") is None
    assert "Texto de prueba: body" in text(find_one(page, "main"))
    assert not [p for p in find_all(page, "p") if has_class(p, "content-language-note")]
    assert 'lang="en"' not in str(find_one(page, "main"))
    english = parse(client.get("/good-faith-estimate/"))
    assert text(find_one(english, "h1")) == notice.title_en


def test_a_notice_with_part_of_its_spanish_shows_all_of_it_in_english(client):
    notice = Notice.objects.get(kind=Notice.Kind.NONDISCRIMINATION)
    notice.title_es, notice.body_es = "Título", "Cuerpo"  # its language assistance has no Spanish yet
    notice.save()
    page = parse(client.get("/es/nondiscrimination/"))
    assert text(find_one(page, "h1")) == notice.title_en
    assert "Cuerpo" not in text(page)


def test_the_health_data_policy_on_the_spanish_privacy_page_says_so_too(client):
    set_phones(language_help_phone="(512) 555-0199")
    section = find_one(parse(client.get("/es/privacy/")), "section", id="consumer-health-data")
    assert "Este aviso aún no está disponible en español" in text(note(client.get("/es/privacy/")))
    assert attr(find_one(section, "h2"), "lang") == "en"


def test_a_spanish_procedure_page_without_spanish_gives_the_language_help_number(client):
    set_phones(language_help_phone="(512) 555-0199")
    shown = said(note(client.get("/es/pain-management/kyphoplasty/")))
    assert shown == (
        "Esta página aún no está disponible en español; a continuación está el texto en inglés. "
        "Para recibir ayuda gratuita con el idioma, llame al (512) 555-0199."
    )


def test_the_spanish_home_page_heading_is_in_one_language_and_says_the_text_below_is_english(client):
    page = parse(client.get("/es/"))
    heading = find_one(page, "h1")
    assert text(heading) == "Interventional Pain Management at Azura Vascular Care"
    assert attr(heading, "lang") == "en"
    assert text(note(client.get("/es/"))).startswith(
        "Parte del texto que sigue aún no está disponible en español, así que se muestra en inglés."
    )
    overview = ServiceLine.objects.get()  # once the overview's Spanish is complete: a Spanish heading, no note
    for name in ("title", "meta_description", "intro", "options_intro", "help_heading", "help_body"):
        setattr(overview, f"{name}_es", f"Prueba {name}")
    overview.cta_heading_es, overview.cta_body_es = "Prueba", "Prueba"
    overview.save()
    page = parse(client.get("/es/"))
    assert text(find_one(page, "h1")) == "Prueba title en Azura Vascular Care"
    assert attr(find_one(page, "h1"), "lang") is None
    assert not [p for p in find_all(page, "p") if has_class(p, "content-language-note")]


def test_a_procedure_with_complete_spanish_is_named_in_spanish_without_a_mark(client, kyphoplasty):
    give_spanish(kyphoplasty)
    page = parse(client.get("/es/centers/", {"procedure": "kyphoplasty"}))
    assert "Título de prueba" in text(page)
    assert [attr(option, "lang") for option in find_all(page, "option") if text(option) == "Título de prueba"] == [None]
    assert [attr(o, "lang") for o in find_all(page, "option") if text(o) == "Epidural Injections"] == ["en"]
