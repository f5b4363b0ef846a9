"""Which content has a Spanish version (django-modeltranslation): each field named here gets `<name>_en` and
`<name>_es` columns; `<name>` itself then reads the active language's (falling back to the English).

The history is registered here, after the translation fields exist, as django-simple-history asks for models
translated by modeltranslation: a history registered on the model class would be built before the Spanish fields
are added and would not keep them. Seed data and demo data carry no Spanish: the Spanish is the client's.
"""

import simple_history
from django.db.models import Field
from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import get_language

from . import translation_state
from .models import ComparisonRow, ListItem, Procedure, Section, ServiceLine
from .notices import Notice

# English keeps each field's own "required"; every Spanish field may stay empty until the client supplies it.
REQUIRED = ("en",)
# Bookkeeping kept out of the history (procedures/translation_state.py).
NOT_IN_HISTORY = ["translation_sources", "spanish_complete", "spanish_outdated"]


@register(ServiceLine)
class ServiceLineTranslation(TranslationOptions):
    fields = (
        "title",
        "meta_description",
        "intro",
        "options_intro",
        "help_heading",
        "help_body",
        "cta_heading",
        "cta_body",
    )
    required_languages = REQUIRED


@register(Procedure)
class ProcedureTranslation(TranslationOptions):
    fields = (
        "title",
        "meta_description",
        "summary",
        "other_names",
        "duration",
        "anesthesia",
        "medication",
        "imaging_guidance",
        "recovery_time",
        "preparation",
        "aftercare",
        "results",
        "warning_signs_intro",
        "alternatives",
        "conditions_heading",
        "conditions_intro",
        "conditions_outro",
        "risks_heading",
        "risks_intro",
        "risks_lead_in",
        "risks_outro",
        "comparison_heading",
        "comparison_intro",
        "compared_with",
    )
    required_languages = REQUIRED


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("heading", "body")
    required_languages = REQUIRED


@register(ListItem)
class ListItemTranslation(TranslationOptions):
    fields = ("text", "detail")
    required_languages = REQUIRED


@register(ComparisonRow)
class ComparisonRowTranslation(TranslationOptions):
    fields = ("aspect", "this_procedure", "other_procedure")
    required_languages = REQUIRED


@register(Notice)
class NoticeTranslation(TranslationOptions):
    """A notice's wording in each language: the client's translators supply the Spanish; until all of it is there,
    the Spanish page shows the English, marked as such (procedures/translation_state.py)."""

    fields = ("title", "meta_description", "body", "language_assistance")
    required_languages = REQUIRED


# A Spanish field starts empty: the English default ("Conditions it treats") would count as Spanish text. (The
# migration adding the column still names the English default, as modeltranslation writes it; it then empties the
# column: procedures/migrations/0007_content_in_spanish.py.)
_spanish_heading = Procedure._meta.get_field("conditions_heading_es")
assert isinstance(_spanish_heading, Field)  # a column modeltranslation added above
_spanish_heading.default = ""
_spanish_heading.__dict__.pop("_get_default", None)  # copied from the English field, maybe already computed


class WholePageDescriptor(TranslationFieldDescriptor):
    """`procedure.title` and the like: in Spanish, the Spanish text only where the whole page is shown in Spanish
    (procedures/translation_state.py), else the English. So a page, a card, a locator option or an email never
    mixes the client's Spanish with English, wherever a template reads a translated field."""

    def __get__(self, instance, owner):
        if instance is not None:
            language = get_language()
            if language != translation_state.ENGLISH and not translation_state.shown_in(instance, language):
                english = getattr(instance, f"{self.field.name}_{translation_state.ENGLISH}", None)
                return english if english not in (None, "") else self.field.get_default()
        return super().__get__(instance, owner)


for _model in (ServiceLine, Procedure, Section, ListItem, ComparisonRow, Notice):
    for _name in translation_state.translated_fields(_model):
        _model.__dict__[_name].__class__ = WholePageDescriptor


def _history(model, name: str, plural: str) -> None:
    # Only the fields the model has: simple-history looks each one up when it shows a version, and a name the model
    # lacks made the version of a section, list item, row or the overview answer 500.
    own = {field.name for field in model._meta.get_fields()}
    excluded = [name for name in NOT_IN_HISTORY if name in own]
    simple_history.register(model, excluded_fields=excluded, verbose_name=name, verbose_name_plural=plural)


_history(ServiceLine, "version of the overview", "versions of the overview")
_history(Procedure, "version of a procedure page", "versions of procedure pages")
_history(Section, "version of a section", "versions of sections")
_history(ListItem, "version of a list item", "versions of list items")
_history(ComparisonRow, "version of a comparison row", "versions of comparison rows")
_history(Notice, "historical notice", "historical notices")
