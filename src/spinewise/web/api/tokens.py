"""Personal API tokens: create (shown once), list, revoke."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from ninja import Body, Router, Status
from ninja.errors import HttpError

from spinewise.web.api.auth import AUTH, auth_user, session_auth
from spinewise.web.api.http import responses
from spinewise.web.api.models import ApiToken
from spinewise.web.api.schemas import MAX_ID, TokenCreatedOut, TokenIn, TokenOut, strict_json
from spinewise.web.api.services import create_token, revoke_token

router = Router(tags=["tokens"])

if TYPE_CHECKING:
    TokenBody = TokenIn
else:
    TokenBody = Body[strict_json(TokenIn), {"example": {"name": "my phone"}}]


@router.post(
    "/tokens",
    auth=[session_auth],
    operation_id="create_token",
    summary="Create a personal API token",
    description=(
        "Signed-in browser session only (with its CSRF token): a token cannot mint more "
        "tokens. The secret is in the response once; only its hash is stored."
    ),
    response=responses({201: TokenCreatedOut}, auth=True, body=True, limited=True),
)
def create_token_endpoint(
    request: HttpRequest,
    payload: TokenBody,
) -> Status[TokenCreatedOut]:
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
    response=responses({200: list[TokenOut]}, auth=True),
)
def list_tokens(request: HttpRequest) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=auth_user(request)))


@router.delete(
    "/tokens/{token_id}",
    auth=AUTH,
    operation_id="revoke_token",
    summary="Revoke an API token",
    description="It stops working at once. Someone else's id answers 404.",
    response=responses({204: None}, auth=True, params=True, lookup=True),
)
def revoke_token_endpoint(request: HttpRequest, token_id: int) -> HttpResponse | Status[None]:
    if not 1 <= token_id <= MAX_ID or not revoke_token(auth_user(request), token_id):
        raise HttpError(404, "not found")
    return Status(204, None)
