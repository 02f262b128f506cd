"""Django's database sessions, with the read every signed-in request makes prepared once.

``SESSION_ENGINE`` points here. Everything but ``load`` and ``decode`` is Django's own
database store (saving, rotating the key, flushing, ``clearsessions``):

- ``load`` reads the unexpired row with one fixed statement (``prepared_reads``) instead of
  building an ORM query per request;
- ``decode`` checks a row's signature once per process: the same signed text verifies the
  same way every time, so what Django's ``signing.loads`` unpacked from it (signature
  checked, base64 and zlib undone) is kept, and only the JSON is parsed per request, into
  fresh objects the request may change. Text that fails the check is never kept: it goes
  to Django's own ``decode``, which logs it and gives an empty session.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.signals import setting_changed
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

    def decode(self, session_data: bytes | str) -> dict[str, Any]:
        text = session_data.decode() if isinstance(session_data, bytes) else session_data
        try:
            payload = _verified_payload(text, self.key_salt)
        except Exception:  # a bad signature or damaged text: Django's decode logs and empties
            return super().decode(session_data)
        decoded: dict[str, Any] = self.serializer().loads(payload)
        return decoded


class _Unparsed:
    """A ``signing`` serializer that gives back the verified bytes as they are."""

    def dumps(self, obj: Any) -> bytes:
        raise TypeError("only for reading what signing.loads verified")

    def loads(self, data: bytes) -> bytes:
        return data


# Each person's session text, verified once per process; a few thousand people per process.
@lru_cache(maxsize=4096)
def _verified_payload(session_data: str, salt: str) -> bytes:
    payload: bytes = signing.loads(session_data, salt=salt, serializer=_Unparsed)
    return payload


def _forget(*, setting: str, **_: Any) -> None:
    if setting in {"SECRET_KEY", "SECRET_KEY_FALLBACKS", "SESSION_SERIALIZER"}:
        _verified_payload.cache_clear()


setting_changed.connect(_forget)
