"""A migration's module, for tests that run its data function (the content a fresh database gets, a backfill).
Migration modules' names start with digits, so they are loaded by name, here only."""

import importlib
from types import ModuleType


def migration(app_label: str, name: str) -> ModuleType:
    """The module of that app's migration, e.g. migration("procedures", "0002_seed_content")."""
    return importlib.import_module(f"{app_label}.migrations.{name}")
