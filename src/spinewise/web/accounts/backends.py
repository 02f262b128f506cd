"""How a signed-in person is found on each request.

``BACKEND`` is Django's ``ModelBackend`` (password check, permissions, inactive people
refused) with one change: ``get_user``, which runs on every signed-in request, reads the
person with one prepared statement (``prepared_reads``) instead of building an ORM query.
Every ``login`` names ``BACKEND``, so a session always comes back through it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.auth import backends
from django.contrib.auth.models import User

from spinewise.web.prepared_reads import PreparedRead

BACKEND = "spinewise.web.accounts.backends.ModelBackend"


@cache
def _person() -> PreparedRead[User]:
    return PreparedRead(User, where=[("id", "=")])


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        user = _person().instance(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
