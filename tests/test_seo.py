"""Search engines: the sitemap lists exactly the public pages, robots.txt, schema.org JSON-LD on every kind of
page, the medical review, and Open Graph tags that agree with the canonical link."""

import datetime as dt
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from appointments.models import Center, Physician
from procedures.models import Procedure, Status

from .factories import ProcedureFactory
from .factories_appointments import PLACES, CenterFactory, PhysicianFactory, PracticeFactory, weekday_hours
from .html import collect_tags, jsonld_of_type, schema_org

pytestmark = pytest.mark.django_db

SITE_URL = "https://azura.example"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SLUGS = ["epidural-injections", "facet-joint-injections", "kyphoplasty"]


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


@pytest.fixture
def network() -> dict:
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    active = CenterFactory(name="Azura Congress Avenue", place=PLACES["78701"], procedures=[kyphoplasty])
    weekday_hours(active)
    closed = CenterFactory(name="Azura Closed Center", place=PLACES["78704"], is_active=False)
    physician = PhysicianFactory(first_name="Avery", last_name="Okafor", procedures=[kyphoplasty])
    PracticeFactory(physician=physician, center=active)
    retired = PhysicianFactory(first_name="Jordan", last_name="Retired", is_active=False)
    PracticeFactory(physician=retired, center=active)
    draft = ProcedureFactory(title="Secret Draft Procedure", slug="secret-draft", status=Status.DRAFT)
    return {"center": active, "closed": closed, "physician": physician, "retired": retired, "draft": draft}


# --- Sitemap -------------------------------------------------------------------------------------------------


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    locations = [loc.text.strip() for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
    assert locations
    for location in locations:
        assert urlsplit(location).scheme in ("http", "https"), location
    return [urlsplit(location).path for location in locations]


def test_sitemap_lists_every_public_page(client, network):
    paths = sitemap_paths(client)

    for procedure in Procedure.objects.published():
        assert procedure.get_absolute_url() in paths, procedure.slug
    assert "/pain-management/" in paths
    assert "/" in paths
    assert "/centers/" in paths
    assert "/physicians/" in paths
    for notice in ("/nondiscrimination/", "/good-faith-estimate/", "/privacy/"):
        assert notice in paths
    for center in Center.objects.active():
        assert center.get_absolute_url() in paths
    for physician in Physician.objects.active():
        assert physician.get_absolute_url() in paths
    assert len(paths) == len(set(paths)), "a page is listed twice"


def test_sitemap_never_lists_a_draft_or_an_inactive_center_or_physician(client, network):
    paths = sitemap_paths(client)

    assert network["draft"].get_absolute_url() not in paths
    assert network["closed"].get_absolute_url() not in paths
    assert network["retired"].get_absolute_url() not in paths
    assert not [path for path in paths if path.startswith(("/admin/", "/appointments/"))]


def test_sitemap_follows_publishing_and_unpublishing(client, network):
    sitemap_paths(client)
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    kyphoplasty.status = Status.DRAFT
    kyphoplasty.save()
    draft = network["draft"]
    draft.status = Status.PUBLISHED
    draft.save()
    network["center"].is_active = False
    network["center"].save()

    paths = sitemap_paths(client)

    assert kyphoplasty.get_absolute_url() not in paths
    assert draft.get_absolute_url() in paths
    assert network["center"].get_absolute_url() not in paths


def test_sitemap_lists_the_canonical_addresses_whatever_the_host_and_scheme_of_the_request(client, settings, network):
    settings.ALLOWED_HOSTS = ["azura.example", "other.example"]
    response = client.get("/sitemap.xml", HTTP_HOST="other.example")  # plain HTTP, as behind a TLS proxy
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    locations = [loc.text.strip() for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]

    assert locations
    wrong = [location for location in locations if not location.startswith(SITE_URL + "/")]
    assert not wrong, f"not on {SITE_URL} like the canonical links: {wrong[:3]}"


def sitemap_lastmods(client) -> dict:
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own response)
    return {
        urlsplit(url.find("sm:loc", SITEMAP_NS).text).path: url.find("sm:lastmod", SITEMAP_NS)
        for url in root.findall("sm:url", SITEMAP_NS)
    }


def test_sitemap_gives_a_procedure_a_last_modified_date_only_from_a_published_edit(client, network):
    assert all(sitemap_lastmods(client)[f"/pain-management/{slug}/"] is None for slug in SLUGS)  # seed content

    Procedure.objects.filter(slug="kyphoplasty").update(last_published_at=dt.datetime(2027, 1, 5, 17, tzinfo=dt.UTC))
    lastmod = sitemap_lastmods(client)["/pain-management/kyphoplasty/"]
    assert lastmod is not None
    assert lastmod.text.startswith("2027-01-05")


# --- robots.txt ----------------------------------------------------------------------------------------------


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_the_confirmation_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = [line.strip() for line in response.content.decode().splitlines()]
    assert "User-agent: *" in lines
    disallowed = [line.removeprefix("Disallow:").strip() for line in lines if line.startswith("Disallow:")]
    assert "/admin/" in disallowed
    # The confirmation page (/appointments/ as a whole, or just the page) is never crawled.
    assert any("/appointments/request/received/".startswith(prefix) for prefix in disallowed if prefix)
    assert "/" not in disallowed
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in lines


# --- JSON-LD -------------------------------------------------------------------------------------------------


def get_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


@pytest.mark.parametrize("slug", SLUGS)
def test_procedure_page_is_a_medical_web_page_about_the_procedure(client, slug):
    procedure = Procedure.objects.get(slug=slug)

    page = jsonld_of_type(get_html(client, procedure.get_absolute_url()), "MedicalWebPage")

    assert page["name"] == procedure.title
    assert page["url"] == SITE_URL + procedure.get_absolute_url()
    assert page["about"]["@type"] == "MedicalProcedure"
    assert page["about"]["name"] == procedure.title
    assert page["publisher"]["name"] == "Azura Vascular Care"


