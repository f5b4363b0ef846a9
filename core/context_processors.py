from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from .languages import alternate_links, page_languages, switch_url
from .models import SiteSettings


def site(request: HttpRequest) -> dict:
    """The canonical address of the page (the configured public origin, never the Host header), and the
    number patients call (read lazily: only pages that show it ask the shared cache); the page in each language
    (hreflang alternates) and the link to it in the other one (the language switch)."""
    languages = page_languages(request)
    current = translation.get_language()
    other = next((alternate for alternate in languages if alternate.code != current), None)
    return {
        "alternate_links": alternate_links(languages),
        "language_switch": other,
        "language_switch_url": switch_url(request),
        "canonical_url": settings.SITE_URL + request.path,
        "site_url": settings.SITE_URL,
        "site_settings": SimpleLazyObject(SiteSettings.current),
    }
