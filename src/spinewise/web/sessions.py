"""Django's database sessions, with the read every signed-in request makes prepared once.

``SESSION_ENGINE`` points here. Everything but ``load`` is Django's own database store
(saving, rotating the key, flushing, ``clearsessions``); ``load`` reads the unexpired row
with one fixed statement (``prepared_reads``) instead of building an ORM query per request.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from spinewise.web.prepared_reads import PreparedRead


@cache
def _unexpired() -> PreparedRead[Session]:
    return PreparedRead(
        Session, where=[("session_key", "="), ("expire_date", ">")], columns=["session_data"]
    )


class SessionStore(db.SessionStore):
    def load(self) -> dict[str, Any]:
        row = _unexpired().first(self.session_key, timezone.now())
        if row is None:
            # As Django's store does: an unknown or expired key is dropped, never reused.
            self._session_key = None
            return {}
        decoded: dict[str, Any] = self.decode(row[0])
        return decoded
