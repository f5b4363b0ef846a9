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


def find_all(root: Element, tag: str, **attrs: str) -> list[Element]:
    return [
        element
        for element in iter_elements(root)
        if element.name == tag and all(attr(element, name) == value for name, value in attrs.items())
    ]


def find_one(root: Element, tag: str, **attrs: str) -> Element:
    found = find_all(root, tag, **attrs)
    assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
    return found[0]


def text(element: Element) -> str:
    parts = [child if isinstance(child, str) else text(child) for child in element.children]
    return " ".join(part for part in parts if part).strip()


def texts(root: Element, tag: str) -> list[str]:
    return [text(element) for element in find_all(root, tag)]
