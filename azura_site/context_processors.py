from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .models import SiteContact


def site(request: HttpRequest) -> dict:
    """The canonical address of the page (the configured public origin, never the Host header), and the
    number patients call (read lazily: only pages that show it ask the shared cache)."""
    return {
        "canonical_url": settings.SITE_URL + request.path,
        "site_url": settings.SITE_URL,
        "site_contact": SimpleLazyObject(SiteContact.current),
    }
