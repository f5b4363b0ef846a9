"""`{% fragment "name" vary… %}…{% endfragment %}`: a part of the page layout rendered once and kept in the shared
cache, for every page that shows it (the phone number in the header, the menu and the footer of every page).

The key holds the code version (a deploy), the content generation (any content save: the site phone number, a
procedure's title), the active language (`translation.get_language()`: each language its own copy) and the values
it varies on (which menu entry is the current page). Only what is the same for every visitor may go inside: no
CSRF token, no user, no message, and nothing that names the page itself (its address, a link to it in another
language) unless the fragment varies on it.
"""

import hashlib

from django import template
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe

from azura_site.cache import code_version, rendered_seconds, request_generation

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: template.base.FilterExpression, vary: list):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def key(self, context: template.Context) -> str:
        vary = "\x1f".join(str(expression.resolve(context)) for expression in self.vary)
        digest = hashlib.sha256(vary.encode()).hexdigest()[:16]
        generation = request_generation(context.get("request"))
        return (
            f"fragment:{self.name.resolve(context)}:{code_version()}:{generation}:{translation.get_language()}:{digest}"
        )

    def render(self, context: template.Context) -> str:
        key = self.key(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, rendered_seconds())
        return mark_safe(html)  # noqa: S308 (our own templates' output, escaped as they render)


@register.tag
def fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} takes a name, then the values it varies on")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])