def reviewed_page(client, by: str, on: dt.date | None) -> str:
    """Kyphoplasty's page (HTML) once its medical review says who reviewed it, and when."""
    procedure = Procedure.objects.get(slug="kyphoplasty")
    procedure.reviewed_by, procedure.reviewed_on = by, on
    procedure.save()
    return get_html(client, procedure.get_absolute_url())


def test_reviewed_procedure_names_its_reviewer_in_json_ld_and_on_the_page(client):
    html = reviewed_page(client, "Jane Doe, MD", dt.date(2026, 3, 14))
    page = jsonld_of_type(html, "MedicalWebPage")

    assert page["lastReviewed"] == "2026-03-14"
    assert page["reviewedBy"]["name"] == "Jane Doe, MD"
    assert page["reviewedBy"]["@type"] in ("Person", "Physician")
    text = " ".join(html.split())
    assert "Medically reviewed by Jane Doe, MD on" in text
    assert '<time datetime="2026-03-14">March 14, 2026</time>' in text


def test_unreviewed_procedure_claims_no_review(client):
    html = reviewed_page(client, "", None)
    page = jsonld_of_type(html, "MedicalWebPage")

    assert "lastReviewed" not in page
    assert "reviewedBy" not in page
    assert "Medically reviewed by" not in html


def test_reviewer_with_markup_in_the_name_cannot_break_out_of_the_json_ld(client):
    name = "</script><script>alert(1)</script> & Co"
    html = reviewed_page(client, name, dt.date(2026, 3, 14))

    assert "<script>alert(1)" not in html
    assert jsonld_of_type(html, "MedicalWebPage")["reviewedBy"]["name"] == name


def test_home_page_describes_the_organisation(client):
    data = schema_org(get_html(client, "/"))

    organisations = [item for item in data if item.get("@type") in ("MedicalOrganization", "Organization")]
    assert len(organisations) == 1
    assert organisations[0]["name"] == "Azura Vascular Care"
    assert organisations[0]["url"] == SITE_URL + "/"


def test_center_page_is_a_medical_clinic(client, network):
    center = network["center"]

    clinic = jsonld_of_type(get_html(client, center.get_absolute_url()), "MedicalClinic")

    assert clinic["name"] == center.name
    assert clinic["url"] == SITE_URL + center.get_absolute_url()
    assert clinic["telephone"] == center.phone == "+15125550142"  # E.164
    assert clinic["address"]["@type"] == "PostalAddress"
    assert clinic["address"]["postalCode"] == "78701"
    assert clinic["geo"]["latitude"] == pytest.approx(PLACES["78701"].latitude)
    assert [spec["dayOfWeek"] for spec in clinic["openingHoursSpecification"]] == [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
    ]
    assert clinic["availableService"] == [{"@type": "MedicalProcedure", "name": "Kyphoplasty"}]


def test_physician_page_is_a_physician(client, network):
    physician = network["physician"]

    data = jsonld_of_type(get_html(client, physician.get_absolute_url()), "Physician")

    assert data["name"] == physician.display_name
    assert data["url"] == SITE_URL + physician.get_absolute_url()
    assert [location["name"] for location in data["location"]] == [network["center"].name]
    assert data["location"][0]["@type"] == "MedicalClinic"


# --- Open Graph ----------------------------------------------------------------------------------------------


@pytest.fixture
def public_pages(network) -> list[str]:
    return [
        "/",
        "/pain-management/",
        *(f"/pain-management/{slug}/" for slug in SLUGS),
        "/centers/",
        "/centers/?q=78701",
        network["center"].get_absolute_url(),
        "/physicians/",
        network["physician"].get_absolute_url(),
        "/privacy/",
        "/appointments/request/",
    ]


def head_tags(html: str) -> tuple[dict[str, list[str]], list[str]]:
    """{og property: [content, ...]} and the canonical links of a page."""
    properties: dict[str, list[str]] = {}
    canonicals = []
    for tag, attributes in collect_tags(html).tags:
        if tag == "meta" and (attributes.get("property") or "").startswith("og:"):
            properties.setdefault(attributes["property"], []).append(attributes.get("content") or "")
        if tag == "link" and attributes.get("rel") == "canonical":
            canonicals.append(attributes.get("href") or "")
    return properties, canonicals


def test_every_public_page_has_open_graph_tags_that_match_its_canonical_link(client, public_pages):
    for url in public_pages:
        properties, canonicals = head_tags(get_html(client, url))

        assert canonicals == [SITE_URL + urlsplit(url).path], url
        for name in ("og:title", "og:description", "og:url"):
            values = properties.get(name, [])
            assert len(values) == 1, f"{url}: {name} {values}"
            assert values[0].strip(), f"{url}: empty {name}"
        assert properties["og:url"] == canonicals, url


@pytest.mark.parametrize("slug", SLUGS)
def test_procedure_open_graph_tags_are_its_own(client, slug):
    procedure = Procedure.objects.get(slug=slug)

    properties, _ = head_tags(get_html(client, procedure.get_absolute_url()))

    assert properties["og:title"] == [procedure.title]
    assert properties["og:description"] == [procedure.meta_description]


def test_open_graph_titles_differ_between_pages(client, public_pages):
    titles = {url: head_tags(get_html(client, url))[0]["og:title"][0] for url in public_pages if "?" not in url}

    duplicates = {url: title for url, title in titles.items() if list(titles.values()).count(title) > 1}
    assert not duplicates, f"pages share an og:title: {duplicates}"
