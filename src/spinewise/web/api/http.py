"""Small helpers the endpoints share: reading JSON bodies, JSON responses, owned objects."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import RequestDataTooBig
from django.db import models
from django.http import Http404, HttpRequest, JsonResponse
from ninja.errors import HttpError
from pydantic import ValidationError

from spinewise.web.api.schemas import MAX_ID

ModelT = TypeVar("ModelT", bound=models.Model)


def json_response(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"allow_nan": False})


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def read_json_body(request: HttpRequest) -> Any:
    """The request body parsed as JSON; HttpError 400 (or 413) with a plain reason if not."""
    try:
        body = request.body
    except RequestDataTooBig as exc:
        raise HttpError(413, "the request body is too large") from exc
    if not body.strip():
        raise HttpError(400, "the request body is empty: send a JSON object")
    try:
        return json.loads(body, parse_constant=_reject_constant)
    except RecursionError as exc:
        raise HttpError(400, "the request body is not valid JSON: nested too deeply") from exc
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise HttpError(400, f"the request body is not valid JSON: {exc}") from exc


def invalid(detail: str, problems: Iterable[tuple[str, str]]) -> JsonResponse:
    """422 naming every bad field."""
    errors = [{"field": field, "message": message} for field, message in problems]
    return json_response({"detail": detail, "errors": errors}, status=422)


def pydantic_problems(exc: ValidationError, prefix: str = "") -> list[tuple[str, str]]:
    problems = []
    for error in exc.errors():
        path = ".".join(str(part) for part in (prefix, *error["loc"]) if part != "")
        problems.append((path or "(body)", error["msg"]))
    return problems


def owned_or_404(model: type[ModelT], user: User, object_id: int) -> ModelT:
    """The user's object with this id. Someone else's is 'not found' too, so ids do not leak."""
    if not 1 <= object_id <= MAX_ID:
        raise Http404
    found = model._default_manager.filter(user=user, pk=object_id).first()
    if found is None:
        raise Http404
    return found
