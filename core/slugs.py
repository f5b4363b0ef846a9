"""Slugs (the last part of a page's address), in one place: what one is, how text becomes one, how long one may be.

The rule is Django's own, which the `<slug:…>` URL converter and every `SlugField` already apply: letters, digits,
hyphens and underscores (`validate`). Here it is also read where a slug arrives in a query string (`?center=`,
`?procedure=`): anything else names nothing and costs no query (`is_slug`). The fields' lengths are named here, so
that a lookup knows what no slug can be longer than.
"""

from django.core.validators import slug_re, validate_slug
from django.utils.text import slugify

PAGE_LENGTH = 50  # a content page's slug (a procedure, a service line, an old address of one): SlugField's default
NAME_LENGTH = 180  # a center's or physician's, made from a name, a city and a state
MAX_LENGTH = max(PAGE_LENGTH, NAME_LENGTH)

validate = validate_slug  # the rule, as a validator ("Enter a valid 'slug' consisting of letters, numbers, ...")

# A draft copy's own slug (slugs are unique; the address it gives its page is apart, in `new_slug`). `slugify`
# never makes "--" and staff may not type this prefix, so no page can have it.
DRAFT_PREFIX = "draft--"


def is_slug(value: object, *, max_length: int = MAX_LENGTH) -> bool:
    """Whether `value` can be a slug (of at most `max_length` characters): only a slug is looked up."""
    return isinstance(value, str) and 0 < len(value) <= max_length and bool(slug_re.match(value))


def slug_of(text: str, *, max_length: int = NAME_LENGTH) -> str:
    """The text as a slug ("Azura Austin TX" → "azura-austin-tx"), cut to fit its field."""
    return slugify(text)[:max_length]


def draft_slug(pk: int) -> str:
    """The placeholder slug of a draft copy of page `pk`."""
    return f"{DRAFT_PREFIX}{pk}"


def is_draft_slug(slug: str) -> bool:
    """Whether the slug is a draft copy's placeholder (no page may take such an address)."""
    return slug.startswith(DRAFT_PREFIX)
