"""The Spanish catalog is complete and current: `makemessages -l es`, run on a copy of the project, leaves no
interface string untranslated or fuzzy, and the committed django.mo is what the .po compiles to (README: Spanish)."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .support import ROOT, skip_or_fail

pytestmark = pytest.mark.slow  # makemessages reads the whole tree

PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# What `make messages` reads: the apps, the project's package and the templates (not the staff screens' templates).
SOURCES = ["manage.py", "azura_site", "core", "appointments", "procedures", "templates", "locale"]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"GNU gettext's {name} is missing (apt-get install gettext)")
    return path


@pytest.fixture(scope="module")
def fresh_po(tmp_path_factory) -> Path:
    """django.po as `make messages` would write it now, made in a copy so the checkout is left as it is."""
    _tool("xgettext")
    copy = tmp_path_factory.mktemp("messages")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "admin"))
        else:
            shutil.copy2(source, copy / name)
    command = [sys.executable, "manage.py", "makemessages", "-l", "es", "--no-obsolete", "--add-location=file"]
    subprocess.run([*command, "-v0"], cwd=copy, check=True, capture_output=True)  # noqa: S603 (our own command)
    return copy / "locale" / "es" / "LC_MESSAGES" / "django.po"


def _run(*command: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=check, capture_output=True, text=True)  # noqa: S603 (our own commands)


def _statistics(po: Path) -> str:
    """msgfmt's count, e.g. "120 translated messages, 2 fuzzy translations, 1 untranslated message."."""
    return _run(_tool("msgfmt"), "--statistics", "-o", "/dev/null", str(po)).stderr.strip()


def _listed(po: Path, option: str) -> str:
    """The entries msgattrib selects (--untranslated, --only-fuzzy), to name them in the failure."""
    return _run(_tool("msgattrib"), option, "--no-obsolete", str(po), check=False).stdout


def _catalog(po_or_mo: Path, tmp_path: Path) -> dict:
    """The messages gettext reads at run time: a .mo as it is, a .po compiled first."""
    mo = po_or_mo
    if po_or_mo.suffix == ".po":
        mo = tmp_path / f"{po_or_mo.parent.name}-{po_or_mo.stem}.mo"
        _run(_tool("msgfmt"), "--check", "-o", str(mo), str(po_or_mo))
    with mo.open("rb") as file:
        return dict(gettext.GNUTranslations(file)._catalog)


def test_every_interface_string_has_spanish(fresh_po):
    statistics = _statistics(fresh_po)
    assert "untranslated" not in statistics, (
        f"{statistics}\nstrings without Spanish (run make messages, then translate them in {PO.relative_to(ROOT)}):\n"
        + _listed(fresh_po, "--untranslated")
    )


def test_no_spanish_is_left_fuzzy(fresh_po):
    statistics = _statistics(fresh_po)
    assert "fuzzy" not in statistics, f"{statistics}\ncheck and confirm:\n" + _listed(fresh_po, "--only-fuzzy")


def test_the_committed_catalog_is_current_with_the_code(fresh_po, tmp_path):
    """No string the code marks is missing from the committed .po, none it no longer marks is left in it, and the
    committed .mo is the .po compiled."""
    assert MO.exists(), "locale/es/LC_MESSAGES/django.mo is missing: run make messages"
    committed = _catalog(MO, tmp_path)
    assert committed == _catalog(PO, tmp_path), "django.mo is not the compiled django.po: run make messages"
    fresh = _catalog(fresh_po, tmp_path)
    assert sorted(set(fresh) - set(committed)) == [], "django.po lacks strings the code marks: run make messages"
    assert sorted(set(committed) - set(fresh)) == [], "django.po keeps strings the code no longer marks"
