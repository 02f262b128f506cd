"""Personal API tokens: create (shown once), list, revoke."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status
from ninja.errors import HttpError

from spinewise.web.api.auth import AUTH, auth_user, session_auth
from spinewise.web.api.models import ApiToken
from spinewise.web.api.schemas import (
    MAX_ID,
    ErrorOut,
    TokenCreatedOut,
    TokenIn,
    TokenOut,
    ValidationErrorOut,
)
from spinewise.web.api.services import create_token, revoke_token

router = Router(tags=["tokens"])


@router.post(
    "/tokens",
    auth=[session_auth],
    operation_id="create_token",
    summary="Create a personal API token",
    description=(
        "Signed-in browser session only (with its CSRF token): a token cannot mint more "
        "tokens. The secret is in the response once; only its hash is stored."
    ),
    response={
        201: TokenCreatedOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        422: ValidationErrorOut,
    },
)
def create_token_endpoint(request: HttpRequest, payload: TokenIn) -> Status[TokenCreatedOut]:
    token, raw = create_token(auth_user(request), payload.name)
    return Status(
        201,
        TokenCreatedOut(
            id=token.pk,
            name=token.name,
            created=token.created,
            last_used=token.last_used,
            token=raw,
        ),
    )


@router.get(
    "/tokens",
    auth=AUTH,
    operation_id="list_tokens",
    summary="Your API tokens",
    description="Names and dates only: secrets are never shown again.",
    response={200: list[TokenOut], 401: ErrorOut},
)
def list_tokens(request: HttpRequest) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=auth_user(request)))


@router.delete(
    "/tokens/{token_id}",
    auth=AUTH,
    operation_id="revoke_token",
    summary="Revoke an API token",
    description="It stops working at once. Someone else's id answers 404.",
    response={204: None, 401: ErrorOut, 404: ErrorOut},
)
def revoke_token_endpoint(request: HttpRequest, token_id: int) -> HttpResponse | Status[None]:
    if not 1 <= token_id <= MAX_ID or not revoke_token(auth_user(request), token_id):
        raise HttpError(404, "not found")
    return Status(204, None)
