"""Status codes and page structure: head tags, navigation, call to action, drafts, 404, no inline code, one host."""

import json
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test.html import Element
from django.urls import reverse

from procedures.models import Procedure
from tests.html import attr, collect_tags, find_all, find_one, has_class, iter_elements, parse, text

from .factories import ProcedureFactory, SectionFactory

pytestmark = pytest.mark.django_db

SITE_URL = "https://azura.example"
SLUGS = ["epidural-injections", "facet-joint-injections", "kyphoplasty"]
BASE_DEFAULT_DESCRIPTION = "Interventional pain management at Azura Vascular Care."
CTA_HEADING = "Ready to speak with a Specialist?"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


def public_urls() -> list[str]:
    return [
        reverse("home"),
        reverse("procedures:overview"),
        *(reverse("procedures:detail", kwargs={"slug": slug}) for slug in SLUGS),
    ]


def detail_url(slug: str) -> str:
    return reverse("procedures:detail", kwargs={"slug": slug})


# --- Reading pages -------------------------------------------------------------------------------------------


def get_page(client, url: str) -> Element:
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return parse(response)


@pytest.fixture
def every_page(client, admin_client) -> dict[str, str]:
    """{description: HTML} of every kind of page: public pages, a 404 and a staff preview of a draft."""
    pages = {}
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    response = client.get(detail_url("no-such-procedure"))
    assert response.status_code == 404
    pages["404"] = response.content.decode()
    draft = ProcedureFactory(status="draft")
    SectionFactory(procedure=draft)
    response = admin_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    pages["draft preview"] = response.content.decode()
    return pages


