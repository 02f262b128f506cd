"""POST/GET /api/v1/checkins: the same journal as the web and the CLI."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client

from spinewise.web.api.services import create_token
from spinewise.web.journal.models import CheckIn

pytestmark = pytest.mark.django_db


@pytest.fixture
def token() -> str:
    user = User.objects.create_user("carol@example.com", "carol@example.com", "long pass 1234")
    return create_token(user, "phone")[1]


def _post(client: Client, token: str, body: object) -> object:
    return client.post(
        "/api/v1/checkins",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_a_check_in_is_created_then_replaced(client: Client, token: str) -> None:
    day = date.today().isoformat()
    first = _post(client, token, {"day": day, "pain": 5, "sessions_done": 1})
    assert first.status_code == 201 and first.json()["triage"] is None
    again = _post(client, token, {"day": day, "pain": 3})
    assert again.status_code == 200 and again.json()["created"] is False
    assert CheckIn.objects.get().pain == 3
    listed = client.get("/api/v1/checkins", headers={"Authorization": f"Bearer {token}"})
    assert [c["pain"] for c in listed.json()] == [3]


def test_a_new_warning_sign_returns_the_verdict(client: Client, token: str) -> None:
    body = {"day": date.today().isoformat(), "pain": 6, "new_red_flags": ["saddle_numbness"]}
    response = _post(client, token, body)
    assert response.status_code == 201
    assert response.json()["triage"]["level"] == "emergency"


def test_bad_check_ins_name_their_fields(client: Client, token: str) -> None:
    future_is_fine_for_the_api = (date.today() + timedelta(days=1)).isoformat()
    response = _post(client, token, {"day": future_is_fine_for_the_api, "pain": 14})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["pain"]
    odd = _post(client, token, {"day": "2026-01-01", "pain": 1, "new_red_flags": ["sore_toe"]})
    assert odd.status_code == 422 and odd.json()["errors"][0]["field"] == "new_red_flags"


def test_check_ins_need_authentication(client: Client) -> None:
    response = client.post(
        "/api/v1/checkins", {"day": "2026-01-01", "pain": 1}, content_type="application/json"
    )
    assert response.status_code == 401


def test_control_characters_in_a_note_are_refused_not_stored(client: Client, token: str) -> None:
    # A NUL cannot be stored in PostgreSQL; it must be a 422, never a server error.
    response = _post(client, token, {"day": "2026-01-01", "pain": 1, "note": "a\u0000b"})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "note"
