"""Security headers Django does not set itself."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from spinewise.web.limits import WriteLimitReached


def extra_security_headers(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Adds Permissions-Policy and Cross-Origin-Resource-Policy to every response."""
    permissions_policy: str = settings.PERMISSIONS_POLICY

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", permissions_policy)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

    return middleware


# Pages under these paths show a person's answers, plans, journal or account.
PERSONAL_PREFIXES = ("/accounts/", "/assessment/", "/programme/", "/journal/", "/api/")


def _personal(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return (
        request.path.startswith(PERSONAL_PREFIXES)
        or "HTTP_AUTHORIZATION" in request.META
        or bool(user is not None and user.is_authenticated)
    )


def no_store_for_personal_data(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """``Cache-Control: no-store`` on every response that may carry personal data.

    Neither the browser's cache nor a shared one may keep a copy of a health record. A
    view that chose its own caching (static files, the public exercise drawings) keeps it;
    everything a signed-in person is sent, and every personal path, is no-store.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if _personal(request):
            chosen = response.get("Cache-Control", "")
            if "public" not in chosen or request.path.startswith(PERSONAL_PREFIXES):
                response["Cache-Control"] = "no-store"
        return response

    return middleware


class WriteLimitMiddleware:
    """A page that saves past the hourly limit answers 429 with a plain explanation."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, WriteLimitReached):
            return None
        response = render(request, "too_many.html", {"error": exception}, status=429)
        response["Retry-After"] = str(exception.retry_after)
        return response
