"""The parts of a procedure page on its edit form: sections, each kind of list, and comparison rows."""

from typing import TYPE_CHECKING, Any, ClassVar

from django import forms
from django.contrib import admin
from django.forms import Script
from django.urls import reverse_lazy
from modeltranslation.admin import TranslationStackedInline

from .admin_publishing import LiveReadOnlyInline
from .markdown import length_limit_of
from .models import MARKDOWN_HELP, ComparisonRow, ListItem, Section

if TYPE_CHECKING:
    FormFieldsBase = admin.options.BaseModelAdmin[Any]  # a page's admin or an inline (for mypy: super() calls)
else:
    FormFieldsBase = object

# The edit form's Markdown toolbar (@github/markdown-toolbar-element, from npm, served from our own static files),
# live preview and reading grade.
EDITOR_JS = [Script("js/markdown-toolbar-element.js", type="module"), "js/admin-editor.js"]
MARKDOWN_ATTRS = {"data-markdown": "1", "data-text-url": reverse_lazy("admin:procedures_procedure_text")}


SPANISH_GRADE_NOTE = "No reading grade for Spanish: the Flesch-Kincaid grade measures English text only."


def pair(*names: str) -> tuple[tuple[str, str], ...]:
    """Each translated field's English and Spanish inputs on one line of the edit form, side by side."""
    return tuple((f"{name}_en", f"{name}_es") for name in names)


def pair_labels(**labels: tuple[str, str]) -> dict[str, str]:
    """Each translated field's English and Spanish labels, e.g. `text=("Title", "Title in Spanish")`."""
    return {field: label for name, both in labels.items() for field, label in zip(pair(name)[0], both, strict=True)}


def pair_widgets(name: str, widget: type[forms.Widget], attrs: dict[str, Any] | None = None) -> dict[str, forms.Widget]:
    """A translated field's English and Spanish inputs, alike but for the Spanish one marked Spanish (`lang`)."""
    return {f"{name}_en": widget(attrs=attrs), f"{name}_es": widget(attrs={**(attrs or {}), "lang": "es"})}


class MarkdownWidgets(FormFieldsBase):
    """Marks the Markdown fields (those whose help says so) for the toolbar and the preview, each text box with
    the most characters its field holds (the preview says when a text is longer), and each Spanish field as Spanish
    (`lang`, for spelling and screen readers; no reading grade: admin-editor.js)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return field
        if MARKDOWN_HELP in str(db_field.help_text):
            field.widget.attrs.update(MARKDOWN_ATTRS)
        limit = length_limit_of(db_field)
        if limit and isinstance(field.widget, forms.Textarea):
            field.widget.attrs["data-max-length"] = str(limit)  # not `maxlength`: a browser cuts a paste silently
        if getattr(db_field, "language", None) == "es":
            field.widget.attrs["lang"] = "es"
            if isinstance(field.widget, forms.Textarea):
                field.help_text = f"{field.help_text} {SPANISH_GRADE_NOTE}".strip()
        return field


class SectionInline(MarkdownWidgets, LiveReadOnlyInline, TranslationStackedInline):
    model = Section
    extra = 0
    fields = ("position", *pair("heading"), "anchor", *pair("body"))
    prepopulated_fields: ClassVar[dict[str, Any]] = {"anchor": ("heading",)}


class ListItemInline(MarkdownWidgets, LiveReadOnlyInline, TranslationStackedInline):
    """One inline per kind of list, so staff see conditions, risks, warning signs, questions and references apart."""

    model = ListItem
    extra = 0
    fields = ("position", *pair("text"))
    kind = ""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(kind=self.kind)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        kind = self.kind

        class KindFormSet(formset):  # type: ignore[valid-type,misc]  # a class inlineformset_factory made
            def save_new(self, form, commit=True):
                form.instance.kind = kind
                return super().save_new(form, commit=commit)

        return KindFormSet


class ConditionInline(ListItemInline):
    kind = ListItem.Kind.CONDITION
    verbose_name = "condition it treats"
    verbose_name_plural = "conditions it treats (list items)"


class RiskInline(ListItemInline):
    kind = ListItem.Kind.RISK
    verbose_name = "risk or side effect"
    verbose_name_plural = "risks and side effects (list items)"


class WarningSignInline(ListItemInline):
    kind = ListItem.Kind.WARNING_SIGN
    verbose_name = "warning sign"
    verbose_name_plural = "when to call your doctor: warning signs (optional)"


class QuestionForm(forms.ModelForm):
    class Meta:
        labels = pair_labels(
            text=("Question (English)", "Question (Spanish)"), detail=("Answer (English)", "Answer (Spanish)")
        )
        help_texts: ClassVar[dict[str, Any]] = {
            "detail_en": MARKDOWN_HELP,
            "detail_es": f"{MARKDOWN_HELP} {SPANISH_GRADE_NOTE}",
        }
        widgets = pair_widgets("detail", forms.Textarea, MARKDOWN_ATTRS)


class QuestionInline(ListItemInline):
    kind = ListItem.Kind.QUESTION
    form = QuestionForm
    fields = ("position", *pair("text", "detail"))
    verbose_name = "frequently asked question"
    verbose_name_plural = "frequently asked questions (optional)"


class ReferenceForm(forms.ModelForm):
    link = forms.URLField(label="Link", required=False, assume_scheme="https")

    class Meta:
        labels = pair_labels(
            text=("Title", "Title in Spanish (optional: a cited work keeps its own title)"),
            detail=("Publisher", "Publisher in Spanish (optional)"),
        )
        widgets = pair_widgets("detail", forms.TextInput)


class ReferenceInline(ListItemInline):
    kind = ListItem.Kind.REFERENCE
    form = ReferenceForm
    fields = ("position", *pair("text", "detail"), "link", "dated")
    verbose_name = "reference"
    verbose_name_plural = "references (optional)"


class ComparisonRowInline(MarkdownWidgets, LiveReadOnlyInline, TranslationStackedInline):
    model = ComparisonRow
    extra = 0
    fields = ("position", *pair("aspect", "this_procedure", "other_procedure"))
