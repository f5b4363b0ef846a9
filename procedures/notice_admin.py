"""Staff edit the notices and the language taglines; each change is kept with who and when (History)."""

from typing import Any, ClassVar

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from core.states import US_STATES

from .notices import TAGLINES_REQUIRED, Notice, Tagline


class NoticeForm(forms.ModelForm):
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
            "title", "meta_description", "body", "language_assistance", "states_served",
            "legal_review", "approved_by", "approved_on",
        )  # fmt: skip


@admin.register(Notice)
class NoticeAdmin(SimpleHistoryAdmin):
    form = NoticeForm
    list_display = ("title", "legal_review", "facts_missing", "approved_on", "updated_at")
    list_filter = ("legal_review",)
    search_fields = ("title", "body", "language_assistance")
    readonly_fields = ("page_link", "still_to_supply", "tagline_coverage")
    save_on_top = True

    def has_add_permission(self, request) -> bool:
        return False  # the three notices the law asks for exist from the first migration

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # a notice the law asks for is edited, never removed

    def get_fieldsets(self, request, obj=None):
        text = ["title", "page_link", "meta_description", "body"]
        if obj and obj.kind == Notice.Kind.NONDISCRIMINATION:
            text[3:3] = ["language_assistance"]
        fieldsets = [
            ("Legal review", {"fields": ("legal_review", "still_to_supply", "approved_by", "approved_on")}),
            (None, {"fields": text}),
        ]
        if obj and obj.kind == Notice.Kind.NONDISCRIMINATION:
            fieldsets.append(("Languages", {"fields": ("states_served", "tagline_coverage")}))
        return fieldsets

    @admin.display(description="facts still to supply")
    def facts_missing(self, obj: Notice) -> int:
        return len(obj.placeholders)

    @admin.display(description="On the site")
    def page_link(self, obj: Notice) -> str:
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())

    @admin.display(description="Still to supply")
    def still_to_supply(self, obj: Notice) -> str:
        if not obj.placeholders:
            return "Nothing: every “[To be supplied: …]” has been replaced."
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
class TaglineAdmin(SimpleHistoryAdmin):
    form = TaglineForm
    list_display = ("english_name", "language_name", "language_tag", "direction", "position", "shown")
    list_editable = ("position",)
    list_filter = ("direction",)
    search_fields = ("english_name", "language_name", "language_tag", "text")
    fields = ("english_name", "language_name", "language_tag", "direction", "position", "text")

    @admin.display(boolean=True, description="shown (has a tagline)")
    def shown(self, obj: Tagline) -> bool:
        return bool(obj.text)
