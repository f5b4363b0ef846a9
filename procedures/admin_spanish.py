"""The Spanish version in the procedure admin: what is still to translate, what is out of date (with what changed
in the English since), a column in the list, and the editor's "checked against the English" confirmation."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.shortcuts import render
from django.utils import translation
from django.utils.html import format_html, format_html_join

from . import translation_state
from .compare import word_diff

if TYPE_CHECKING:
    TranslatedAdminBase = admin.ModelAdmin[Any]  # the admin of a page or a notice: its methods call the admin's
else:
    TranslatedAdminBase = object

CHECKED_LABEL = "The Spanish has been checked against the English as it is now"
CHECKED_HELP = (
    "Tick after checking every Spanish text flagged “out of date” below (and changing it where the English change "
    "needs it): the flags are then cleared. Changing a Spanish text clears its own flag."
)


class SpanishCheckForm(forms.ModelForm):
    spanish_checked = forms.BooleanField(label=CHECKED_LABEL, required=False, help_text=CHECKED_HELP)


def _state_text(state: translation_state.SpanishState) -> str:
    if not state.has_spanish:
        return "Not started"
    text = "Complete" if state.complete else f"In progress: {len(state.missing)} to translate"
    if state.outdated:
        text += f"; {len(state.outdated)} out of date"
    return text


class SpanishAdminMixin(TranslatedAdminBase):
    """For the procedure and overview admins (with `spanish_state` and `spanish_checked` in their fieldsets)."""

    form = SpanishCheckForm

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "spanish_state"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_change_permission(request, obj):
            return fieldsets
        # Read-only (a live page): nothing to confirm here; the draft has the checkbox.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "spanish_checked"]})
            for name, options in fieldsets
        ]

    def save_related(self, request, form, formsets, change):
        """After the page and its parts are saved: clear the out-of-date flags if the editor says so, then keep
        the page's stored Spanish flags current."""
        super().save_related(request, form, formsets, change)
        if form.cleaned_data.get("spanish_checked"):
            translation_state.mark_page_current(form.instance)
        translation_state.refresh(form.instance)

    @admin.display(description="Spanish")
    def spanish(self, obj) -> str:
        state = translation_state.page_state(obj)
        return format_html('<span class="{}">{}</span>', "grade-over" if state.outdated else "", _state_text(state))

    @admin.display(description="State of the Spanish")
    def spanish_state(self, obj) -> str:
        if obj is None or obj.pk is None:
            return "Save the page first; then each Spanish field left empty is listed here."
        state = translation_state.page_state(obj)
        shown = (
            "The Spanish page shows the Spanish text."
            if translation_state.shows_spanish(obj)
            else "The Spanish page shows the English text, with a note in Spanish, until every part has its "
            "Spanish and the page is published."
        )
        return format_html(
            "<p><strong>{}.</strong> {}</p>{}{}",
            _state_text(state),
            shown
            if obj.is_published and not obj.is_draft_copy
            else "Publishing puts it on the Spanish page once every part has its Spanish.",
            _missing(state),
            _outdated(state),
        )


def spanish_preview(request, template: str, page, context: dict, render_parts: Callable | None = None):
    """A draft (or a page not yet public) on its page template, in English or, with `?language=es`, with every
    Spanish text there is (the banner says what the public Spanish page would show instead while some is
    missing). `render_parts(language_context)` renders the page's own parts in that language, as `page` (a
    procedure page's: procedures/rendering.py)."""
    language = translation_state.SPANISH if request.GET.get("language") == "es" else translation_state.ENGLISH
    language_context = {"content_language": language, "content_fallback": False}
    context = {**context, "preview": True, **language_context}
    if language == translation_state.SPANISH:
        context["spanish_missing"] = translation_state.page_state(page).missing
    with translation.override(language), translation_state.previewing():
        if render_parts is not None:
            context["page"] = render_parts(language_context)
        return render(request, template, context)


def _missing(state: translation_state.SpanishState) -> str:
    if not state.missing or not state.has_spanish:
        return ""
    return format_html(
        "<p>Still to translate ({}):</p><ul>{}</ul>",
        len(state.missing),
        format_html_join("", "<li>{}</li>", ((label,) for label in state.missing)),
    )


def _outdated(state: translation_state.SpanishState) -> str:
    if not state.outdated:
        return ""
    return format_html(
        '<p class="grade-over">Out of date: the English changed after the Spanish was written ({}). What changed '
        'in the English:</p><dl class="history-changes">{}</dl>',
        len(state.outdated),
        format_html_join(
            "",
            "<dt>{}</dt><dd>{}</dd>",
            ((item.label, word_diff(item.english_then, item.english_now)) for item in state.outdated),
        ),
    )
