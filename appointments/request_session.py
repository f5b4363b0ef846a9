"""What the request form keeps in the patient's browser session (in the database, never in the cache): the answers
of a form not sent yet (a draft, keyed by the form's submission token, so two tabs never mix), the requests this
session sent, and which one the confirmation shows. Each is read with core.sessions.readable: when the database
does not answer, the views' guards answer with the patient's answers (SessionUnreadable is a DatabaseError), and a
session that could not be read is never taken for one with nothing in it.

`SENT_SESSION_KEY` is a contract: the list of the primary keys of the requests this session sent, most recent
last. The "check or change my request" page reads it.
"""

import time
from collections.abc import Mapping
from typing import Any, TypedDict, cast

from django.contrib.sessions.backends.base import SessionBase

from core.sessions import readable

SENT_SESSION_KEY = "appointments.sent"  # [pk, …] of the requests this session sent, most recent last
RECEIVED_SESSION_KEY = "appointments.received"  # {"pk": …, "outcome": …}: what the confirmation shows
DRAFTS_SESSION_KEY = "appointments.drafts"  # {submission token: Draft}
KEPT_SENT = 20
KEPT_DRAFTS = 5
NOT_ANSWERS = {"csrfmiddlewaretoken", "action"}


class Draft(TypedDict):
    """The answers of one form as typed, and how to draw them again."""

    data: dict[str, str]
    show_errors: bool  # the patient pressed Continue: the form comes back with its problems
    problem: str  # "", "rate_limited": said at the top of the form
    another: bool  # "for another person": a new request, whatever this session sent before
    at: float


def answers_of(post: Mapping[str, Any]) -> dict[str, str]:
    """The answers in a POST body (a QueryDict or a dict), as text: every field but the CSRF token and the button."""
    getter = getattr(post, "get", None)
    return {str(name): str(getter(name) if getter else post[name])[:2000] for name in post if name not in NOT_ANSWERS}


def save_draft(
    session: SessionBase,
    token: str,
    data: Mapping[str, Any],
    *,
    show_errors: bool = False,
    problem: str = "",
    another: bool | None = None,
) -> None:
    drafts: dict[str, Draft] = dict(readable(session).get(DRAFTS_SESSION_KEY) or {})
    earlier = drafts.pop(token, None)
    drafts[token] = Draft(
        data=answers_of(data),
        show_errors=show_errors,
        problem=problem,
        another=bool(earlier and earlier.get("another")) if another is None else another,
        at=time.time(),
    )
    session[DRAFTS_SESSION_KEY] = dict(list(drafts.items())[-KEPT_DRAFTS:])


def draft(session: SessionBase, token: str | None) -> Draft | None:
    if not token:
        return None
    found = (readable(session).get(DRAFTS_SESSION_KEY) or {}).get(token)
    return cast(Draft, found) if isinstance(found, dict) and isinstance(found.get("data"), dict) else None


def drop_draft(session: SessionBase, token: str) -> None:
    drafts = dict(readable(session).get(DRAFTS_SESSION_KEY) or {})
    if drafts.pop(token, None) is not None:
        session[DRAFTS_SESSION_KEY] = drafts


def sent(session: SessionBase) -> list[int]:
    """The requests this session sent, most recent last."""
    return [pk for pk in readable(session).get(SENT_SESSION_KEY) or [] if isinstance(pk, int)]


def remember_sent(session: SessionBase, pk: int, outcome: str, token: str) -> None:
    """The request this session just sent (or corrected), and the form it came from ("Change my request")."""
    session[SENT_SESSION_KEY] = [*[other for other in sent(session) if other != pk], pk][-KEPT_SENT:]
    session[RECEIVED_SESSION_KEY] = {"pk": pk, "outcome": outcome, "form": token}


def received(session: SessionBase) -> tuple[int | None, str, str]:
    """The request the confirmation shows, what happened to it, and the form it came from."""
    shown = readable(session).get(RECEIVED_SESSION_KEY)
    if not isinstance(shown, dict) or not isinstance(shown.get("pk"), int):
        return None, "", ""
    return shown["pk"], str(shown.get("outcome", "")), str(shown.get("form", ""))
