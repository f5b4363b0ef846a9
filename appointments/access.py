"""Who may see which center's appointment requests: the one home of that rule.

Staff work the requests of the centers whose "Staff" list they are on; a user with the permission
"Can see the appointment requests of every center" (or a superuser) sees every center's. Every admin hook,
history view, export, autocomplete and filter asks these, so a new role is one change here.
"""

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from .models import AppointmentRequest, Center  # noqa: F401 (named in strings below: models imports this module)

SEE_ALL_CENTERS = "appointments.view_all_centers"
MANAGE_CENTER_STAFF = "appointments.manage_center_staff"
SEE_INSIGHTS = "core.view_insights"


def user_sees_all_centers(user) -> bool:
    """Whether the user may see the appointment requests of every center."""
    return bool(user.is_active and (user.is_superuser or user.has_perm(SEE_ALL_CENTERS)))


def user_manages_center_staff(user) -> bool:
    """Whether the user decides who works where (the centers' "Staff" lists)."""
    return bool(user.is_active and (user.is_superuser or user.has_perm(MANAGE_CENTER_STAFF)))


def user_sees_insights(user) -> bool:
    """Whether the user sees the whole insights dashboard (practice managers). Center staff see only their own
    centers' response times there (Center.objects.staffed_by); content editors see nothing."""
    return bool(user.is_active and (user.is_superuser or user.has_perm(SEE_INSIGHTS)))


class CenterScopeQuerySet(models.QuerySet["Center"]):
    """Centers, narrowed to those whose requests a user works."""

    def staffed_by(self, user):
        """The centers whose requests the user may see: every center for those who see all."""
        if user_sees_all_centers(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(staff=user)


class RequestScopeQuerySet(models.QuerySet["AppointmentRequest"]):
    """Appointment requests, narrowed to those a user may see."""

    def visible_to(self, user):
        """The requests of the centers the user works (Center.objects.staffed_by), checked on the current row."""
        if user_sees_all_centers(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(center__staff=user)
