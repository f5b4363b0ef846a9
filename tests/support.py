"""Helpers shared by test modules (fixtures live in conftest.py): where the repository is, skipping (or failing in
CI) without a tool, the site's languages, axe-core's findings, the client's copy, the cache's keys."""

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

ROOT = Path(__file__).resolve().parent.parent
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REQUIRE_ALL = os.environ.get("AZURA_REQUIRE_ALL") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip on a laptop without the tool; fail in CI, where nothing may be skipped."""
    if REQUIRE_ALL:
        pytest.fail(f"required in CI but missing: {reason}")
    pytest.skip(reason)


# The pages a patient reaches from the menu and footer, one of each kind.
PATIENT_PAGES = [
    "/",
    "/pain-management/",
    "/pain-management/kyphoplasty/",
    "/centers/",
    "/physicians/",
    "/appointments/request/",
    "/appointments/my-request/",
    "/nondiscrimination/",
    "/good-faith-estimate/",
    "/privacy/",
]

# Public pages are checked in each language of the site: the addresses of today in English, and under /es/.
LANGUAGES = ["en", "es"]


def in_language(path: str, language: str) -> str:
    """The address of an English page in that language: Spanish pages are the same addresses under /es/."""
    return path if language == "en" else f"/{language}{path}"


def describe_violations(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} at {[node['target'] for node in v['nodes']]}" for v in violations)


# Every browser test: Chromium against the live server, which needs a real transaction and the seed content back.
BROWSER = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
# Phones and desktops: the widths every page's axe-core check runs at.
AT_EACH_WIDTH = pytest.mark.parametrize("width", [375, 1280])


def assert_axe_clean(axe) -> None:
    """axe-core (the `axe` fixture) finds no WCAG 2.2 AA violation on the page on screen."""
    violations = axe()
    assert violations == [], describe_violations(violations)


def axe_in_each_state(page, axe, width: int, states: Iterable[str], open_state: Callable[[str], object]) -> dict:
    """axe-core in each state of a page at that width, each opened by `open_state(state)` as a new visitor (no
    cookies, so no session): {state: its violations described}, for the states that have any. One test walks every
    state, so the live server's database is filled once, and a failure names every state that fails at once."""
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for state in states:
        page.context.clear_cookies()
        open_state(state)
        if violations := axe():
            found[state] = describe_violations(violations)
    return found


def sideways_in_each_state(page, states: Iterable[str], open_state: Callable[[str], object]) -> list[str]:
    """The states that scroll sideways at 320 px (WCAG 1.4.10 Reflow), each opened by `open_state(state)` as a new
    visitor."""
    page.set_viewport_size({"width": 320, "height": 800})
    found = []
    for state in states:
        page.context.clear_cookies()
        open_state(state)
        if page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") > 0:
            found.append(state)
    return found


def axe_at_each_address(page, axe, width: int, base_url: str, paths, language: str, **goto) -> dict:
    """`axe_in_each_state` at addresses (a list, or {state: address}) in that language; `goto` as goto_page's."""
    addresses = paths if isinstance(paths, dict) else {path: path for path in paths}
    return axe_in_each_state(
        page,
        axe,
        width,
        addresses,
        lambda state: goto_page(page, base_url + in_language(addresses[state], language), **goto),
    )


def sideways_at_each_address(page, base_url: str, paths: list[str], language: str, **goto) -> list[str]:
    """`sideways_in_each_state` at addresses in that language; `goto` as goto_page's."""
    return sideways_in_each_state(
        page, paths, lambda path: goto_page(page, base_url + in_language(path, language), **goto)
    )


def goto_page(page, url: str, *, statuses: tuple[int, ...] = (200,)) -> None:
    """Open the address and check what it answered (a search with an error answers 400, a missing page 404)."""
    response = page.goto(url)
    assert response is not None
    assert response.status in statuses, f"{url} answered {response.status}"


def not_said(text: str, *phrases: str) -> list[str]:
    """The phrases the text does not say (`assert not_said(page, ...) == []` names every one missing at once)."""
    return [phrase for phrase in phrases if phrase not in text]


def normalised(copy: str) -> str:
    """The copy as the site words it: single spaces, and its one typo mended."""
    return " ".join(copy.split()).replace("flouroscopy", "fluoroscopy")


def cache_keys() -> list[str]:
    """Every key of rendered output and of the shared cache this test run wrote: the local memory and this run's
    folder by default; this run's keys in Redis when REDIS_URL is set."""
    keys: list[str] = []
    for alias in ("rendered", "default"):
        backend = caches[alias]
        if isinstance(backend, RedisCache):
            keys += [key.decode() for key in backend._cache.get_client().scan_iter(match=backend.make_key("*"))]
        elif isinstance(getattr(backend, "_cache", None), dict):
            keys += [str(key) for key in backend._cache]
    return sorted(set(keys))


def clear_caches() -> None:
    """Empty this test run's caches: its own folder and local memory, or its own keys in Redis (the run's key
    prefix): never another run's, and never a whole Redis database."""
    for alias in ("rendered", "default"):
        backend = caches[alias]
        if isinstance(backend, RedisCache):
            client = backend._cache.get_client(write=True)
            keys = list(client.scan_iter(match=backend.make_key("*"), count=1000))
            if keys:
                client.delete(*keys)
        else:
            backend.clear()
