"""Staff edit the notices (English and Spanish side by side) and the language taglines; each change is kept with who
and when (History). A change of wording withdraws counsel's approval, and the page says so (procedures/notices.py)."""

from typing import Any, ClassVar

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from modeltranslation.admin import TranslationAdmin

from core.admin_history import HistoryAdmin
from core.states import US_STATES

from .admin_inlines import MarkdownWidgets, pair
from .admin_spanish import SpanishAdminMixin, SpanishCheckForm
from .notices import TAGLINES_REQUIRED, Notice, Tagline

WITHDRAWN = (
    "The wording changed, so the approval by the client's counsel was withdrawn: the page says it is a draft again "
    "until counsel approves the new wording."
)


class NoticeForm(SpanishCheckForm):
    states_served = forms.MultipleChoiceField(
        choices=US_STATES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The states where we serve patients: the rule asks for taglines in at least the "
        f"{TAGLINES_REQUIRED} languages most spoken by people with limited English in each of them.",
    )

    class Meta:
        model = Notice
        fields = (
            *("title_en", "title_es", "meta_description_en", "meta_description_es", "body_en", "body_es"),
            *("language_assistance_en", "language_assistance_es", "states_served"),
            *("legal_review", "approved_by", "approved_on"),
        )


@admin.register(Notice)
class NoticeAdmin(MarkdownWidgets, SpanishAdminMixin, TranslationAdmin, HistoryAdmin):
    """English and Spanish side by side (each Spanish field marked lang="es"), what is still to supply, the legal
    review and, for the nondiscrimination notice, the states served and the taglines they need."""

    form = NoticeForm
    list_display = ("title", "legal_review", "facts_missing", "spanish", "approved_on", "last_published_at")
    list_filter = ("legal_review",)
    search_fields = ("title_en", "title_es", "body_en", "body_es", "language_assistance_en")
    readonly_fields = ("page_link", "still_to_supply", "tagline_coverage", "last_published_at")
    save_on_top = True

    def has_add_permission(self, request) -> bool:
        return False  # the notices the law asks for exist from the migrations

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # a notice the law asks for is edited, never removed

    def get_fieldsets(self, request, obj=None):
        texts = ("language_assistance", "body") if obj and obj.kind == Notice.Kind.NONDISCRIMINATION else ("body",)
        review = ("legal_review", "still_to_supply", "approved_by", "approved_on", "last_published_at")
        fieldsets = [
            ("Legal review", {"fields": review}),
            (None, {"fields": [*pair("title"), "page_link", *pair("meta_description", *texts)]}),
            ("Spanish version", {"fields": ["spanish_state", "spanish_checked"]}),
        ]
        if obj and obj.kind == Notice.Kind.NONDISCRIMINATION:
            fieldsets.append(("Languages", {"fields": ("states_served", "tagline_coverage")}))
        return fieldsets

    def save_model(self, request, obj: Notice, form, change) -> None:
        super().save_model(request, obj, form, change)
        if obj.approval_withdrawn:
            messages.warning(request, WITHDRAWN)

    @admin.display(description="facts still to supply")
    def facts_missing(self, obj: Notice) -> int:
        return len(obj.placeholders)

    @admin.display(description="On the site")
    def page_link(self, obj: Notice) -> str:
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())

    @admin.display(description="Still to supply")
    def still_to_supply(self, obj: Notice) -> str:
        if not obj.placeholders:
            return "Nothing: every “[To be supplied: …]” has been replaced, in English and Spanish."
        items = format_html_join("", "<li>{}</li>", ((text,) for text in obj.placeholders))
        return format_html("<ul>{}</ul>", items)

    @admin.display(description="Taglines")
    def tagline_coverage(self, obj: Notice) -> str:
        shown = Tagline.objects.shown().count()
        empty = Tagline.objects.count() - shown
        states = ", ".join(obj.states_served_names()) or "no state chosen yet"
        warning = (
            format_html(" <strong>The rule asks for at least {} for each state served.</strong>", TAGLINES_REQUIRED)
            if shown < TAGLINES_REQUIRED
            else ""
        )
        return format_html(
            '{} language(s) have a tagline and are shown; {} listed without one are not shown (<a href="{}">edit the '
            "taglines</a>). States served: {}.{}",
            shown,
            empty,
            reverse("admin:procedures_tagline_changelist"),
            states,
            warning,
        )


class TaglineForm(forms.ModelForm):
    class Meta:
        model = Tagline
        fields = ("english_name", "language_name", "language_tag", "direction", "position", "text")
        widgets: ClassVar[dict[str, Any]] = {  # Arabic or Urdu typed here reads right to left, as it will on the page
            "language_name": forms.TextInput(attrs={"dir": "auto"}),
            "text": forms.Textarea(attrs={"dir": "auto", "rows": 3}),
        }


@admin.register(Tagline)
class TaglineAdmin(HistoryAdmin):
    form = TaglineForm
    list_display = ("english_name", "language_name", "language_tag", "direction", "position", "shown")
    list_editable = ("position",)
    list_filter = ("direction",)
    search_fields = ("english_name", "language_name", "language_tag", "text")
    fields = ("english_name", "language_name", "language_tag", "direction", "position", "text")

    @admin.display(boolean=True, description="shown (has a tagline)")
    def shown(self, obj: Tagline) -> bool:
        return bool(obj.text)
