from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from modeltranslation.admin import TranslationAdmin

from core import slugs
from core.admin_history import HistoryAdmin

from . import (
    editor_preview,
    health,
    notice_admin,  # noqa: F401 (registers the notices and taglines)
    publishing,
    readability,
    rendering,
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
from .admin_publishing import PublishingAdminMixin
from .admin_spanish import SpanishAdminMixin, SpanishCheckForm, spanish_preview
from .models import ComparisonRow, ListItem, Procedure, Revisable, Section, ServiceLine

if TYPE_CHECKING:
    from django.contrib.admin.options import _FieldOpts

REVIEW_FIELDSET: "tuple[str, _FieldOpts]" = ("Medical review", {"fields": ("reviewed_by", "reviewed_on")})


@admin.register(ServiceLine)
class ServiceLineAdmin(MarkdownWidgets, SpanishAdminMixin, PublishingAdminMixin, TranslationAdmin, HistoryAdmin):
    """The overview page: edited through drafts like the procedure pages, English and Spanish side by side."""

    list_display = ("title", "status", "draft_state", "spanish", "reviewed_on", "last_published_at")
    list_filter = ("status",)
    search_fields = ("title_en", "title_es", "intro_en", "intro_es", "help_body_en", "help_body_es")
    fieldsets = (
        (None, {"fields": (*pair("title"), "slug", "status", *pair("meta_description"))}),
        ("Spanish version", {"fields": ("spanish_state", "spanish_checked")}),
        ("Overview", {"fields": pair("intro", "options_intro", "help_heading", "help_body")}),
        ("Call to action", {"fields": pair("cta_heading", "cta_body")}),
        REVIEW_FIELDSET,
    )
    unpublish_message = (
        "The overview leaves the public site: its address answers “not found”. The procedure pages stay."
    )

    class Media:
        js = EDITOR_JS

    def get_fieldsets(self, request, obj=None):
        """A draft of the overview shows no address: the overview's is fixed (/pain-management/)."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.is_draft_copy:
            return fieldsets
        return [(name, {**opts, "fields": [f for f in opts["fields"] if f != "slug"]}) for name, opts in fieldsets]

    def preview(self, request: HttpRequest, page: Revisable) -> HttpResponse:
        """The draft on the overview's template, listing the procedures the live overview lists."""
        live = page.draft_of or page
        procedures = Procedure.objects.published().filter(service_line_id=live.pk)
        context = {"service_line": page, "procedures": procedures}
        return spanish_preview(request, "procedures/overview.html", page, context)


class ProcedureForm(SpanishCheckForm):
    """A draft's web address: required, and no other page's (checked again when the draft is published)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "new_slug" in self.fields:
            self.fields["new_slug"].required = True

    def clean_new_slug(self) -> str:
        slug = self.cleaned_data["new_slug"]
        page = self.instance.draft_of
        if slugs.is_draft_slug(slug) or (page is not None and publishing.address_taken(slug, page=page)):
            raise forms.ValidationError("Another page already has this web address: choose another one.")
        return slug


class ProcedureListForm(forms.ModelForm):
    """A row of the procedure list: its "Order" box names its page (Django's list inputs have no label)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "position" in self.fields:
            self.fields["position"].widget.attrs["aria-label"] = f"Order of {self.instance}"


@admin.register(Procedure)
class ProcedureAdmin(MarkdownWidgets, SpanishAdminMixin, PublishingAdminMixin, TranslationAdmin, HistoryAdmin):
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
    save_on_top = True
    # English and Spanish side by side: the Spanish is the client's, shown to patients once complete (README).
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "service_line",
                    *pair("title"),
                    *("slug", "status", "position"),
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
    inlines = (
        SectionInline,
        ConditionInline,
        RiskInline,
        WarningSignInline,
        ComparisonRowInline,
        QuestionInline,
        ReferenceInline,
    )

    form = ProcedureForm
    change_list_template = "admin/procedures/procedure/change_list.html"

    class Media:
        js = EDITOR_JS

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, **{"form": ProcedureListForm, **kwargs})

    def get_urls(self):
        health = path("health/", self.admin_site.admin_view(self.health_view), name="procedures_procedure_health")
        text = path("text/", self.admin_site.admin_view(self.text_view), name="procedures_procedure_text")
        return [health, text, *super().get_urls()]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match and match.url_name == "procedures_procedure_changelist":
            queryset = queryset.prefetch_related(*translation_state.PARTS)  # for the grade and the Spanish's state
        return queryset

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "parts_history", "readability", "old_addresses"]
        if obj is not None and obj.is_draft_copy:
            fields.append("position")  # the page's own: publishing a draft changes its words and address only
        return fields

    def get_fieldsets(self, request, obj=None):
        """A draft's web address is the one publishing gives the page (`new_slug`); a page's is its own, with the
        addresses it had before."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        if not obj.is_draft_copy:
            return [*fieldsets, ("Old web addresses", {"fields": ("old_addresses",)})]
        swap = {"slug": "new_slug"}
        return [
            (name, {**options, "fields": [swap.get(field, field) for field in options["fields"]]})
            for name, options in fieldsets
        ]

    def save_model(self, request, obj, form, change):
        """A page that is not live may change its address directly; the old one then leads to it."""
        old_slug = form.initial.get("slug") if change and not obj.is_draft_copy else None
        super().save_model(request, obj, form, change)
        if old_slug and obj.slug != old_slug:
            publishing.page_moved(page=obj, old_slug=old_slug)

    def preview(self, request: HttpRequest, page: Revisable) -> HttpResponse:
        procedure = (
            Procedure.all_objects.select_related("service_line")
            .prefetch_related("sections", "list_items", "comparison_rows")
            .get(pk=page.pk)
        )
        return spanish_preview(
            request,
            "procedures/procedure_detail.html",
            procedure,
            {"procedure": procedure},
            lambda language_context: rendering.render_page(
                procedure, path=request.path, language_context=language_context
            ),
        )

    def text_view(self, request):
        """POST text: its preview, reading grade and hardest sentences, or (part=page) the whole page's grade, for
        the edit form's live figures and preview (admin-editor.js; procedures/editor_preview.py)."""
        if request.method != "POST" or not self.has_view_permission(request):
            raise PermissionDenied
        text = request.POST.get("text", "")
        if request.POST.get("part") == "page":
            return JsonResponse(editor_preview.page_grade(text))
        limit = editor_preview.requested_limit(request.POST.get("max_length"))
        status, answer = editor_preview.field_preview(text, limit)
        return JsonResponse(answer, status=status)

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
        text = "" if obj is None or obj.pk is None else readability.page_text(obj)
        plain = readability.plain_text(text)  # rendered once for the page's grade and its hardest sentences
        page_grade, hardest = readability.grade_of_plain(plain), readability.hardest_of_plain(plain)
        grades = readability.field_grades(obj) if text else []
        return format_html(
            '<div class="readability" data-url="{}" data-fields="{}" data-target="{}">'
            '<p>Whole page: <span class="grade" data-grade-of="page">{}</span> (target: grade {} or lower; '
            "NIH asks 6 to 8).</p>"
            "<ul>{}</ul>{}<p>English only: the Flesch-Kincaid grade does not measure Spanish text.</p></div>",
            reverse("admin:procedures_procedure_text"),
            ",".join(f"{name}_en" for name in readability.PROSE_FIELDS),
            target,
            "—" if page_grade is None else f"{page_grade}{readability.partial_note(text)}",
            target,
            format_html_join("", "<li>{}: grade {}</li>", ((g.label, g.grade) for g in grades)),
            format_html(
                "<p>Hardest sentences:</p><ol>{}</ol>",
                format_html_join("", "<li>{} (grade {})</li>", ((g.label, g.grade) for g in hardest)),
            )
            if hardest
            else "",
        )

    @admin.display(description="Lead here")
    def old_addresses(self, obj: Procedure) -> str:
        """The addresses the page had before it moved: each answers a permanent redirect to it."""
        addresses = obj.previous_addresses.order_by("-moved_at") if obj.pk else []
        if not addresses:
            return "None: the page has never moved."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{} (until {})</li>",
                (
                    (f"/pain-management/{a.slug}/", timezone.localtime(a.moved_at).strftime("%b %-d, %Y"))
                    for a in addresses
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


class ProcedurePartAdmin(HistoryAdmin):
    """Sections, list items and comparison rows on their own, to look up and see their history. They are
    changed on their page's form (a published page through its draft), never here, where a change would go
    live at once."""

    list_select_related = ("procedure",)
    list_filter: tuple[str, ...] = ("procedure",)
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
