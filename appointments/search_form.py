"""What the locator's form and the directory's share: how far to look, which procedure, and a link's procedure
read once (procedures/addresses.py), in one base form."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from procedures.addresses import linked_procedure
from procedures.models import Procedure

from . import selectors

RADIUS_CHOICES = [
    ("10", gettext_lazy("10 miles")),
    ("25", gettext_lazy("25 miles")),
    ("50", gettext_lazy("50 miles")),
    ("100", gettext_lazy("100 miles")),
    ("any", gettext_lazy("Any distance")),
]
DEFAULT_RADIUS = "50"


def optional_choice(
    label: StrOrPromise, queryset: QuerySet[Any], key: str, empty_label: StrOrPromise, **options: Any
) -> forms.ModelChoiceField[Any]:
    """A select of rows named by `key` (a slug, a name) in the query string or a form, or none of them
    (`empty_label`); `options` as ModelChoiceField takes them (a widget)."""
    return forms.ModelChoiceField(
        label=label, queryset=queryset, to_field_name=key, required=False, empty_label=empty_label, **options
    )


class SearchForm(forms.Form):
    """A search read from the query string: its distance (miles; None: any) and its procedure."""

    radius = forms.ChoiceField(
        label=gettext_lazy("Distance"), choices=RADIUS_CHOICES, required=False, initial=DEFAULT_RADIUS
    )
    procedure = optional_choice(
        gettext_lazy("Procedure"), Procedure.objects.published(), "slug", gettext_lazy("Any procedure")
    )

    def __init__(
        self, data: QueryDict | dict[str, Any] | None = None, *, with_procedures: bool = True, **kwargs: Any
    ) -> None:
        # A link may name a procedure we do not list (search every procedure and say so, never a 400) or one that
        # moved to another address (search it there).
        procedure = data.get("procedure") if data is not None else None
        linked = linked_procedure(procedure) if procedure else None
        self.procedure_not_listed = bool(linked and linked.not_listed)
        if data is not None and linked and linked.slug != procedure:
            data = data.copy()
            data["procedure"] = linked.slug
        super().__init__(data, **kwargs)
        if not with_procedures:  # a page that draws only the place, without the database (appointments/unavailable.py)
            return
        # Drawn from the cached list; a chosen slug is still checked against the published pages.
        procedures = self.fields["procedure"]
        assert isinstance(procedures, forms.ModelChoiceField)
        selectors.offer_choices(procedures, selectors.procedure_choices())

    def clean_radius(self) -> float | None:
        radius = self.cleaned_data.get("radius") or DEFAULT_RADIUS
        return None if radius == "any" else float(radius)
