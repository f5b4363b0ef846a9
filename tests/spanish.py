"""Test helpers for the Spanish version of the content. The Spanish here is obviously fake test text: the real
Spanish medical text comes only from the client."""

from django.utils import translation

from procedures import translation_state
from procedures.models import Procedure
from procedures.translation_state import ENGLISH, translated_fields

ADMIN = "/admin/procedures/procedure"
FAKE = "Texto de prueba"
SPANISH_TITLE = "Título de prueba"


def fake_spanish(obj, name: str) -> str:
    return SPANISH_TITLE if name == "title" else f"{FAKE} ({obj._meta.model_name} {obj.pk} {name})"


def parts(page) -> list:
    return [part for name in translation_state.PARTS for part in getattr(page, name).all()]


def give_spanish(page: Procedure, *, leave_out: str = "") -> Procedure:
    """Fill every Spanish field whose English has text (on the page and its parts) with fake Spanish, saved;
    `leave_out`: one part's field left without Spanish, e.g. "section:body"."""
    for obj in [page, *parts(page)]:
        for name in translated_fields(type(obj)):
            if f"{obj._meta.model_name}:{name}" == leave_out:
                continue
            if (getattr(obj, f"{name}_{ENGLISH}") or "").strip():
                setattr(obj, f"{name}_es", fake_spanish(obj, name))
        obj.save()
    translation_state.refresh(page)
    return page


def get_in(client, language: str, url: str):
    """The page as a visitor reading `language` gets it: Spanish lives under /es/. (The test's language is put
    back afterwards: a Spanish request leaves Spanish active in the thread.)"""
    with translation.override(language):
        return client.get(f"/es{url}" if language == "es" else url)