# --- Status and head -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", public_urls())
def test_page_answers_200(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", public_urls())
def test_page_has_one_title_description_and_canonical_link(client, url):
    head = find_one(get_page(client, url), "head")

    titles = find_all(head, "title")
    assert len(titles) == 1
    assert text(titles[0]).endswith("| Azura Vascular Care")
    descriptions = find_all(head, "meta", name="description")
    assert len(descriptions) == 1
    description = attr(descriptions[0], "content") or ""
    assert description.strip()
    assert description != BASE_DEFAULT_DESCRIPTION, "the page keeps the generic description of base.html"
    assert len(description) <= 160
    canonicals = find_all(head, "link", rel="canonical")
    assert len(canonicals) == 1
    assert attr(canonicals[0], "href") == SITE_URL + url


@pytest.mark.parametrize("slug", SLUGS)
def test_procedure_page_title_and_description_are_its_own(client, slug):
    procedure = Procedure.objects.get(slug=slug)
    head = find_one(get_page(client, detail_url(slug)), "head")

    assert text(find_one(head, "title")).startswith(f"{procedure.title} | ")
    assert attr(find_one(head, "meta", name="description"), "content") == procedure.meta_description


def test_every_page_has_a_title_of_its_own(client):
    titles = {url: text(find_one(get_page(client, url), "title")) for url in public_urls()}

    duplicates = {url: title for url, title in titles.items() if list(titles.values()).count(title) > 1}
    assert not duplicates, f"pages share a <title>: {duplicates}"


def test_canonical_link_ignores_the_host_header(client, settings):
    settings.ALLOWED_HOSTS = ["azura.example", "other.example"]
    response = client.get(reverse("procedures:overview"), HTTP_HOST="other.example")

    assert attr(find_one(parse(response), "link", rel="canonical"), "href") == SITE_URL + "/pain-management/"


# --- Procedure pages -----------------------------------------------------------------------------------------


def on_this_page_nav(page: Element) -> Element:
    navs = [nav for nav in find_all(page, "nav") if any(text(h) == "On this page" for h in find_all(nav, "h2"))]
    assert len(navs) == 1, "no single “On this page” navigation"
    return navs[0]


@pytest.mark.parametrize("slug", SLUGS)
def test_on_this_page_links_point_to_parts_of_the_page(client, slug):
    page = get_page(client, detail_url(slug))

    ids = [attr(element, "id") for element in iter_elements(page) if attr(element, "id")]
    assert len(ids) == len(set(ids)), "an id is used twice"
    links = find_all(on_this_page_nav(page), "a")
    assert links
    for link in links:
        href = attr(link, "href") or ""
        assert href.startswith("#"), href
        target = find_one(page, "section", id=href[1:])
        assert text(link) in [text(heading) for heading in find_all(target, "h2")]


@pytest.mark.parametrize("slug", SLUGS)
def test_on_this_page_lists_every_part(client, slug):
    page = get_page(client, detail_url(slug))

    hrefs = [attr(link, "href") for link in find_all(on_this_page_nav(page), "a")]
    expected = [f"#{anchor}" for anchor in ("what-it-is", "how-it-is-done", "who-is-a-candidate")]
    expected += ["#conditions", "#risks"] + (["#comparison"] if slug == "kyphoplasty" else [])
    assert hrefs == expected


@pytest.mark.parametrize("slug", SLUGS)
def test_procedure_page_has_breadcrumbs(client, slug):
    page = get_page(client, detail_url(slug))

    breadcrumbs = find_one(page, "nav", **{"aria-label": "Breadcrumb"})
    items = find_all(breadcrumbs, "li")
    links = [(attr(link, "href"), text(link)) for link in find_all(breadcrumbs, "a")]
    assert links == [(reverse("home"), "Home"), (reverse("procedures:overview"), "Interventional Pain Management")]
    assert attr(items[-1], "aria-current") == "page"
    assert text(items[-1]) == Procedure.objects.get(slug=slug).title
    assert find_all(items[-1], "a") == []


@pytest.mark.parametrize("slug", SLUGS)
def test_procedure_page_ends_with_the_call_to_action(client, slug):
    page = get_page(client, detail_url(slug))

    ctas = [section for section in find_all(page, "section") if has_class(section, "cta")]
    assert len(ctas) == 1
    cta = ctas[0]
    assert [text(heading) for heading in find_all(cta, "h2")] == [CTA_HEADING]
    hrefs = [attr(link, "href") or "" for link in find_all(cta, "a")]
    assert reverse("appointments:request") + f"?procedure={slug}" in hrefs
    assert any(urlsplit(href).path == reverse("appointments:locator") for href in hrefs), hrefs


@pytest.mark.parametrize("url", [reverse("home"), reverse("procedures:overview")])
def test_home_and_overview_have_the_call_to_action(client, url):
    page = get_page(client, url)

    cta = next(section for section in find_all(page, "section") if has_class(section, "cta"))
    assert [text(heading) for heading in find_all(cta, "h2")] == [CTA_HEADING]
    hrefs = [attr(link, "href") for link in find_all(cta, "a")]
    assert reverse("appointments:locator") in hrefs
    assert reverse("appointments:request") in hrefs


def test_comparison_is_an_accessible_table(client):
    page = get_page(client, detail_url("kyphoplasty"))

    table = find_one(find_one(page, "section", id="comparison"), "table")
    assert text(find_one(table, "caption"))
    column_headers = [th for th in find_all(table, "th") if attr(th, "scope") == "col"]
    assert [text(th) for th in column_headers] == ["Kyphoplasty", "Vertebroplasty"]
    rows = find_all(find_one(table, "tbody"), "tr")
    assert len(rows) == 3
    for row in rows:
        first = next(child for child in row.children if isinstance(child, Element))
        assert first.name == "th"
        assert attr(first, "scope") == "row"
        assert text(first)
        assert [child.name for child in row.children if isinstance(child, Element)][1:] == ["td", "td"]


# --- Not found -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/pain-management/no-such-procedure/", "/no-such-page/"])
def test_unknown_address_is_404_with_our_template(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    page = parse(response)
    header = find_one(page, "header", **{"class": "site-header"})
    assert reverse("home") in [attr(link, "href") for link in find_all(header, "a")]
    assert find_all(header, "nav", **{"aria-label": "Main"})
    robots = find_all(page, "meta", name="robots")
    assert [attr(meta, "content") for meta in robots] == ["noindex"]


# --- Drafts --------------------------------------------------------------------------------------------------


@pytest.fixture
def draft():
    procedure = ProcedureFactory(status="draft", title="Secret Draft Procedure", slug="secret-draft")
    SectionFactory(procedure=procedure, heading="Draft section", anchor="draft-section")
    return procedure


def draft_banners(page: Element) -> list[Element]:
    return [element for element in iter_elements(page) if has_class(element, "draft-banner")]


def test_draft_is_404_for_anonymous_visitors(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_draft_is_404_for_a_signed_in_user_who_is_not_staff(client, django_user_model, draft):
    client.force_login(django_user_model.objects.create_user(username="patient", password="a-long-password-1"))

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_draft_is_previewed_with_a_banner_by_staff(client, django_user_model, draft):
    editor = django_user_model.objects.create_user(username="editor", password="a-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))  # unpublished pages are shown to their editors only
    client.force_login(editor)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 200
    page = parse(response)
    banners = draft_banners(page)
    assert len(banners) == 1
    assert "Draft preview" in text(banners[0])
    assert "Secret Draft Procedure" in [text(h1) for h1 in find_all(page, "h1")]


def test_superuser_previews_a_draft_too(admin_client, draft):
    response = admin_client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()


def test_published_page_has_no_draft_banner_even_for_staff(admin_client):
    page = get_page(admin_client, detail_url("kyphoplasty"))

    assert draft_banners(page) == []
    assert "Draft preview" not in text(page)


@pytest.mark.parametrize("url", [reverse("home"), reverse("procedures:overview")])
def test_draft_is_not_listed_for_anonymous_visitors(client, draft, url):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Secret Draft Procedure" not in html
    assert draft.get_absolute_url() not in html
    assert detail_url("kyphoplasty") in html  # the published ones still are


# --- No inline code, one host --------------------------------------------------------------------------------


def test_no_page_has_inline_script_or_style(every_page):
    for name, html in every_page.items():
        collected = collect_tags(html)
        for attributes, content in collected.scripts:
            if attributes.get("type") == "application/ld+json":
                json.loads(content)  # data, and valid
                continue
            assert attributes.get("src"), f"{name}: inline <script>: {content[:80]!r}"
            assert not content.strip(), f"{name}: <script src> with inline code"
        for tag, attributes in collected.tags:
            assert tag != "style", f"{name}: <style> element"
            assert "style" not in attributes, f"{name}: style= on <{tag}>"
            handlers = [attribute for attribute in attributes if attribute.startswith("on")]
            assert not handlers, f"{name}: event handler attribute {handlers} on <{tag}>"


URL_ATTRIBUTES = {"src", "href", "action", "formaction", "poster", "data", "cite", "background"}


def page_urls(html: str) -> list[str]:
    """Every address a page refers to: in URL attributes, srcset, meta content and JSON-LD."""
    collected = collect_tags(html)
    urls = []
    for tag, attributes in collected.tags:
        for name, value in attributes.items():
            if value is None:
                continue
            if tag == "a" and name == "href" and "://" in value:
                continue  # a link the patient may follow loads nothing by itself (e.g. directions)
            if name in URL_ATTRIBUTES:
                urls.append(value)
            elif name in ("srcset", "imagesrcset"):
                urls += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
            elif tag == "meta" and name == "content" and ("://" in value or value.startswith("//")):
                urls.append(value)
    for attributes, content in collected.scripts:
        if attributes.get("type") == "application/ld+json":
            urls += [value for value in json_strings(json.loads(content)) if "://" in value or value.startswith("//")]
    return urls


def json_strings(data) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key != "@context":  # the vocabulary's name, never fetched
                yield from json_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from json_strings(value)


def test_no_page_refers_to_another_host(every_page):
    site_host = urlsplit(SITE_URL).netloc
    for name, html in every_page.items():
        urls = page_urls(html)
        if name != "404":  # error pages have no canonical link; elsewhere it shows the parser found the URLs
            assert SITE_URL + "/" in [url[: len(SITE_URL) + 1] for url in urls], f"{name}: no canonical link found"
        for url in urls:
            parts = urlsplit(url.strip())
            assert parts.scheme.lower() not in ("javascript", "vbscript"), f"{name}: {url}"
            assert not parts.netloc or parts.netloc == site_host, f"{name} refers to another host: {url}"
