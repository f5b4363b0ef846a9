"""Reading rendered pages in tests: Django's own HTML parser, and a few ways to look inside it."""

from collections.abc import Iterator

from django.test.html import Element, parse_html


def parse(response) -> Element:
    return parse_html(response.content.decode())


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


def summary_links(root: Element) -> dict[str, str]:
    """The error summary at the top of a form: {link target: message}."""
    summary = find_one(root, "div", id="problem")
    return {attr(link, "href"): text(link) for link in find_all(summary, "a")}
