"""The admin's publishing actions on the pages with drafts (procedure pages and the overview): edit in a draft,
preview, compare, publish, discard, unpublish. A published page is read-only in the admin: every change goes
through a draft (procedures/publishing.py).
"""

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from . import publishing
from .compare import compare
from .models import PublishingEvent, Revisable
from .page_history import page_history, who

# What the mixins here are mixed into, for mypy: their methods call the admin's own (super(), self.model, …).
if TYPE_CHECKING:
    PageAdminBase = admin.ModelAdmin[Revisable]
    InlineAdminBase = admin.options.InlineModelAdmin[Any, Any]
else:
    PageAdminBase = InlineAdminBase = object

# A "Publish at" time this far in the past is a slip (the wrong day or year), not "now": refused rather than
# published at once without the "Publish now" confirmation. The current minute, typed by hand, is a little past.
# Years away is a slip too (and in the year 9999 it cannot be stored in UTC).
PUBLISH_AT_GRACE = dt.timedelta(minutes=5)
PUBLISH_AT_YEARS = 5
Action = PublishingEvent.Action


def publish_time_not_passed(value: dt.datetime | None) -> None:
    if value is None:
        return
    now = timezone.now()
    if value < now - PUBLISH_AT_GRACE:
        raise ValidationError("This time has passed. Choose a later one, or leave it empty and use “Publish now”.")
    if value > now + dt.timedelta(days=366 * PUBLISH_AT_YEARS):
        raise ValidationError(f"This time is more than {PUBLISH_AT_YEARS} years away: check the year.")


def is_live(page: Revisable | None) -> bool:
    """A published page (not a draft copy): the admin edits it only through a draft."""
    return page is not None and page.pk is not None and page.is_published and not page.draft_of_id


def admin_url(page: Revisable, name: str) -> str:
    return reverse(f"admin:{page._meta.app_label}_{page._meta.model_name}_{name}", args=[page.pk])


def change_url(page: Revisable) -> str:
    return admin_url(page, "change")


