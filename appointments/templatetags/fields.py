"""A form field with Bootstrap 5's markup (label, control, errors, help), written in Python.

The same HTML as crispy-forms' bootstrap5 field template, for the search pages that render a few fields on
every request: crispy's per-field template machinery took most of the locator's rendering time.
"""

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def bootstrap_field(field: forms.BoundField) -> SafeString:
    widget, field_id = field.field.widget, field.auto_id
    checkbox = isinstance(widget, forms.CheckboxInput)
    css = "form-check-input" if checkbox else "form-select" if isinstance(widget, forms.Select) else "form-control"
    described = [f"{field_id}_helptext"] if field.help_text else []
    attrs = {"class": css}
    errors = ""
    if field.errors:
        attrs.update({"class": f"{css} is-invalid", "aria-invalid": "true"})
        described.append(f"{field_id}_error")
        messages = format_html_join(
            "", '<p id="error_{}_{}"><strong>{}</strong></p>', ((n, field_id, e) for n, e in enumerate(field.errors, 1))
        )
        errors = format_html('<div id="{}_error" class="invalid-feedback">{}</div>', field_id, messages)
    if described:
        attrs["aria-describedby"] = " ".join(described)
    control = field.as_widget(attrs=attrs)
    help_text = (
        format_html('<div id="{}_helptext" class="form-text">{}</div>', field_id, field.help_text)
        if field.help_text
        else ""
    )
    if checkbox:
        markup = (
            '<div id="div_{0}" class="mb-3 form-check">{2}<label for="{0}" class="form-check-label">{1}</label>{3}{4}'
            "</div>"
        )
    else:
        markup = '<div id="div_{0}" class="mb-3"><label for="{0}" class="form-label">{1}</label>{2}{3}{4}</div>'
    return format_html(markup, field_id, field.label, control, errors, help_text)
