"""The API object: routers, JSON error handlers and the OpenAPI document.

Every error is JSON with a ``detail``. Unexpected exceptions are logged and answered with
a JSON 500 rather than the HTML error page.
"""

from __future__ import annotations

import json
import logging
from typing import Any, cast

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.parser import Parser
from ninja.types import DictStrAny

from spinewise.core.intake import IntakeError
from spinewise.core.journal import JournalError
from spinewise.web.api import assessments, checkins, library, programmes, tokens
from spinewise.web.api.http import json_response
from spinewise.web.api.schemas import intake_components, point_at_intake
from spinewise.web.limits import WriteLimitReached

logger = logging.getLogger(__name__)

AUTH_REQUIRED = "authentication required: sign in, or send Authorization: Bearer <API token>"
DESCRIPTION = """\
The Spinewise engine for other clients: the same triage, assessment and six-week programme
as the web app and the `spinewise` CLI.

**Safety first.** Every assessment starts with triage. An `emergency` or `urgent` result
says what to do now and comes with no causes, exercises or programme (POST /programmes
answers 409). Spinewise gives self-care information; it does not diagnose.

**Authentication.** Assessing answers, building a programme without saving it, the exercise
library and the intake schema need no account. Saved assessments and programmes need a
personal API token (`Authorization: Bearer <token>`, created at POST /tokens from a
signed-in browser) or the browser session (with its CSRF token for writes). Other people's
objects answer 404, exactly like ids that do not exist.

**Bodies** are JSON (`Content-Type: application/json`, else 415) with JSON's own types:
`true` is not a number and `"4"` is not 4. **Errors** are JSON objects with a `detail`;
validation errors (422) also list `errors`, one `{field, message}` per bad field. Saving
is limited per person and hour (429 with `Retry-After`).
"""


def _not_a_number(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


class StrictJsonParser(Parser):
    """JSON as the standard writes it: NaN and Infinity are not numbers."""

    def parse_body(self, request: HttpRequest) -> DictStrAny:
        return cast(DictStrAny, json.loads(request.body, parse_constant=_not_a_number))


class SpinewiseAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        # Intake bodies are read by core's parse_intake (two shapes, one contract), so their
        # schema is the published one, added as components here.
        finished: OpenAPISchema = point_at_intake(document)
        finished.setdefault("components", {}).setdefault("schemas", {}).update(intake_components())
        return finished


api = SpinewiseAPI(
    title="Spinewise API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    # The interactive page loads Swagger UI from a CDN, which the CSP (rightly) forbids.
    docs_url=None,
    parser=StrictJsonParser(),
    openapi_extra={
        "tags": [
            {"name": "assessments", "description": "Triage, region, causes and mistakes."},
            {"name": "programmes", "description": "The six-week exercise programme."},
            {"name": "exercises", "description": "The exercise library."},
            {"name": "intake", "description": "The questionnaire's answer format."},
            {"name": "tokens", "description": "Personal API tokens."},
            {"name": "journal", "description": "Daily check-ins and weekly activity ratings."},
        ]
    },
)
api.add_router("", assessments.router)
api.add_router("", programmes.router)
api.add_router("", library.router)
api.add_router("", tokens.router)
api.add_router("", checkins.router)


def _error(detail: str, status: int) -> HttpResponse:
    response = json_response({"detail": detail}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="spinewise"'
    return response


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(AUTH_REQUIRED, 401)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    detail = str(exc)
    if detail.startswith("Cannot parse request body"):  # ninja's words for bad JSON
        detail = "the request body is not valid JSON"
    return _error(detail, exc.status_code)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error("not found", 404)


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    """``('body', 'payload', 'name')`` -> ``name``; ``('query', 'region')`` -> ``region``."""
    source, *rest = [str(part) for part in loc] or ["(request)"]
    if source == "body":
        rest = rest[1:]  # the view's parameter name means nothing to the caller
    return ".".join(rest) or f"({source})"


def _invalid_fields(problems: list[tuple[str, str]]) -> HttpResponse:
    errors = [{"field": field, "message": message} for field, message in problems]
    return json_response({"detail": "invalid request", "errors": errors}, status=422)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """The one answer to a bad field, wherever it was found: 422 naming each field."""
    return _invalid_fields(
        [
            (_field(error["loc"]), str(error["msg"]).removeprefix("Value error, "))
            for error in exc.errors
        ]
    )


@api.exception_handler(JournalError)
def _invalid_entry(request: HttpRequest, exc: JournalError) -> HttpResponse:
    return _invalid_fields(exc.problems)


@api.exception_handler(IntakeError)
def _invalid_intake(request: HttpRequest, exc: IntakeError) -> HttpResponse:
    return _invalid_fields(exc.problems)


@api.exception_handler(RequestDataTooBig)
def _too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return _error("the request body is too large", 413)


@api.exception_handler(WriteLimitReached)
def _too_many(request: HttpRequest, exc: WriteLimitReached) -> HttpResponse:
    response = _error(str(exc), 429)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path)
    return _error("internal error: it has been logged", 500)
