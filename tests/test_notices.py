"""The notices a US practice's website must carry: reachable from every page, covering what each rule asks for,
edited by staff with history, awaiting the client's legal review, and language taglines shown only when supplied."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from azura_site.views import server_error
from procedures.models import Notice, Tagline
from tests.html import attr, find_all, find_one, parse, text

from .factories_appointments import CenterFactory, PhysicianFactory, PracticeFactory
from .factories_requests import form_data
from .support import LANGUAGES, in_language, not_said

pytestmark = pytest.mark.django_db

NONDISCRIMINATION = "/nondiscrimination/"
GOOD_FAITH_ESTIMATE = "/good-faith-estimate/"
HEALTH_DATA_POLICY = "/privacy/#consumer-health-data"
PRIVACY_PRACTICES = "/privacy-practices/"
ADMIN = "/admin/procedures/notice/"


def public_pages(client) -> dict[str, object]:
    center = CenterFactory()
    physician = PhysicianFactory()
    PracticeFactory(physician=physician, center=center)
    pages = {
        "home": client.get("/"),
        "overview": client.get("/pain-management/"),
        "procedure": client.get("/pain-management/kyphoplasty/"),
        "locator": client.get(f"/centers/?q={center.zip_code}"),
        "center": client.get(center.get_absolute_url()),
        "physicians": client.get("/physicians/"),
        "physician": client.get(physician.get_absolute_url()),
        "request form": client.get("/appointments/request/"),
        "request form with errors": client.post(
            "/appointments/request/", form_data(center, first_name=""), follow=True
        ),
        "privacy": client.get("/privacy/"),
        "nondiscrimination": client.get(NONDISCRIMINATION),
        "good faith estimate": client.get(GOOD_FAITH_ESTIMATE),
        "not found": client.get("/no-such-page/"),
    }
    client.post("/appointments/request/", form_data(center, client=client))
    pages["received"] = client.get("/appointments/request/received/")
    return pages


def footer_links(response) -> dict[str, str]:
    footer = find_one(parse(response), "footer")
    return {attr(link, "href"): text(link) for link in find_all(footer, "a")}


def notice_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return text(find_one(parse(response), "main"))


# --- Reachable from every page -------------------------------------------------------------------------------


def test_every_public_page_footer_links_to_the_notices(client):
    for name, response in public_pages(client).items():
        assert response.status_code in (200, 404), name
        links = footer_links(response)
        assert links.get(NONDISCRIMINATION) == "Nondiscrimination", name
        assert links.get(NONDISCRIMINATION + "#language-assistance") == "Language assistance / Ayuda con el idioma", (
            name
        )
        assert links.get(GOOD_FAITH_ESTIMATE) == "Good Faith Estimate", name
        assert links.get(PRIVACY_PRACTICES) == "Notice of Privacy Practices", name
        assert links.get(HEALTH_DATA_POLICY) == "Consumer health data privacy policy", name


def test_the_spanish_words_of_the_language_link_are_marked_spanish(client):
    footer = find_one(parse(client.get("/")), "footer")
    spanish = find_one(footer, "span", lang="es")
    assert text(spanish) == "Ayuda con el idioma"


def test_home_page_links_to_the_consumer_health_data_policy_and_the_section_is_there(client):
    assert HEALTH_DATA_POLICY in footer_links(client.get("/"))
    privacy = parse(client.get("/privacy/"))
    section = find_one(privacy, "section", id="consumer-health-data")
    assert text(find_one(section, "h2")) == "Consumer health data privacy policy"


# --- What each notice covers ---------------------------------------------------------------------------------


def test_nondiscrimination_notice_covers_each_element_section_1557_asks_for(client):
    page = notice_text(client, NONDISCRIMINATION)
    assert "free language help" in page.lower()
    assert not_said(
        page, "race", "color", "national origin", "sex", "age", "disability",  # the grounds it names
        "qualified interpreters", "Free aids and services for people with disabilities",
        "reasonable changes to our policies",  # reasonable modifications
        "How to get this help", "file a grievance with our Section 1557 Coordinator",
        "[To be supplied: the Section 1557 Coordinator's name and title]",
        "Office for Civil Rights", "https://ocrportal.hhs.gov/ocr/portal/lobby.jsf", "1-800-368-1019",
    ) == []  # fmt: skip


def test_good_faith_estimate_notice_tells_uninsured_and_self_pay_patients_their_right(client):
    page = notice_text(client, GOOD_FAITH_ESTIMATE)
    assert not_said(
        page, "who do not have insurance, or who are not using insurance",
        "You have the right to a Good Faith Estimate", "in writing at least 1 business day before",
        "at least $400 more than your Good Faith Estimate, you can dispute the bill", "How to ask us for one",
    ) == []  # fmt: skip


def test_consumer_health_data_policy_covers_what_my_health_my_data_asks_for(client):
    section = text(find_one(parse(client.get("/privacy/")), "section", id="consumer-health-data"))
    assert not_said(
        section, "My Health My Data Act",
        "The consumer health data we collect, and why", "Where it comes from", "Whom we share it with", "Your rights",
        "We do not sell consumer health data.",
        "to delete it", "to withdraw your consent", "a list of the third parties and affiliates",  # the rights
    ) == []  # fmt: skip


def test_the_privacy_notice_names_the_new_answers_it_collects(client):
    page = notice_text(client, "/privacy/")
    assert "the language to speak and whether an interpreter is needed" in page
    assert "how the visit will be paid for" in page
    assert "your relationship to the patient" in page


def test_notice_sections_are_headings_under_the_title(client):
    root = parse(client.get(NONDISCRIMINATION))
    assert text(find_one(root, "h1")) == "Nondiscrimination and language assistance"
    headings = [text(h2) for h2 in find_all(root, "h2")]
    assert headings[:3] == ["Language assistance", "We do not discriminate", "Free language help"]


# --- Taglines ------------------------------------------------------------------------------------------------


def test_no_tagline_text_is_shipped():
    assert not Tagline.objects.exists()


def test_taglines_are_shown_in_order_with_their_language_and_direction(client):
    Tagline.objects.create(english_name="Arabic", language_name="العربية", language_tag="ar", direction="rtl",
                           text="نص يقدمه المترجم", position=2)  # fmt: skip
    Tagline.objects.create(
        english_name="Spanish", language_name="Español", language_tag="es", text="Texto.", position=1
    )
    Tagline.objects.create(english_name="Korean", language_name="한국어", language_tag="ko", text="", position=0)

    section = find_one(parse(client.get(NONDISCRIMINATION)), "section", id="language-assistance")
    items = find_all(section, "li")
    assert [(attr(item, "lang"), attr(item, "dir")) for item in items] == [("es", "ltr"), ("ar", "rtl")]
    assert text(items[0]) == "Español: Texto."
    assert text(items[1]) == "العربية: نص يقدمه المترجم"
    assert "한국어" not in text(section)  # no tagline yet: not shown


def test_taglines_are_only_on_the_nondiscrimination_notice(client):
    Tagline.objects.create(english_name="Spanish", language_name="Español", language_tag="es", text="Texto del aviso.")
    page = client.get(GOOD_FAITH_ESTIMATE).content.decode()
    assert "Texto del aviso." not in page
    assert 'class="taglines"' not in page


# --- Staff: editing, history and the legal review ------------------------------------------------------------


def change_url(kind: str) -> str:
    return reverse("admin:procedures_notice_change", args=[Notice.objects.get(kind=kind).pk])


def notice_post(notice: Notice, **changes) -> dict:
    """The admin form of a notice as it is, with `changes` (field names as the form has them: `body_en`...)."""
    data = {
        **{f"{name}_{language}": getattr(notice, f"{name}_{language}") or ""
           for name in ("title", "meta_description", "body", "language_assistance") for language in ("en", "es")},
        "legal_review": notice.legal_review,
        "approved_by": notice.approved_by,
        "approved_on": "",
    }  # fmt: skip
    return {**data, **changes}


def test_every_notice_is_shown_to_staff_as_awaiting_the_clients_legal_review(admin_client):
    assert set(Notice.objects.values_list("kind", flat=True)) == set(Notice.Kind.values)
    listing = admin_client.get(ADMIN).content.decode()
    assert listing.count("Awaiting the client&#x27;s legal review") >= 3
    page = admin_client.get(change_url("nondiscrimination")).content.decode()
    assert "Awaiting the client&#x27;s legal review" in page
    assert "the Section 1557 Coordinator&#x27;s name and title" in page  # listed under "Still to supply"


def test_staff_edit_a_notice_and_its_history_keeps_who_and_what(admin_client, admin_user):
    notice = Notice.objects.get(kind="good-faith-estimate")
    body = notice.body.replace("[To be supplied: the phone number for cost estimates]", "(512) 555-0100")
    response = admin_client.post(change_url("good-faith-estimate"), notice_post(notice, body_en=body))
    assert response.status_code == 302
    latest = notice.history.first()
    assert latest.history_user == admin_user
    assert "(512) 555-0100" in latest.body
    assert "(512) 555-0100" in admin_client.get(GOOD_FAITH_ESTIMATE).content.decode()
    assert admin_client.get(change_url("good-faith-estimate").replace("change/", "history/")).status_code == 200


def test_a_notice_with_facts_still_to_supply_cannot_be_marked_approved(admin_client):
    notice = Notice.objects.get(kind="nondiscrimination")
    data = notice_post(notice, legal_review="approved", approved_by="", states_served=["TX"])
    response = admin_client.post(change_url("nondiscrimination"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "replace them before marking it approved" in errors["legal_review"][0]
    assert errors["approved_by"] == ["Say who approved the wording."]
    assert errors["approved_on"] == ["Give the date it was approved."]
    notice.refresh_from_db()
    assert notice.legal_review == Notice.LegalReview.AWAITING


def test_a_complete_notice_is_marked_approved_with_who_and_when(admin_client):
    notice = Notice.objects.get(kind="consumer-health-data")
    body = Notice.objects.get(kind="consumer-health-data").body.replace("[To be supplied:", "(supplied:")
    data = notice_post(
        notice, body_en=body, legal_review="approved", approved_by="J. Counsel", approved_on="2026-12-01"
    )
    assert admin_client.post(change_url("consumer-health-data"), data).status_code == 302
    notice.refresh_from_db()
    assert (notice.legal_review, notice.approved_by, str(notice.approved_on)) == (
        "approved",
        "J. Counsel",
        "2026-12-01",
    )


def test_states_served_are_chosen_in_the_admin_and_the_tagline_count_is_checked(admin_client):
    notice = Notice.objects.get(kind="nondiscrimination")
    data = notice_post(notice, states_served=["TX", "WA"])
    assert admin_client.post(change_url("nondiscrimination"), data).status_code == 302
    notice.refresh_from_db()
    assert notice.states_served == ["TX", "WA"]
    page = admin_client.get(change_url("nondiscrimination")).content.decode()
    assert "States served: Texas, Washington." in page
    assert "The rule asks for at least 15 for each state served." in page


def test_staff_cannot_add_or_delete_a_notice(admin_client):
    assert admin_client.get(ADMIN + "add/").status_code == 403
    pk = Notice.objects.get(kind="nondiscrimination").pk
    assert admin_client.get(f"{ADMIN}{pk}/delete/").status_code == 403


def test_a_tagline_needs_a_real_language_tag(admin_client):
    data = {"english_name": "Spanish", "language_name": "Español", "language_tag": "Spanish!", "direction": "ltr",
            "position": 0, "text": "Texto."}  # fmt: skip
    response = admin_client.post("/admin/procedures/tagline/add/", data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["language_tag"] == [
        "Enter a language tag such as es, zh-Hant, vi or ar."
    ]
    data["language_tag"] = "es"
    assert admin_client.post("/admin/procedures/tagline/add/", data).status_code == 302
    tagline = Tagline.objects.get()
    assert tagline.history.count() == 1


# --- Served fast, and fresh after an edit ---------------------------------------------------------------------


def test_the_notice_page_takes_a_fixed_number_of_queries_however_many_taglines(client, django_assert_max_num_queries):
    for position in range(20):
        Tagline.objects.create(english_name=f"L{position}", language_name=f"L{position}", language_tag="es",
                               text="Texto.", position=position)  # fmt: skip
    with django_assert_max_num_queries(3):  # the notice, its taglines, and the site's settings for the layout
        response = client.get(NONDISCRIMINATION)
    assert len(find_all(find_one(parse(response), "ul", **{"class": "taglines"}), "li")) == 20


def test_a_cached_notice_shows_a_staff_edit_at_once(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert "Texto nuevo." not in client.get(NONDISCRIMINATION).content.decode()
    Tagline.objects.create(english_name="Spanish", language_name="Español", language_tag="es", text="Texto nuevo.")
    assert "Texto nuevo." in client.get(NONDISCRIMINATION).content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_standalone_500_page_links_to_the_notices_too(language):
    page = server_error(RequestFactory().get(in_language("/", language)))  # its words, but no request context
    footer = find_one(parse(page), "footer")
    links = {attr(link, "href"): text(link) for link in find_all(footer, "a")}
    expected = {
        "en": {
            NONDISCRIMINATION: "Nondiscrimination",
            NONDISCRIMINATION + "#language-assistance": "Language assistance / Ayuda con el idioma",
            GOOD_FAITH_ESTIMATE: "Good Faith Estimate",
            PRIVACY_PRACTICES: "Notice of Privacy Practices",
            HEALTH_DATA_POLICY: "Consumer health data privacy policy",
        },
        "es": {
            "/es" + NONDISCRIMINATION: "No discriminación",
            "/es" + NONDISCRIMINATION + "#language-assistance": "Ayuda con el idioma / Language assistance",
            "/es" + GOOD_FAITH_ESTIMATE: "Estimado de buena fe",
            "/es" + PRIVACY_PRACTICES: "Aviso de prácticas de privacidad",
            "/es" + HEALTH_DATA_POLICY: "Política de privacidad de datos de salud del consumidor",
        },
    }
    assert links == expected[language]
