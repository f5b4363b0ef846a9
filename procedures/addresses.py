"""A procedure page's addresses: the one it has now and those it had before it moved. An old address answers a
permanent redirect to the page (procedures/views.py), a link to the locator or the directory naming it
(`?procedure=<old address>`) searches the page's procedure, and a centers' import file naming it offers the page's
procedure; old links, search results and files never break."""

from dataclasses import dataclass

from core import slugs

from .models import PreviousAddress, Procedure, Status


def moved_to(slug: str):
    """The published page that had this address before it moved, or None."""
    previous = PreviousAddress.objects.filter(slug=slug, procedure__status=Status.PUBLISHED).select_related("procedure")
    return next((address.procedure for address in previous), None)


def procedures_by_address() -> dict[str, Procedure]:
    """Every procedure page by its address now and by each address it had before it moved (a page's address now
    wins over an old address of another page), for files that name procedures by address (the centers' import)."""
    moved = {address.slug: address.procedure for address in PreviousAddress.objects.select_related("procedure")}
    return {**moved, **Procedure.objects.in_bulk(field_name="slug")}


@dataclass(frozen=True)
class LinkedProcedure:
    """What a `?procedure=` slug in a link names now: `slug` to search with ("" for every procedure), and whether
    the link named a procedure we do not list (the page says so, in words that never tell an unpublished page
    from an address that never existed)."""

    slug: str
    not_listed: bool = False


def linked_procedure(slug: str) -> LinkedProcedure:
    """Read a `?procedure=` slug, the one rule for the locator, the directory, the center and physician pages and
    the request form: a published page's is kept as it is (one query); a moved page's becomes its address now;
    anything else (an unpublished page's, an unknown address, not an address at all) becomes every procedure."""
    if not slug:
        return LinkedProcedure("")
    if not slugs.is_slug(slug, max_length=slugs.PAGE_LENGTH):
        return LinkedProcedure("", not_listed=True)
    if Procedure.objects.filter(slug=slug, status=Status.PUBLISHED).exists():
        return LinkedProcedure(slug)
    page = moved_to(slug)
    return LinkedProcedure(page.slug) if page else LinkedProcedure("", not_listed=True)
