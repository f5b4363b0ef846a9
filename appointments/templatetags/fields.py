"""A form field with Bootstrap 5's markup (label, control, errors, help), written in Python.

The same HTML as crispy-forms' bootstrap5 field template, for the search pages that render a few fields on
every request: crispy's per-field template machinery took most of the locator's rendering time, and Django's
own widget templates (one template per <option>) half of what was left. Plain inputs and selects are written
here from the widget's own context (Django decides the attributes, the value and what is selected); any other
widget is rendered by Django.
"""

from django import forms, template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Exactly these classes: a subclass may have a template of its own.
PLAIN_WIDGETS = {forms.TextInput, forms.EmailInput, forms.NumberInput, forms.HiddenInput, forms.CheckboxInput}


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
    control = _widget(field, attrs)
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


@register.simple_tag
def plain_widget(field: forms.BoundField) -> SafeString:
    """The field's control alone, as {{ field }} renders it (a hidden input, say), without its template."""
    return _widget(field, {})


def _widget(field: forms.BoundField, attrs: dict) -> SafeString:
    """What field.as_widget(attrs=attrs) renders, for plain inputs and single selects without a template."""
    widget = field.field.widget
    if type(widget) not in PLAIN_WIDGETS and not _plain_select(widget):
        return field.as_widget(attrs=attrs)
    attrs = field.build_widget_attrs(attrs, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    if _plain_select(widget):
        return _select(context)
    value = "" if context["value"] is None else format_html(' value="{}"', context["value"])
    return format_html(
        '<input type="{}" name="{}"{}{}>', context["type"], context["name"], value, _attrs(context["attrs"])
    )


def _plain_select(widget: forms.Widget) -> bool:
    """A single select drawn with Django's own templates (a subclass may only change its options' attributes)."""
    return (
        isinstance(widget, forms.Select)
        and not widget.allow_multiple_selected
        and widget.template_name == forms.Select.template_name
        and widget.option_template_name == forms.Select.option_template_name
    )


def _select(context: dict) -> SafeString:
    parts = [format_html('<select name="{}"{}>', context["name"], _attrs(context["attrs"]))]
    for group_name, options, _index in context["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in options:
            parts.append(
                format_html(
                    '\n  <option value="{}"{}>{}</option>', option["value"], _attrs(option["attrs"]), option["label"]
                )
            )
        if group_name:
            parts.append(mark_safe("\n  </optgroup>"))
    parts.append(mark_safe("\n</select>"))
    return mark_safe("".join(parts))  # noqa: S308 (every part escaped above)


def _attrs(attrs: dict) -> SafeString:
    """As django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name alone."""
    escape = conditional_escape
    html = "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )
    return mark_safe(html)  # noqa: S308 (names and values escaped)
