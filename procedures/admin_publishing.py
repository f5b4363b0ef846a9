"""The admin's publishing actions on procedure pages: edit in a draft, preview, compare, publish, discard,
unpublish. A published page is read-only in the admin: every change goes through a draft (procedures/publishing.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation

from . import publishing, translation_state
from .compare import compare
from .models import Procedure


def is_live(procedure: Procedure | None) -> bool:
    """A published page (not a draft copy): the admin edits it only through a draft."""
    return procedure is not None and procedure.pk is not None and procedure.is_published and not procedure.draft_of_id


def change_url(procedure: Procedure) -> str:
    return reverse("admin:procedures_procedure_change", args=[procedure.pk])


class LiveReadOnlyInline:
    """Inlines of a published page are read-only: their changes go through the page's draft."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not is_live(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not is_live(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not is_live(obj)


class PublishingAdminMixin:
    """URLs and views of the publishing actions, for ProcedureAdmin."""

    change_form_template = "admin/procedures/procedure/change_form.html"

    def get_urls(self):
        def route(name: str, view):
            return path(f"<int:pk>/{name}/", self.admin_site.admin_view(view), name=f"procedures_procedure_{name}")

        return [
            route("draft", self.draft_view),
            route("preview", self.preview_view),
            route("compare", self.compare_view),
            route("publish", self.publish_view),
            route("discard", self.discard_view),
            route("unpublish", self.unpublish_view),
        ] + super().get_urls()

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not is_live(obj)

    def _procedure(self, request: HttpRequest, pk: int) -> Procedure:
        if not super().has_change_permission(request):
            raise PermissionDenied
        return get_object_or_404(Procedure.all_objects.select_related("draft_of", "service_line"), pk=pk)

    def _draft(self, request: HttpRequest, pk: int) -> Procedure:
        draft = self._procedure(request, pk)
        if not draft.is_draft_copy:
            raise PermissionDenied  # only a draft of a published page can be compared, published or discarded
        return draft

    def _confirm(self, request, procedure, *, title: str, message: str, button: str) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": procedure,
            "title": title,
            "message": message,
            "button": button,
        }
        return TemplateResponse(request, "admin/procedures/procedure/confirm.html", context)

    def draft_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """POST: open the page's draft (started now from the live page if there is none)."""
        page = self._procedure(request, pk)
        if request.method != "POST" or not is_live(page):
            return HttpResponseRedirect(change_url(page))
        draft = publishing.draft_start(procedure=page, user=request.user)
        messages.info(request, "You are editing a draft. The live page stays as it is until you publish the draft.")
        return HttpResponseRedirect(change_url(draft))

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The draft (or an unpublished page) on the real page template, with the draft banner (never cached:
        admin_view marks every admin response no-store). `?language=es`: its Spanish, every Spanish text there is
        (the banner says what the public Spanish page would show instead while some is missing)."""
        procedure = self._procedure(request, pk)
        procedure = (
            Procedure.all_objects.select_related("service_line")
            .prefetch_related("sections", "list_items", "comparison_rows")
            .get(pk=procedure.pk)
        )
        language = translation_state.SPANISH if request.GET.get("language") == "es" else translation_state.ENGLISH
        context = {"procedure": procedure, "preview": True, "content_language": language, "content_fallback": False}
        if language == translation_state.SPANISH:
            context["spanish_missing"] = translation_state.page_state(procedure).missing
        with translation.override(language), translation_state.previewing():
            return render(request, "procedures/procedure_detail.html", context)

    def compare_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        draft = self._draft(request, pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": draft,
            "page": draft.draft_of,
            "title": f"Changes in the draft of “{draft.draft_of.title}”",
            "changes": compare(draft.draft_of, draft),
        }
        return TemplateResponse(request, "admin/procedures/procedure/compare.html", context)

    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        procedure = self._procedure(request, pk)
        if is_live(procedure):
            return HttpResponseRedirect(change_url(procedure))
        if request.method != "POST":
            what = "the draft, replacing the live page" if procedure.is_draft_copy else "this page"
            return self._confirm(
                request,
                procedure,
                title=f"Publish “{procedure.title}”?",
                message=f"Patients will see {what} at once.",
                button="Yes, publish now",
            )
        if procedure.is_draft_copy:
            page = publishing.draft_publish(draft=procedure, user=request.user)
        else:
            page = procedure
            publishing.procedure_publish(procedure=page, user=request.user)
        messages.success(request, f"Published “{page.title}”.")
        return HttpResponseRedirect(change_url(page))

    def discard_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        draft = self._draft(request, pk)
        if request.method != "POST":
            return self._confirm(
                request,
                draft,
                title=f"Discard the draft of “{draft.draft_of.title}”?",
                message="Its changes are lost. The live page stays as it is.",
                button="Yes, discard the draft",
            )
        page = publishing.draft_discard(draft=draft, user=request.user)
        messages.success(request, "Discarded the draft. The live page is unchanged.")
        return HttpResponseRedirect(change_url(page))

    def unpublish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        page = self._procedure(request, pk)
        if not is_live(page):
            return HttpResponseRedirect(change_url(page))
        if request.method != "POST":
            return self._confirm(
                request,
                page,
                title=f"Unpublish “{page.title}”?",
                message=(
                    "The page leaves the public site: its address answers “not found”, it leaves the home page and "
                    "the lists of procedures, and searches for it show every center instead."
                ),
                button="Yes, unpublish",
            )
        publishing.procedure_unpublish(procedure=page, user=request.user)
        messages.warning(request, f"Unpublished “{page.title}”. Use Publish to put it back.")
        return HttpResponseRedirect(change_url(page))
