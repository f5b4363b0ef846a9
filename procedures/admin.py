from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from .models import ComparisonRow, ListItem, Procedure, Section, ServiceLine

REVIEW_FIELDSET = ("Medical review", {"fields": ("reviewed_by", "reviewed_on")})


@admin.register(ServiceLine)
class ServiceLineAdmin(SimpleHistoryAdmin):
    list_display = ("title", "status", "reviewed_on", "updated_at")
    list_filter = ("status",)
    search_fields = ("title", "intro", "help_body")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "status", "meta_description")}),
        ("Overview", {"fields": ("intro", "options_intro", "help_heading", "help_body")}),
        ("Call to action", {"fields": ("cta_heading", "cta_body")}),
        REVIEW_FIELDSET,
    )


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ("position", "heading", "anchor", "body")
    prepopulated_fields = {"anchor": ("heading",)}


class ListItemInline(admin.TabularInline):
    """One inline per kind of list, so staff see conditions and risks apart."""

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


class ComparisonRowInline(admin.TabularInline):
    model = ComparisonRow
    extra = 0
    fields = ("position", "aspect", "this_procedure", "other_procedure")


@admin.register(Procedure)
class ProcedureAdmin(SimpleHistoryAdmin):
    list_display = ("title", "status", "position", "reviewed_by", "reviewed_on", "updated_at")
    list_editable = ("position",)
    list_filter = ("status", "service_line", "reviewed_on")
    search_fields = ("title", "summary", "sections__body", "list_items__text")
    prepopulated_fields = {"slug": ("title",)}
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("service_line", "title", "slug", "status", "position", "summary", "meta_description")}),
        ("Key facts", {"fields": ("duration", "anesthesia", "imaging_guidance", "recovery_time")}),
        ("Conditions", {"fields": ("conditions_heading", "conditions_intro", "conditions_outro")}),
        ("Risks and side effects", {"fields": ("risks_heading", "risks_intro", "risks_lead_in", "risks_outro")}),
        ("Comparison with another procedure", {"fields": ("comparison_heading", "comparison_intro", "compared_with")}),
        REVIEW_FIELDSET,
        ("Sections, lists and comparison rows", {"fields": ("parts_history",)}),
    )
    readonly_fields = ("parts_history",)
    inlines = [SectionInline, ConditionInline, RiskInline, ComparisonRowInline]

    @admin.display(description="Their history")
    def parts_history(self, obj: Procedure | None) -> str:
        """This page's History shows the procedure's own fields only: say where the history of the rest is."""
        query = f"?procedure__id__exact={obj.pk}" if obj and obj.pk else ""  # only this procedure's parts
        parts = ((Section, "Sections"), (ListItem, "List items"), (ComparisonRow, "Comparison rows"))
        links = format_html_join(
            " / ",
            '<a href="{}">{}</a>',
            (
                (reverse(f"admin:procedures_{model._meta.model_name}_changelist") + query, label)
                for model, label in parts
            ),
        )
        return format_html(
            "Sections, conditions, risks and comparison rows keep their own history, each with its own History "
            "button to see or revert a change: Procedure pages › {}.",
            links,
        )


class ProcedurePartAdmin(SimpleHistoryAdmin):
    """Sections, list items and comparison rows on their own, each with its History and revert."""

    list_select_related = ("procedure",)
    list_filter = ("procedure",)
    ordering = ("procedure", "position", "pk")


@admin.register(Section)
class SectionAdmin(ProcedurePartAdmin):
    list_display = ("heading", "procedure", "position", "anchor")
    search_fields = ("heading", "body", "procedure__title")
    fields = ("procedure", "position", "heading", "anchor", "body")
    prepopulated_fields = {"anchor": ("heading",)}


@admin.register(ListItem)
class ListItemAdmin(ProcedurePartAdmin):
    list_display = ("text", "procedure", "kind", "position")
    list_filter = ("procedure", "kind")
    search_fields = ("text", "procedure__title")
    fields = ("procedure", "kind", "position", "text")


@admin.register(ComparisonRow)
class ComparisonRowAdmin(ProcedurePartAdmin):
    list_display = ("aspect", "procedure", "position")
    search_fields = ("aspect", "this_procedure", "other_procedure", "procedure__title")
    fields = ("procedure", "position", "aspect", "this_procedure", "other_procedure")
