"""Validation shared by the admin, the import and the public form (model validation)."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy

# Cc: C0/C1 controls (NUL, tab, line feed, carriage return, DEL...); Zl/Zp: Unicode line and paragraph
# separators. A center name with a line break makes every email about it fail (a header may not break).
_REFUSED_CATEGORIES = {"Cc", "Zl", "Zp"}


@deconstructible
class NoControlCharacters:
    """Refuses line breaks, tabs, NUL and other control characters in a one-line value."""

    message = gettext_lazy("Remove line breaks, tabs and other control characters.")
    code = "control_characters"

    def __call__(self, value) -> None:
        if any(unicodedata.category(char) in _REFUSED_CATEGORIES for char in str(value)):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, NoControlCharacters)


no_control_characters = NoControlCharacters()
