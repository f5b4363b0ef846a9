from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    """The canonical address of the page: the configured public origin, never the Host header."""
    return {"canonical_url": settings.SITE_URL + request.path, "site_url": settings.SITE_URL}
