"""Static files as whitenoise serves them (hashed names, brotli and gzip copies), each file's address worked out
once per process: the manifest does not change while a process runs, and every page asks for the same few
(the stylesheet, the icon, a script or the map), about 45 µs each through the manifest storage."""

from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class RememberedUrlsMixin:
    """`url(name)` remembered per name; a name missing from the manifest still raises each time (never kept)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name: str | None, force: bool = False) -> str:
        if force or name is None:
            return super().url(name, force)  # type: ignore[misc]
        if (url := self._urls.get(name)) is None:
            url = self._urls[name] = super().url(name)  # type: ignore[misc]
        return url


class StaticFilesStorage(RememberedUrlsMixin, CompressedManifestStaticFilesStorage):
    """The site's storage (settings.STORAGES)."""


class UncompressedStaticFilesStorage(RememberedUrlsMixin, ManifestStaticFilesStorage):
    """The same hashed addresses without the compressed copies: bench/settings.py, whose collectstatic is faster."""
