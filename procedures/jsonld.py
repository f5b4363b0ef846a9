"""schema.org JSON-LD as a safe <script type="application/ld+json"> block (data, not script: CSP allows it)."""

import json

from django.utils.html import format_html
from django.utils.safestring import SafeString

# The characters that could end the script element or open a comment, escaped as JSON allows.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def jsonld_script(data: dict) -> SafeString:
    payload = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(payload))
