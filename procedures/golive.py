"""The content's part of the go-live checklist (core/golive.py): every fact a notice still asks for, every notice
counsel has not approved, the taglines the states served still need, procedure pages never medically reviewed,
and every page or notice whose Spanish is not complete (its Spanish page shows the English)."""

from django.urls import reverse

from core.golive import Item
from core.states import US_STATES

from . import translation_state
from .models import Procedure, ServiceLine
from .notices import TAGLINES_REQUIRED, Notice, Tagline


def notice_items() -> list[Item]:
    items = []
    for notice in Notice.objects.all():
        url = reverse("admin:procedures_notice_change", args=[notice.pk])
        name = notice.title
        items += [Item("Notices", f"{name}: {placeholder}", url) for placeholder in notice.placeholders]
        if not notice.is_approved:
            items.append(Item("Notices", f"{name}: not yet approved by the client's counsel.", url))
        if notice.kind == Notice.Kind.NONDISCRIMINATION:
            items += tagline_items(notice, url)
    return items


def tagline_items(notice: Notice, url: str) -> list[Item]:
    """The rule asks for taglines in the 15 languages most spoken by people with limited English in each state
    served (45 CFR 92.11): which 15 differs by state, so each state served is an item while fewer are shown."""
    if not notice.states_served:
        return [Item("Notices", "Nondiscrimination notice: no state served is chosen (it decides the taglines).", url)]
    shown = Tagline.objects.shown().count()
    if shown >= TAGLINES_REQUIRED:
        return []
    names = dict(US_STATES)
    return [
        Item(
            "Notices",
            f"Taglines for {names.get(code, code)}: {shown} language(s) have one; the rule asks for the "
            f"{TAGLINES_REQUIRED} most spoken by people with limited English there.",
            reverse("admin:procedures_tagline_changelist"),
        )
        for code in notice.states_served
    ]


def review_items() -> list[Item]:
    return [
        Item(
            "Procedure pages",
            f"{procedure.title}: never medically reviewed (no reviewer or date).",
            reverse("admin:procedures_procedure_change", args=[procedure.pk]),
        )
        for procedure in Procedure.objects.published()
        if not (procedure.reviewed_by and procedure.reviewed_on)
    ]


def spanish_items() -> list[Item]:
    """Every public page and notice whose Spanish page still shows the English."""
    pages = [
        *ServiceLine.objects.published(),
        *Procedure.objects.published().filter(spanish_complete=False),
        *Notice.objects.all(),
    ]
    items = []
    for page in pages:
        if translation_state.shows_spanish(page):
            continue
        admin_name = f"admin:procedures_{page._meta.model_name}_change"
        missing = len(translation_state.page_state(page).missing)
        items.append(
            Item(
                "Spanish",
                f"{page.title}: {missing} text(s) without Spanish; its Spanish page shows the English.",
                reverse(admin_name, args=[page.pk]),
            )
        )
    return items


def open_items() -> list[Item]:
    return [*notice_items(), *review_items(), *spanish_items()]
