from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import (
    health,
    notice_admin,  # noqa: F401 (registers the notices and taglines)
    publishing,
    readability,
    translation_state,
)
from .admin_inlines import (
    EDITOR_JS,
    ComparisonRowInline,
    ConditionInline,
    MarkdownWidgets,
    QuestionInline,
    ReferenceInline,
    RiskInline,
    SectionInline,
    WarningSignInline,
    pair,
)
from .admin_publishing import PublishingAdminMixin, is_live
from .admin_spanish import SpanishAdminMixin
from .models import ComparisonRow, ListItem, Procedure, Section, ServiceLine
from .page_history import page_history
from .templatetags.content import render_markdown

REVIEW_FIELDSET = ("Medical review", {"fields": ("reviewed_by", "reviewed_on")})


@admin.register(ServiceLine)
class ServiceLineAdmin(MarkdownWidgets, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ("title", "status", "reviewed_on", "last_published_at")
    list_filter = ("status",)
    search_fields = ("title_en", "title_es", "intro_en", "intro_es", "help_body_en", "help_body_es")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": (*pair("title"), "slug", "status", *pair("meta_description"))}),
        ("Overview", {"fields": pair("intro", "options_intro", "help_heading", "help_body")}),
        ("Call to action", {"fields": pair("cta_heading", "cta_body")}),
        REVIEW_FIELDSET,
    )

    class Media:
        js = EDITOR_JS

    def save_model(self, request, obj, form, change):
        """The overview has no drafts: a saved change to the published overview is a published edit."""
        if obj.is_published:
            obj.last_published_at = timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(Procedure)
