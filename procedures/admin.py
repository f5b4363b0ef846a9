from django.contrib import admin
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
    )
    inlines = [SectionInline, ConditionInline, RiskInline, ComparisonRowInline]
