"""The API's URLs, with a JSON 404 for anything under the prefix that is not an endpoint."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, re_path
from django.views.decorators.csrf import csrf_exempt

from spinewise.web.api.api import api
from spinewise.web.api.http import json_response

View = Callable[..., HttpResponse]


BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def _sends_a_body(request: HttpRequest) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > 0
    except ValueError:
        return True


def _json_method_errors(view: View) -> View:
    """JSON only: a body of another type is 415. ninja answers a wrong method with a
    plain-text 405; make it JSON like every error."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if (
            request.method in BODY_METHODS
            and _sends_a_body(request)
            and request.content_type != "application/json"
        ):
            return json_response(
                {"detail": "send the body as JSON, with Content-Type: application/json"}, 415
            )
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            allowed = response.get("Allow", "")
            fixed = json_response({"detail": f"method not allowed; allowed: {allowed}"}, status=405)
            fixed["Allow"] = allowed
            return fixed
        return response

    return wrapped


def _patterns() -> list[URLPattern | URLResolver]:
    patterns, _app_name, _namespace = api.urls
    fixed: list[URLPattern | URLResolver] = []
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern = URLPattern(
                pattern.pattern,
                _json_method_errors(pattern.callback),
                pattern.default_args,
                pattern.name,
            )
        fixed.append(pattern)
    return fixed


@csrf_exempt  # any method may land here; the answer is a plain 404
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return json_response({"detail": "not found: see /api/v1/openapi.json for the endpoints"}, 404)


app_name = "api"
urlpatterns = [*_patterns(), re_path(r"^(?P<rest>.*)$", not_found)]
