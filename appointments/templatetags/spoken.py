"""{{ languages|language_names }}: the languages a physician or a center's staff speak, named in the page's
language ("inglés, tagalo" on a Spanish page); a language without a Spanish name keeps its English name, marked
lang="en" (appointments/language_names.py)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


@register.filter
def language_names(languages) -> SafeString:
    def name(language) -> SafeString:
        if language.name_language != get_language():
            return format_html('<span lang="{}">{}</span>', language.name_language, language.local_name)
        return format_html("{}", language.local_name)

    return format_html_join(", ", "{}", ((name(language),) for language in languages))
