"""A select whose options say their language where it is not the page's: on a Spanish page, a procedure named in the
client's English (no Spanish yet) or a language with no Spanish name gets lang="en" on its option, so a screen
reader reads it as English and the page never passes English off as Spanish."""

from collections.abc import Callable
from typing import Any

from django import forms


class LanguageMarkedSelect(forms.Select):
    """`option_languages`: {option value: language} for plain choices; `language_of(instance)`: the language of a
    model choice's object ("" for the page's own)."""

    def __init__(
        self,
        attrs: dict[str, Any] | None = None,
        choices: Any = (),
        option_languages: dict[str, str] | None = None,
        language_of: Callable[[Any], str] | None = None,
    ) -> None:
        super().__init__(attrs, choices)
        self.option_languages = option_languages or {}
        self.language_of = language_of

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None) -> dict[str, Any]:
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        language = self.option_languages.get(str(value), "")
        if not language and instance is not None and self.language_of is not None:
            language = self.language_of(instance)
        if language:
            option["attrs"]["lang"] = language
        return option
