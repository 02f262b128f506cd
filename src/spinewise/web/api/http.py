"""What the endpoints share: JSON responses, owned objects and the documented error answers."""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.db import models
from django.http import Http404, JsonResponse

from spinewise.web.api.schemas import MAX_ID, ErrorOut, ValidationErrorOut

ModelT = TypeVar("ModelT", bound=models.Model)

# Anonymous callers are welcome; authenticated ones can also save.
OPTIONAL_AUTH: list[dict[str, list[str]]] = [{}, {"ApiTokenAuth": []}, {"SessionAuth": []}]


def json_response(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"allow_nan": False})


def owned_or_404(model: type[ModelT], user: User, object_id: int) -> ModelT:
    """The user's object with this id. Someone else's is 'not found' too, so ids do not leak."""
    if not 1 <= object_id <= MAX_ID:
        raise Http404
    found = model._default_manager.filter(user=user, pk=object_id).first()
    if found is None:
        raise Http404
    return found


def responses(
    ok: dict[int, Any],
    *,
    auth: bool = False,
    body: bool = False,
    params: bool = False,
    lookup: bool = False,
    limited: bool = False,
) -> dict[int, Any]:
    """Every answer an endpoint can give, for its OpenAPI entry.

    ``auth``: 401 without credentials, 403 for a session write without its CSRF token.
    ``body``: a JSON body, so 400 (not JSON), 413 (too large), 415 (not JSON by type) and
    422 (a bad field). ``params``: path or query values that can be invalid (422).
    ``lookup``: 404 for an id that is not yours. ``limited``: 429 past the write limit.
    """
    out = dict(ok)
    if auth:
        out[401] = ErrorOut
        out[403] = ErrorOut
    if body:
        out.update({400: ErrorOut, 413: ErrorOut, 415: ErrorOut})
    if body or params:
        out[422] = ValidationErrorOut
    if lookup:
        out[404] = ErrorOut
    if limited:
        out[429] = ErrorOut
    return out


def links(**targets: tuple[str, str, str]) -> dict[str, Any]:
    """OpenAPI links: ``name=(operation_id, parameter, JSON pointer in the response body)``.

    They say which field of an answer feeds which later request (the saved programme's
    ``id``, not the plan's own ``programme.id`` hash), for clients and fuzzers alike.
    """
    return {
        name: {"operationId": operation, "parameters": {parameter: f"$response.body#{pointer}"}}
        for name, (operation, parameter, pointer) in targets.items()
    }
