"""Who is calling: a personal API token (``Authorization: Bearer``) or the Django session.

Token requests need no CSRF token (a browser cannot attach the header cross-site); session
requests that change something must carry Django's CSRF token, as the web forms do.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from spinewise.web.api.models import ApiToken, hash_token

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# last_used is for the person's token list, so a write per request would be waste.
LAST_USED_RESOLUTION = timedelta(minutes=5)

INVALID_TOKEN = "invalid or revoked API token"
CSRF_FAILED = (
    "CSRF check failed: a signed-in browser session must send the csrftoken cookie's value "
    "in the X-CSRFToken header (or use an API token instead)"
)


def user_for_token(raw: str) -> User | None:
    """The active user owning this raw token, or None; notes when the token was used."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_token(raw), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user


class ApiTokenAuth(HttpBearer):
    """A personal API token: ``Authorization: Bearer <token>``."""

    # AuthBase turns every ``openapi_*`` attribute into a field of the security scheme.
    openapi_description: str = (
        "A personal API token from POST /api/v1/tokens, sent as "
        "`Authorization: Bearer <token>`. No CSRF token is needed."
    )

    def __call__(self, request: HttpRequest) -> User | None:
        header = request.headers.get(self.header)
        if not header:
            return None  # let the session have a go
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise HttpError(401, "the Authorization header must be 'Bearer <API token>'")
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        if user is None:
            # A wrong token is an error even when a session cookie is also present.
            raise HttpError(401, INVALID_TOKEN)
        return user


class SessionAuth(APIKeyCookie):
    """The signed-in browser session; unsafe methods must pass Django's CSRF check."""

    param_name: str = settings.SESSION_COOKIE_NAME
    openapi_description: str = (
        "The Django session cookie of a signed-in browser. Requests other than GET must "
        "also send the CSRF token in the X-CSRFToken header."
    )

    def __init__(self) -> None:
        super().__init__(csrf=False)  # checked below, only for signed-in users

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = request.user
        if not user.is_authenticated:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise HttpError(403, CSRF_FAILED)
        return user


token_auth = ApiTokenAuth()
session_auth = SessionAuth()
# Token first: an explicit Authorization header wins over an ambient cookie.
AUTH = [token_auth, session_auth]


def optional_user(request: HttpRequest) -> User | None:
    """The caller, for endpoints that anonymous people may use too; None when anonymous."""
    user = token_auth(request)
    if user is not None:
        return user
    found = session_auth(request)
    return cast(User, found) if found is not None else None


def auth_user(request: HttpRequest) -> User:
    """The authenticated caller of an endpoint protected by ``AUTH``."""
    return cast(User, request.auth)  # type: ignore[attr-defined]
