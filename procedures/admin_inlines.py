"""The parts of a procedure page on its edit form: sections, each kind of list, and comparison rows."""

from django import forms
from django.contrib import admin
from django.forms import Script
from django.urls import reverse_lazy

from .admin_publishing import LiveReadOnlyInline
from .models import MARKDOWN_HELP, ComparisonRow, ListItem, Section

# The edit form's Markdown toolbar (@github/markdown-toolbar-element, from npm, served from our own static files),
# live preview and reading grade.
EDITOR_JS = [Script("js/markdown-toolbar-element.js", type="module"), "js/admin-editor.js"]
MARKDOWN_ATTRS = {"data-markdown": "1", "data-text-url": reverse_lazy("admin:procedures_procedure_text")}


class MarkdownWidgets:
    """Marks the Markdown fields (those whose help says so) for the toolbar and the preview."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and MARKDOWN_HELP in str(db_field.help_text):
            field.widget.attrs.update(MARKDOWN_ATTRS)
        return field


class SectionInline(MarkdownWidgets, LiveReadOnlyInline, admin.StackedInline):
    model = Section
    extra = 0
    fields = ("position", "heading", "anchor", "body")
    prepopulated_fields = {"anchor": ("heading",)}


class ListItemInline(LiveReadOnlyInline, admin.StackedInline):
    """One inline per kind of list, so staff see conditions, risks, warning signs, questions and references apart."""

    model = ListItem
    extra = 0
    fields = ("position", "text")
    kind = ""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(kind=self.kind)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        kind = self.kind

        class KindFormSet(formset):
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
        labels = {"text": "Question", "detail": "Answer"}
        help_texts = {"detail": MARKDOWN_HELP}
        widgets = {"detail": forms.Textarea(attrs=MARKDOWN_ATTRS)}


class QuestionInline(ListItemInline):
    kind = ListItem.Kind.QUESTION
    form = QuestionForm
    fields = ("position", "text", "detail")
    verbose_name = "frequently asked question"
    verbose_name_plural = "frequently asked questions (optional)"


class ReferenceForm(forms.ModelForm):
    link = forms.URLField(label="Link", required=False, assume_scheme="https")

    class Meta:
        labels = {"text": "Title", "detail": "Publisher"}
        widgets = {"detail": forms.TextInput}


class ReferenceInline(ListItemInline):
    kind = ListItem.Kind.REFERENCE
    form = ReferenceForm
    fields = ("position", "text", "detail", "link", "dated")
    verbose_name = "reference"
    verbose_name_plural = "references (optional)"


class ComparisonRowInline(LiveReadOnlyInline, admin.StackedInline):
    model = ComparisonRow
    extra = 0
    fields = ("position", "aspect", "this_procedure", "other_procedure")
