"""The admin's history, read-only: a past version is shown to read, never saved back.

simple-history's version view (`<id>/history/<version>/`) is a change form whose only button is "Revert", and it
saves whatever is posted to it, past every other rule of the admin: a published page would change without a draft
or a publishing event, a request's status without its service. Here it shows every field as text, offers no
button, and refuses a POST. A change is made where it is always made (a page's draft, the request's own form), so
it goes through the same permissions and leaves the same record.
"""

from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin


def _is_id(model_admin: SimpleHistoryAdmin, value: str) -> bool:
    try:
        model_admin.model._meta.pk.to_python(unquote(value))
    except (ValidationError, ValueError):
        return False
    return True


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose versions are shown to read: every field as text, no "Revert", no save."""

    object_history_form_template = "admin/history_version.html"

    def history_view(self, request: HttpRequest, object_id: str, extra_context=None) -> HttpResponse:
        if not _is_id(self, object_id):
            raise Http404("No such record.")
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context=None
    ) -> HttpResponse:
        """simple-history's view of a version, without its form: the same page, every field read-only."""
        if not (_is_id(self, object_id) and version_id.isascii() and version_id.isdigit()):
            raise Http404("No such version.")
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied  # a version is never saved back: change the record itself
        opts = self.model._meta
        version = get_object_or_404(self.model.history.model, **{opts.pk.attname: object_id, "history_id": version_id})
        obj = version.instance
        obj._state.adding = False
        if not self.has_view_history_or_change_history_permission(request, obj):
            raise PermissionDenied
        fieldsets = self.get_fieldsets(request, obj)
        form = self.get_form(request, obj, fields=())(instance=obj)
        readonly = [*self.get_readonly_fields(request, obj), *flatten_fieldsets(fieldsets)]
        admin_form = helpers.AdminForm(form, fieldsets, {}, readonly, model_admin=self)
        urls = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
        context = {
            **self.admin_site.each_context(request),
            "title": f"{capfirst(opts.verbose_name)} as it was on "
            f"{timezone.localtime(version.history_date):%b %-d, %Y %H:%M}",
            "adminform": admin_form,
            "object_id": object_id,
            "original": obj,
            "is_popup": False,
            "media": self.media + admin_form.media,
            "errors": helpers.AdminErrorList(form, []),
            "app_label": opts.app_label,
            "original_opts": opts,
            "changelist_url": reverse(f"{urls}_changelist"),
            "change_url": reverse(f"{urls}_change", args=(obj.pk,)),
            "history_url": reverse(f"{urls}_history", args=(obj.pk,)),
            "revert_disabled": True,
            "add": False,
            "change": True,
            "has_view_permission": True,
            "has_add_permission": False,
            "has_change_permission": False,
            "has_delete_permission": False,
            "has_editable_inline_admin_formsets": False,
            "has_file_field": False,
            "has_absolute_url": False,
            "form_url": "",
            "opts": version._meta,
            "content_type_id": self.content_type_model_cls.objects.get_for_model(self.model).id,
            "save_as": False,
            "save_on_top": False,
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_form_template, context)

    def revert_disabled(self, request: HttpRequest, obj=None) -> bool:
        return True
