"""The English each Spanish text was written against, recorded per field in `translation_sources` by every save of
content with English and Spanish columns (Translatable), so that an English change after it flags the Spanish as
out of date (procedures/translation_state.py reads the record: complete, out of date, which language a page shows).

Below the content models: they inherit Translatable and save through `stamp`, and this module imports none of them.
"""

import functools
import hashlib
from typing import Any

from django.db import models
from modeltranslation.translator import translator

ENGLISH, SPANISH = "en", "es"
LANGUAGES = (ENGLISH, SPANISH)


def localized(*names: str) -> list[str]:
    """Each name's column in each language, English first: localized("heading") == ["heading_en", "heading_es"]."""
    return [f"{name}_{language}" for name in names for language in LANGUAGES]


@functools.cache
def translated_fields(model: type[models.Model]) -> list[str]:
    """The names of the model's translated fields, in the model's (and the edit form's) order."""
    names = translator.get_options_for_model(model).all_fields  # by name: each TranslationOptions' `fields`
    return [f.name for f in model._meta.fields if f.name in names and not hasattr(f, "translated_field")]


def text(obj: models.Model, name: str, language: str) -> str:
    return getattr(obj, f"{name}_{language}", None) or ""


def words(value: str) -> str:
    """The text as compared: runs of white space are one space."""
    return " ".join(value.split())


def digest(value: str) -> str:
    return hashlib.sha256(words(value).encode()).hexdigest()[:16]


class Translatable(models.Model):
    """Content with English and Spanish fields (procedures/translation.py registers which). `translation_sources`
    records, per field, the English each Spanish text was written against, so that an English change after it
    flags the Spanish as out of date. Kept out of the history: it is bookkeeping, and it holds the English words
    the history already has."""

    translation_sources = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if stamp(self) and kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "translation_sources"}
        super().save(*args, **kwargs)


def stamp(obj: Translatable) -> bool:
    """Record, for each Spanish text new or changed since the last save, the English it was written against.
    Called by every save (Translatable.save). Returns whether anything was recorded."""
    sources = dict(obj.translation_sources or {})
    for name in translated_fields(type(obj)):
        spanish = text(obj, name, SPANISH)
        if not spanish.strip():
            sources.pop(name, None)
        elif sources.get(name, {}).get("es") != digest(spanish):
            sources[name] = {"en": words(text(obj, name, ENGLISH)), "es": digest(spanish)}
    changed = sources != (obj.translation_sources or {})
    obj.translation_sources = sources
    return changed


def mark_current(obj: Translatable) -> None:
    """An editor checked the Spanish against the English as it is now: no field is out of date any more."""
    obj.translation_sources = {
        name: {"en": words(text(obj, name, ENGLISH)), "es": digest(text(obj, name, SPANISH))}
        for name in translated_fields(type(obj))
        if text(obj, name, SPANISH).strip()
    }