class LiveReadOnlyInline(InlineAdminBase):
    """Inlines of a published page are read-only: their changes go through the page's draft."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not is_live(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not is_live(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not is_live(obj)


class PublishingAdminMixin(PageAdminBase):
    """URLs and views of the publishing actions, for the admin of a Revisable model. `preview` renders a draft
    (or an unpublished page) on the real page template."""

    change_form_template = "admin/procedures/publishing_change_form.html"

    unpublish_message = "The page leaves the public site: its address answers “not found”."

    def preview(self, request: HttpRequest, page: Revisable) -> HttpResponse:
        raise NotImplementedError

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"

        def route(name: str, view):
            return path(f"<int:pk>/{name}/", self.admin_site.admin_view(view), name=f"{prefix}_{name}")

        return [
            route("draft", self.draft_view),
            route("preview", self.preview_view),
            route("compare", self.compare_view),
            route("publish", self.publish_view),
            route("discard", self.discard_view),
            route("unpublish", self.unpublish_view),
            *super().get_urls(),
        ]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not is_live(obj)

    # --- The edit form of a page or a draft -----------------------------------------------------------------

    def get_queryset(self, request):
        """Pages and their drafts (a draft opens from its page); the list shows pages only."""
        # "draft" is the reverse of draft_of on each concrete page; django-stubs looks lookups up on abstract Revisable.
        queryset = self.model.all_objects.select_related("draft")  # type: ignore[misc]
        match = request.resolver_match
        if match and match.url_name == f"{self.opts.app_label}_{self.opts.model_name}_changelist":
            queryset = queryset.filter(draft_of__isnull=True)
        return queryset

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "status", "publishing_history"]
        if obj is not None and obj.is_draft_copy:
            fields.append("slug")  # a placeholder: a procedure's draft carries the page's new address apart
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        # The address follows the title on a new page only. (Not as the class attribute: simple-history's version
        # view reads that one, and a draft's form has no address field to fill.)
        # The English title: the bare `title` is no form field once translated (procedures/translation.py).
        return {"slug": ("title_en",)} if obj is None else {}

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.is_draft_copy:
            fieldsets.insert(0, ("Publishing", {"fields": ("go_live_at",)}))
        elif obj is not None:
            fieldsets.append(("Publishing history", {"fields": ("publishing_history",)}))
        return fieldsets

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "go_live_at":  # one labelled field: the admin's split date and time inputs have none
            widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
            return forms.DateTimeField(
                label="Publish at",
                required=False,
                widget=widget,
                input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
                validators=[publish_time_not_passed],
                help_text=f"{db_field.help_text} In the site's time zone ({timezone.get_current_timezone_name()}).",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def view_on_site(self, obj: Revisable) -> str:
        if obj.is_draft_copy or not obj.is_published:
            return admin_url(obj, "preview")
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.is_draft_copy:
            publishing.draft_saved(draft=obj, user=request.user)
            if obj.go_live_at and obj.go_live_at <= timezone.now():  # a minute or so past: due now
                messages.info(request, "Saved the draft. Its time has come: it will be published in a moment.")
            elif obj.go_live_at:
                when = f"{timezone.localtime(obj.go_live_at):%b %-d, %Y %H:%M %Z}"
                messages.info(
                    request, f"Saved the draft. It will be published on {when}; the live page is unchanged until then."
                )
            else:
                messages.info(request, "Saved the draft. The live page is unchanged until you publish the draft.")

    def response_change(self, request, obj):
        """After saving a draft, stay on it: preview, compare and publish are there. save_model said what the save
        did; Django's own "was changed successfully" would be a second message saying less."""
        if obj.is_draft_copy and ("_save" in request.POST or "_continue" in request.POST):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        """A live page leaves the site through Unpublish, a draft through Discard (both recorded in its publishing
        history); only a page that is not public may be deleted, by those who may delete."""
        live_or_draft = obj is not None and (is_live(obj) or obj.is_draft_copy)
        return super().has_delete_permission(request, obj) and not live_or_draft

    @admin.display(description="Draft")
    def draft_state(self, obj: Revisable) -> str:
        draft = getattr(obj, "draft", None)
        if draft is None:
            return "—"
        when = (
            f"scheduled for {timezone.localtime(draft.go_live_at):%b %-d, %Y %H:%M}"
            if draft.go_live_at
            else "not published"
        )
        return format_html('<a href="{}">Draft, {}</a>', change_url(draft), when)

    @admin.display(description="Who saved, scheduled and published")
    def publishing_history(self, obj: Revisable | None) -> str:
        events = list(obj.publishing_events.select_related("user")[:20]) if obj and obj.pk else []
        if not events:
            return "Nothing published from the admin yet."
        schedules = sorted((e for e in events if e.action == Action.SCHEDULED), key=lambda event: event.at)
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {} by {}{}</li>",
                (
                    (
                        timezone.localtime(event.at).strftime("%b %-d, %Y %H:%M"),
                        event.get_action_display(),
                        who(event.user, event.at, schedules, start=False),
                        f" ({event.note})" if event.note else "",
                    )
                    for event in events
                ),
            ),
        )

    def history_view(self, request, object_id, extra_context=None):
        """One history for the page (a procedure's: its fields, sections, list items and comparison rows), word by
        word, with who and when."""
        page = self.get_object(request, object_id)
        if page is None or not self.has_view_permission(request, page):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": page,
            "title": f"History of “{page.title}”",
            "entries": page_history(page),
            "has_parts": bool(publishing.parts_of(self.model)),
        }
        return TemplateResponse(request, "admin/procedures/page_history.html", context)

    # --- The publishing actions -----------------------------------------------------------------------------

    def _page(self, request: HttpRequest, pk: int) -> Revisable:
        """The page or draft `pk`."""
        if not super().has_change_permission(request):
            raise PermissionDenied
        return get_object_or_404(self.model.all_objects.select_related("draft_of"), pk=pk)

    def _draft(self, request: HttpRequest, pk: int) -> Revisable:
        draft = self._page(request, pk)
        if not draft.is_draft_copy:
            raise PermissionDenied  # only a draft of a published page can be compared, published or discarded
        return draft

    def _confirm(self, request, item, *, title: str, message: str, button: str) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": item,
            "title": title,
            "message": message,
            "button": button,
        }
        return TemplateResponse(request, "admin/procedures/confirm.html", context)

    def draft_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """POST: open the page's draft (started now from the live page if there is none)."""
        page = self._page(request, pk)
        if request.method != "POST" or not is_live(page):
            return HttpResponseRedirect(change_url(page))
        draft = publishing.draft_start(page=page, user=request.user)
        messages.info(request, "You are editing a draft. The live page stays as it is until you publish the draft.")
        return HttpResponseRedirect(change_url(draft))

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The draft (or an unpublished page) on the real page template, with the draft banner (never cached:
        admin_view marks every admin response no-store). `?language=es`: its Spanish (procedures/admin_spanish.py)."""
        return self.preview(request, self._page(request, pk))

    def compare_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        draft = self._draft(request, pk)
        page = publishing.live_page(draft)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": draft,
            "page": page,
            "title": f"Changes in the draft of “{page.title}”",
            "changes": compare(page, draft),
        }
        return TemplateResponse(request, "admin/procedures/compare.html", context)

    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = self._page(request, pk)
        if is_live(item):
            return HttpResponseRedirect(change_url(item))
        if request.method != "POST":
            what = "the draft, replacing the live page" if item.is_draft_copy else "this page"
            return self._confirm(
                request,
                item,
                title=f"Publish “{item.title}”?",
                message=f"Patients will see {what} at once.",
                button="Yes, publish now",
            )
        if item.is_draft_copy:
            try:
                page = publishing.draft_publish(draft=item, user=request.user)
            except ValidationError as problem:
                messages.error(request, " ".join(problem.messages))
                return HttpResponseRedirect(change_url(item))
        else:
            page = item
            publishing.page_publish(page=page, user=request.user)
        messages.success(request, f"Published “{page.title}”.")
        return HttpResponseRedirect(change_url(page))

    def discard_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        draft = self._draft(request, pk)
        if request.method != "POST":
            return self._confirm(
                request,
                draft,
                title=f"Discard the draft of “{publishing.live_page(draft).title}”?",
                message="Its changes are lost. The live page stays as it is.",
                button="Yes, discard the draft",
            )
        page = publishing.draft_discard(draft=draft, user=request.user)
        messages.success(request, "Discarded the draft. The live page is unchanged.")
        return HttpResponseRedirect(change_url(page))

    def unpublish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        page = self._page(request, pk)
        if not is_live(page):
            return HttpResponseRedirect(change_url(page))
        if request.method != "POST":
            return self._confirm(
                request,
                page,
                title=f"Unpublish “{page.title}”?",
                message=self.unpublish_message,
                button="Yes, unpublish",
            )
        publishing.page_unpublish(page=page, user=request.user)
        messages.warning(request, f"Unpublished “{page.title}”. Use Publish to put it back.")
        return HttpResponseRedirect(change_url(page))
