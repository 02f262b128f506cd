"""Who may see what: owner, another user and anonymous on every authenticated endpoint;
API tokens (create, use without CSRF, revoke) and CSRF for session writes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from spinewise.web.accounts.backends import BACKEND
from spinewise.web.api.models import ApiToken

pytestmark = pytest.mark.django_db

VIGNETTES = Path(__file__).parents[1] / "vignettes"
P01: dict[str, Any] = json.loads((VIGNETTES / "P01.json").read_text())


def post_json(client: Client, url: str, body: object, **extra: Any) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json", **extra)


def signed_in(user: User, enforce_csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=enforce_csrf)
    client.force_login(user, backend=BACKEND)
    return client


def make_token(user: User, name: str = "test") -> str:
    response = post_json(signed_in(user), "/api/v1/tokens", {"name": name})
    assert response.status_code == 201, response.content
    token: str = response.json()["token"]
    return token


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def other_user(db: None) -> User:
    return User.objects.create_user(
        username="other@example.com", email="other@example.com", password="quiet-lake-7-pine"
    )


@pytest.fixture
def owned(owner_client: Client, user: User) -> dict[str, int]:
    """One of each of the owner's objects."""
    programme = post_json(
        owner_client, "/api/v1/programmes", {"intake": P01, "start": "2026-01-05"}
    ).json()
    token = post_json(owner_client, "/api/v1/tokens", {"name": "phone"}).json()
    return {
        "assessment": programme["assessment_id"],
        "programme": programme["id"],
        "token": token["id"],
    }


OBJECT_URLS = [
    ("get", "/api/v1/assessments/{assessment}", 200),
    ("get", "/api/v1/programmes/{programme}", 200),
    ("get", "/api/v1/programmes/{programme}/calendar.ics", 200),
    ("delete", "/api/v1/tokens/{token}", 204),
]
LIST_URLS = [
    ("/api/v1/assessments", "assessment"),
    ("/api/v1/programmes", "programme"),
    ("/api/v1/tokens", "token"),
]


@pytest.mark.parametrize(("method", "template", "ok"), OBJECT_URLS)
def test_owner_sees_their_object(
    owner_client: Client, owned: dict[str, int], method: str, template: str, ok: int
) -> None:
    response = getattr(owner_client, method)(template.format(**owned))

    assert response.status_code == ok


@pytest.mark.parametrize(("method", "template", "ok"), OBJECT_URLS)
def test_other_user_gets_404_by_session_and_by_token(
    owned: dict[str, int], other_user: User, method: str, template: str, ok: int
) -> None:
    url = template.format(**owned)
    by_session = getattr(signed_in(other_user), method)(url)
    by_token = getattr(Client(), method)(url, **bearer(make_token(other_user)))

    for response in (by_session, by_token):
        assert response.status_code == 404
        assert response.json() == {"detail": "not found"}


@pytest.mark.parametrize(("method", "template", "ok"), OBJECT_URLS)
def test_anonymous_gets_401(owned: dict[str, int], method: str, template: str, ok: int) -> None:
    response = getattr(Client(), method)(template.format(**owned))

    assert response.status_code == 401
    assert "authentication required" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("url", "kind"), LIST_URLS)
def test_lists_show_only_your_own(
    owned: dict[str, int], owner_client: Client, other_user: User, url: str, kind: str
) -> None:
    assert [item["id"] for item in owner_client.get(url).json()] == [owned[kind]]
    assert signed_in(other_user).get(url).json() == []
    assert Client().get(url).status_code == 401


@pytest.mark.parametrize("id_", ["0", "999999", str(2**63), "99999999999999999999999"])
def test_ids_that_do_not_exist_are_404(owner_client: Client, id_: str) -> None:
    for url in (f"/api/v1/assessments/{id_}", f"/api/v1/programmes/{id_}"):
        response = owner_client.get(url)
        assert response.status_code == 404
        assert response.json()["detail"]


def test_token_works_without_csrf_and_is_stored_only_as_a_hash(user: User) -> None:
    token = make_token(user, "script")
    strict = Client(enforce_csrf_checks=True)

    saved = post_json(strict, "/api/v1/assessments?save=true", P01, **bearer(token))
    programme = post_json(strict, "/api/v1/programmes", {"intake": P01}, **bearer(token))

    assert saved.status_code == 201
    assert programme.status_code == 201
    stored = ApiToken.objects.get(user=user)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert stored.last_used is not None
    assert token not in json.dumps(Client().get("/api/v1/tokens", **bearer(token)).json())


def test_token_list_never_shows_secrets(user: User) -> None:
    token = make_token(user, "laptop")

    listed = Client().get("/api/v1/tokens", **bearer(token)).json()

    assert [set(item) for item in listed] == [{"id", "name", "created", "last_used"}]
    assert listed[0]["name"] == "laptop"


def test_revoked_token_stops_working(user: User) -> None:
    token = make_token(user)
    token_id = ApiToken.objects.get(user=user).pk
    client = Client()
    assert client.get("/api/v1/assessments", **bearer(token)).status_code == 200

    assert client.delete(f"/api/v1/tokens/{token_id}", **bearer(token)).status_code == 204

    response = client.get("/api/v1/assessments", **bearer(token))
    assert response.status_code == 401
    assert response.json()["detail"] == "invalid or revoked API token"
    assert (
        client.delete(f"/api/v1/tokens/{token_id}", **bearer(make_token(user))).status_code == 404
    )


def test_token_of_a_deactivated_user_stops_working(user: User) -> None:
    token = make_token(user)
    user.is_active = False
    user.save()

    assert Client().get("/api/v1/assessments", **bearer(token)).status_code == 401


@pytest.mark.parametrize(
    "header", ["Bearer wrong-token", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc"]
)
def test_a_bad_authorization_header_is_401_even_with_a_session(user: User, header: str) -> None:
    response = signed_in(user).get("/api/v1/assessments", HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
    assert response.json()["detail"]


def test_anonymous_save_with_a_bad_token_is_401() -> None:
    response = post_json(Client(), "/api/v1/programmes", {"intake": P01}, **bearer("nope"))

    assert response.status_code == 401


def test_a_token_cannot_create_tokens(user: User) -> None:
    token = make_token(user)

    response = post_json(Client(), "/api/v1/tokens", {"name": "more"}, **bearer(token))

    assert response.status_code == 401
    assert ApiToken.objects.count() == 1


def test_token_name_is_validated(owner_client: Client) -> None:
    response = post_json(owner_client, "/api/v1/tokens", {"name": "  "})

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "name"


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/v1/tokens", {"name": "x"}),
        ("/api/v1/assessments?save=true", P01),
        ("/api/v1/programmes", {"intake": P01}),
    ],
)
def test_session_writes_without_csrf_token_are_rejected(
    user: User, url: str, body: dict[str, Any]
) -> None:
    client = signed_in(user, enforce_csrf=True)

    response = post_json(client, url, body)

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert ApiToken.objects.count() == 0


def test_session_write_with_csrf_token_is_accepted(user: User) -> None:
    client = signed_in(user, enforce_csrf=True)
    client.get("/accounts/")  # a page with a form sets the csrftoken cookie
    csrf = client.cookies["csrftoken"].value

    response = post_json(client, "/api/v1/tokens", {"name": "x"}, HTTP_X_CSRFTOKEN=csrf)

    assert response.status_code == 201
    assert response.json()["token"]


def test_session_reads_need_no_csrf_token(user: User) -> None:
    response = signed_in(user, enforce_csrf=True).get("/api/v1/assessments")

    assert response.status_code == 200
