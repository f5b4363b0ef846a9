"""Sessions in the database (Django's own store), read so that a database that does not answer costs the visitor
their session for that request, not the page (docs/decisions/0007-sessions-without-the-database.md).

Django's store raises when the database is down, and with SESSION_SAVE_EVERY_REQUEST the session middleware reads
every visitor's session on the way out: a session cookie turned any page into a 500, even one served without the
database (a cached page, the request form's 503 that gives the patient's answers back). Here a session that could
not be read is empty for that request and is never saved (what is in the database is there again when it answers).
Code that must not take an unreadable session for an empty one (the request form's kept answers) reads it with
`readable()`, which raises SessionUnreadable, a DatabaseError, as the store did before.
"""

import logging
from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import SessionBase
from django.db import DatabaseError

log = logging.getLogger(__name__)


class SessionUnreadable(DatabaseError):
    """The visitor's session is in the database, which did not answer."""


class SessionStore(db.SessionStore):
    unreadable = False

    def load(self) -> dict[str, Any]:
        try:
            return super().load()
        except DatabaseError as error:
            log.warning("session not read: the database did not answer", extra={"error": type(error).__name__})
            self.unreadable = True
            return {}

    def save(self, must_create: bool = False) -> None:
        if not self.unreadable:  # never overwrite what could not be read
            super().save(must_create)


def readable(session: SessionBase) -> SessionBase:
    """The session, read; SessionUnreadable when its database did not answer."""
    session.get("")  # loads it, once per request
    if getattr(session, "unreadable", False):
        raise SessionUnreadable("the session could not be read")
    return session