class ProcedureAdmin(MarkdownWidgets, SpanishAdminMixin, PublishingAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = (
        "title",
        "status",
        "draft_state",
        "reading_grade",
        "spanish",
        "position",
        "reviewed_by",
        "reviewed_on",
        "last_published_at",
    )
    list_editable = ("position",)
    list_filter = ("status", "service_line", "reviewed_on")
    search_fields = (
        *("title_en", "title_es", "summary_en", "summary_es"),
        *("sections__body_en", "sections__body_es", "list_items__text_en", "list_items__text_es"),
    )
    prepopulated_fields = {"slug": ("title",)}
    save_on_top = True
    # English and Spanish side by side: the Spanish is the client's, shown to patients once complete (README).
    fieldsets = (
        (
            None,
            {
                "fields": (
                    *("service_line", *pair("title"), "slug", "status", "position"),
                    *pair("summary", "meta_description"),
                )
            },
        ),
        ("Spanish version", {"fields": ("spanish_state", "spanish_checked")}),
        ("Plain language", {"fields": ("readability",)}),
        ("Key facts", {"fields": pair("duration", "anesthesia", "medication", "imaging_guidance", "recovery_time")}),
        ("Conditions", {"fields": pair("conditions_heading", "conditions_intro", "conditions_outro")}),
        ("Risks and side effects", {"fields": pair("risks_heading", "risks_intro", "risks_lead_in", "risks_outro")}),
        (
            "Optional parts (written by the client; each is hidden on the page while empty)",
            {
                "fields": pair(
                    "other_names", "preparation", "aftercare", "results", "warning_signs_intro", "alternatives"
                )
            },
        ),
        (
            "Comparison with another procedure",
            {"fields": pair("comparison_heading", "comparison_intro", "compared_with")},
        ),
        REVIEW_FIELDSET,
        ("Sections, lists and comparison rows", {"fields": ("parts_history",)}),
    )
    inlines = [
        SectionInline,
        ConditionInline,
        RiskInline,
        WarningSignInline,
        ComparisonRowInline,
        QuestionInline,
        ReferenceInline,
    ]

    change_list_template = "admin/procedures/procedure/change_list.html"

    class Media:
        js = EDITOR_JS

    def get_urls(self):
        health = path("health/", self.admin_site.admin_view(self.health_view), name="procedures_procedure_health")
        text = path("text/", self.admin_site.admin_view(self.text_view), name="procedures_procedure_text")
        return [health, text, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        """One history for the page: its fields, sections, list items and comparison rows, word by word."""
        procedure = self.get_object(request, object_id)
        if procedure is None or not self.has_view_permission(request, procedure):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": procedure,
            "title": f"History of “{procedure.title}”",
            "entries": page_history(procedure),
        }
        return TemplateResponse(request, "admin/procedures/procedure/page_history.html", context)

    def text_view(self, request):
        """POST text: its reading grade, hardest sentences and Markdown preview (sanitised exactly as on the page),
        for the edit form's live figures and preview (admin-editor.js)."""
        if request.method != "POST" or not self.has_view_permission(request):
            raise PermissionDenied
        text = request.POST.get("text", "")[:100_000]
        return JsonResponse(
            {
                "grade": readability.grade(text),
                "target": readability.TARGET_GRADE,
                "hardest": [{"sentence": g.label, "grade": g.grade} for g in readability.hardest_sentences(text)],
                "html": render_markdown(text),
            }
        )

    def health_view(self, request):
        """Per page: reading grade, optional parts still empty, medical review date and whether it is overdue."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Content health",
            "rows": health.content_health(),
            "target": readability.TARGET_GRADE,
            "months": settings.MEDICAL_REVIEW_MONTHS,
        }
        return TemplateResponse(request, "admin/procedures/procedure/health.html", context)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "go_live_at":  # one labelled field: the admin's split date and time inputs have none
            widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
            return forms.DateTimeField(
                label="Publish at",
                required=False,
                widget=widget,
                input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
                help_text=f"{db_field.help_text} In the site's time zone ({timezone.get_current_timezone_name()}).",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        """Pages and their drafts (a draft opens from its page); the list shows pages only."""
        queryset = Procedure.all_objects.select_related("draft")
        match = request.resolver_match
        if match and match.url_name == "procedures_procedure_changelist":
            # The parts, for the grade and the state of the Spanish.
            queryset = queryset.filter(draft_of__isnull=True).prefetch_related(*translation_state.PARTS)
        return queryset

    def get_readonly_fields(self, request, obj=None):
        fields = ["status", "parts_history", "publishing_history", "readability", "spanish_state"]
        if obj is not None and obj.is_draft_copy:
            fields += ["slug", "position"]  # the page's own: publishing a draft changes its words only
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        return (
            {}
            if obj is not None and (obj.is_draft_copy or is_live(obj))
            else super().get_prepopulated_fields(request, obj)
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.is_draft_copy:
            fieldsets.insert(0, ("Publishing", {"fields": ("go_live_at",)}))
        elif obj is not None:
            fieldsets.append(("Publishing history", {"fields": ("publishing_history",)}))
        return fieldsets

    def view_on_site(self, obj: Procedure) -> str:
        if obj.is_draft_copy or not obj.is_published:
            return reverse("admin:procedures_procedure_preview", args=[obj.pk])
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.is_draft_copy:
            publishing.draft_saved(draft=obj, user=request.user)
            messages.info(request, "Saved the draft. The live page is unchanged until you publish the draft.")

    def response_change(self, request, obj):
        """After saving a draft, stay on it: preview, compare and publish are there."""
        if obj.is_draft_copy and "_save" in request.POST:
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    @admin.display(description="Reading grade")
    def reading_grade(self, obj: Procedure) -> str:
        value = readability.grade(readability.page_text(obj))
        if value is None:
            return "—"
        return format_html(
            '<span class="grade{}">{}</span>', " grade-over" if value > readability.TARGET_GRADE else "", value
        )

    @admin.display(description="Reading grade (Flesch-Kincaid)")
    def readability(self, obj: Procedure | None) -> str:
        """The page's grade, each field's, and the hardest sentences; admin-readability.js updates it as you type."""
        target = readability.TARGET_GRADE
        if obj is None or obj.pk is None:
            page_grade, grades, hardest = None, [], []
        else:
            text = readability.page_text(obj)
            page_grade, grades, hardest = (
                readability.grade(text),
                readability.field_grades(obj),
                readability.hardest_sentences(text),
            )
        return format_html(
            '<div class="readability" data-url="{}" data-fields="{}" data-target="{}">'
            '<p>Whole page: <span class="grade" data-grade-of="page">{}</span> (target: grade {} or lower; '
            "NIH asks 6 to 8).</p>"
            "<ul>{}</ul>{}<p>English only: the Flesch-Kincaid grade does not measure Spanish text.</p></div>",
            reverse("admin:procedures_procedure_text"),
            ",".join(f"{name}_en" for name in readability.PROSE_FIELDS),
            target,
            "—" if page_grade is None else page_grade,
            target,
            format_html_join("", "<li>{}: grade {}</li>", ((g.label, g.grade) for g in grades)),
            format_html(
                "<p>Hardest sentences:</p><ol>{}</ol>",
                format_html_join("", "<li>{} (grade {})</li>", ((g.label, g.grade) for g in hardest)),
            )
            if hardest
            else "",
        )

    @admin.display(description="Draft")
    def draft_state(self, obj: Procedure) -> str:
        draft = getattr(obj, "draft", None)
        if draft is None:
            return "—"
        when = (
            f"scheduled for {timezone.localtime(draft.go_live_at):%b %-d, %Y %H:%M}"
            if draft.go_live_at
            else "not published"
        )
        return format_html(
            '<a href="{}">Draft, {}</a>', reverse("admin:procedures_procedure_change", args=[draft.pk]), when
        )

    @admin.display(description="Who saved, scheduled and published")
    def publishing_history(self, obj: Procedure | None) -> str:
        events = obj.publishing_events.select_related("user")[:20] if obj and obj.pk else []
        if not events:
            return "Nothing published from the admin yet."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {} by {}{}</li>",
                (
                    (
                        timezone.localtime(event.at).strftime("%b %-d, %Y %H:%M"),
                        event.get_action_display(),
                        event.user or "the scheduler",
                        f" ({event.note})" if event.note else "",
                    )
                    for event in events
                ),
            ),
        )

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
            "button to see a change: Procedure pages › {}.",
            links,
        )


class ProcedurePartAdmin(SimpleHistoryAdmin):
    """Sections, list items and comparison rows on their own, to look up and see their history. They are
    changed on their page's form (a published page through its draft), never here, where a change would go
    live at once."""

    list_select_related = ("procedure",)
    list_filter = ("procedure",)
    ordering = ("procedure", "position", "pk")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(procedure__draft_of__isnull=True)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Section)
class SectionAdmin(ProcedurePartAdmin):
    list_display = ("heading", "procedure", "position", "anchor")
    search_fields = ("heading_en", "heading_es", "body_en", "body_es", "procedure__title_en")
    fields = ("procedure", "position", *pair("heading"), "anchor", *pair("body"))


@admin.register(ListItem)
class ListItemAdmin(ProcedurePartAdmin):
    list_display = ("text", "procedure", "kind", "position")
    list_filter = ("procedure", "kind")
    search_fields = ("text_en", "text_es", "procedure__title_en")
    fields = ("procedure", "kind", "position", *pair("text"))


@admin.register(ComparisonRow)
class ComparisonRowAdmin(ProcedurePartAdmin):
    list_display = ("aspect", "procedure", "position")
    search_fields = ("aspect_en", "aspect_es", "this_procedure_en", "other_procedure_en", "procedure__title_en")
    fields = ("procedure", "position", *pair("aspect", "this_procedure", "other_procedure"))
