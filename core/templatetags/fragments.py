"""`{% fragment "name" vary… %}…{% endfragment %}`: a part of the page layout rendered once and kept (core/rendered.py)
for every page that shows it (the phone number in the header, the menu and the footer of every page).

The key holds, besides the release, the content generation and the language that every rendered key holds, the
values it varies on (which menu entry is the current page). Only what is the same for every visitor may go inside:
no CSRF token, no user, no message, and nothing that names the page itself (its address, a link to it in another
language) unless the fragment varies on it.
"""

from django import template
from django.utils.safestring import mark_safe

from core import rendered

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: template.base.FilterExpression, vary: list):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context: template.Context) -> str:
        parts = [self.name.resolve(context), *(expression.resolve(context) for expression in self.vary)]
        html = rendered.kept("fragment", parts, lambda: self.nodelist.render(context), request=context.get("request"))
        return mark_safe(html)  # noqa: S308 (our own templates' output, escaped as they render)


@register.tag
def fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} takes a name, then the values it varies on")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])
