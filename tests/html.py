"""Reading rendered pages in tests: Django's own HTML parser, and a few ways to look inside it. Tests read HTML
through these helpers only, never with regular expressions."""

import json
from collections.abc import Iterator
from html.parser import HTMLParser

from django.test.html import Element, parse_html


def parse(page) -> Element:
    """The page (a response, or HTML as text) as a tree of elements."""
    return parse_html(page if isinstance(page, str) else page.content.decode())


def iter_elements(element: Element) -> Iterator[Element]:
    for child in element.children:
        if isinstance(child, Element):
            yield child
            yield from iter_elements(child)


def attr(element: Element, name: str) -> str | None:
    return dict(element.attributes).get(name)


def has_class(element: Element, name: str) -> bool:
    return name in (attr(element, "class") or "").split()


def attrs(element: Element) -> dict:
    return dict(element.attributes)


def find_all(root: Element, tag: str | None, **attrs: str) -> list[Element]:
    """Every element with that tag (None: any) and those attribute values."""
    return [
        element
        for element in iter_elements(root)
        if (tag is None or element.name == tag) and all(attr(element, name) == value for name, value in attrs.items())
    ]


def find_one(root: Element, tag: str | None, **attrs: str) -> Element:
    found = find_all(root, tag, **attrs)
    assert len(found) == 1, f"expected one <{tag or '*'} {attrs}>, found {len(found)}"
    return found[0]


def text(element: Element) -> str:
    """The element's text as a reader sees it: white space collapsed."""
    parts = [child if isinstance(child, str) else text(child) for child in element.children]
    return " ".join(" ".join(parts).split())


def texts(root: Element, tag: str) -> list[str]:
    return [text(element) for element in find_all(root, tag)]


# --- Forms ----------------------------------------------------------------------------------------------------


def input_value(root: Element, name: str) -> str | None:
    return attr(find_one(root, "input", name=name), "value")


def selected_value(root: Element, name: str) -> str | None:
    select = find_one(root, "select", name=name)
    chosen = [attr(option, "value") for option in find_all(select, "option") if "selected" in attrs(option)]
    return chosen[0] if chosen else None


def checked_value(root: Element, name: str) -> str | None:
    chosen = [attr(element, "value") for element in find_all(root, "input", name=name) if "checked" in attrs(element)]
    return chosen[0] if chosen else None


def offered_centers(response) -> list[tuple[str, str]]:
    """The centers offered: (slug, label text) of each radio option, in order."""
    root = parse(response)
    radios = find_all(root, "input", name="center", type="radio")
    labels = {attr(label, "for"): text(label) for label in find_all(root, "label")}
    return [(attr(radio, "value"), labels[attr(radio, "id")]) for radio in radios]


def summary_links(root: Element) -> dict[str, str]:
    """The error summary at the top of a form: {link target: message}."""
    summary = find_one(root, "div", id="problem")
    return {attr(link, "href"): text(link) for link in find_all(summary, "a")}


def field_error(root: Element, name: str) -> str:
    """The message shown under a field of the form (crispy-forms' invalid-feedback, id `error_<n>_id_<name>`)."""
    messages = [
        text(element)
        for element in iter_elements(root)
        if (attr(element, "id") or "").startswith("error_") and (attr(element, "id") or "").endswith(f"_id_{name}")
    ]
    return " ".join(messages)


# --- Lists of results (locator, directory) --------------------------------------------------------------------


def result_names(root: Element) -> list[str]:
    """The names in a list of results (centers or physicians), in order: each result's heading link."""
    return [
        text(find_all(heading, "a")[0])
        for result in find_all(root, "li", **{"class": "result"})
        for heading in find_all(result, "h3")[:1]
    ]


def result_distances(root: Element) -> list[str]:
    return texts_with_class(root, "p", "result-distance")


def texts_with_class(root: Element, tag: str, name: str) -> list[str]:
    return [text(element) for element in find_all(root, tag) if has_class(element, name)]


# --- Exact tags and scripts -------------------------------------------------------------------------------------


class TagCollector(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>, exactly as the page has them (Django's
    parser above normalises both)."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self._script = attributes
            self.scripts.append((attributes, ""))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        if self._script is not None:
            attributes, content = self.scripts[-1]
            self.scripts[-1] = (attributes, content + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def collect_tags(page) -> TagCollector:
    """The start tags and scripts of a page (a response, or HTML as text)."""
    collector = TagCollector()
    collector.feed(page if isinstance(page, str) else page.content.decode())
    collector.close()
    return collector


def start_tags(page, tag: str) -> list[dict[str, str | None]]:
    """The attributes of every <tag> of the page, as written."""
    return [attributes for name, attributes in collect_tags(page).tags if name == tag]


def hidden_inputs(page) -> dict[str, str | None]:
    """{name: value} of the page's hidden inputs (the CSRF token, the form's start time and submission token)."""
    return {attributes["name"]: attributes.get("value") for attributes in start_tags(page, "input")
            if attributes.get("type") == "hidden" and attributes.get("name")}  # fmt: skip


def jsonld(page) -> list[dict]:
    """Every JSON-LD block of the page, decoded."""
    return [
        json.loads(content)
        for attributes, content in collect_tags(page).scripts
        if attributes.get("type") == "application/ld+json"
    ]


def schema_org(html: str) -> list[dict]:
    """The page's JSON-LD, which must be there, each block in schema.org's vocabulary."""
    data = jsonld(html)
    assert data, "no JSON-LD on the page"
    for item in data:
        assert item["@context"] == "https://schema.org"
    return data


def jsonld_of_type(html: str, schema_type: str) -> dict:
    """The page's one JSON-LD description of that type (schema.org's), e.g. "MedicalClinic"."""
    found = [item for item in schema_org(html) if item.get("@type") == schema_type]
    assert len(found) == 1, f"expected one {schema_type} in {schema_org(html)}"
    return found[0]
