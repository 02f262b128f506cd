"""POST/GET /api/v1/checkins: the same journal as the web and the CLI."""

from __future__ import annotations

import json
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
    response = _post(client, token, {"day": date.today().isoformat(), "pain": 14})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["pain"]
    odd = _post(client, token, {"day": "2026-01-01", "pain": 1, "new_red_flags": ["sore_toe"]})
    assert odd.status_code == 422 and odd.json()["errors"][0]["field"] == "new_red_flags"


def test_a_pregnancy_sign_without_a_pregnancy_is_refused_not_a_server_error(
    client: Client, token: str
) -> None:
    # Found by schemathesis: the pregnancy signs are in the schema's list, but they are
    # asked only in pregnancy; without a pregnant assessment the answer is a 422 that
    # says so, and nothing is stored.
    body = {"day": date.today().isoformat(), "pain": 4, "new_red_flags": ["preeclampsia_signs"]}
    response = _post(client, token, body)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "new_red_flags" and "pregnan" in error["message"]
    assert not CheckIn.objects.exists()


def test_check_ins_need_authentication(client: Client) -> None:
    response = client.post(
        "/api/v1/checkins", {"day": "2026-01-01", "pain": 1}, content_type="application/json"
    )
    assert response.status_code == 401


def test_control_characters_in_a_note_are_refused_not_stored(client: Client, token: str) -> None:
    # A NUL cannot be stored in PostgreSQL; it must be a 422, never a server error.
    response = _post(client, token, {"day": "2026-01-01", "pain": 1, "note": "a\u0000b"})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "note"


# --- Strict JSON and the date rule (issue 12.2 and 12.7) -------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"day": "0001-01-01", "pain": 4}, "day"),
        ({"day": "2099-01-01", "pain": 4}, "day"),
        ({"day": "9999-12-31", "pain": 4}, "day"),
        ({"day": date.today().isoformat(), "pain": True}, "pain"),
        ({"day": date.today().isoformat(), "pain": "4"}, "pain"),
        ({"day": date.today().isoformat(), "pain": 4, "flare_up": 1}, "flare_up"),
        ({"day": 1_700_000_000, "pain": 4}, "day"),
    ],
)
def test_out_of_range_days_and_loose_types_are_422(
    client: Client, token: str, body: dict[str, object], field: str
) -> None:
    response = _post(client, token, body)
    assert response.status_code == 422, response.content
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert not CheckIn.objects.exists()


def test_only_json_bodies_are_read(client: Client, token: str) -> None:
    body = json.dumps({"day": date.today().isoformat(), "pain": 4})
    response = client.post(
        "/api/v1/checkins",
        body,
        content_type="text/plain",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 415 and "JSON" in response.json()["detail"]
    assert not CheckIn.objects.exists()


def test_a_check_in_is_read_and_deleted_by_day(client: Client, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    day = date.today().isoformat()
    _post(client, token, {"day": day, "pain": 5})

    assert client.get(f"/api/v1/checkins/{day}", headers=auth).json()["pain"] == 5
    assert client.delete(f"/api/v1/checkins/{day}", headers=auth).status_code == 204
    assert client.get(f"/api/v1/checkins/{day}", headers=auth).status_code == 404
    assert client.delete(f"/api/v1/checkins/{day}", headers=auth).status_code == 404


def test_ratings_are_recorded_listed_and_deleted(client: Client, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    week = (date.today() - timedelta(days=date.today().weekday())).isoformat()
    body = {"week_start": week, "activities": [{"name": "Sitting", "score": 4}]}
    created = client.post("/api/v1/psfs", body, content_type="application/json", headers=auth)
    assert created.status_code == 201 and created.json()["mean"] == 4
    far = {**body, "week_start": "9999-12-27"}
    refused = client.post("/api/v1/psfs", far, content_type="application/json", headers=auth)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "week_start"
    assert [r["week_start"] for r in client.get("/api/v1/psfs", headers=auth).json()] == [week]
    assert client.delete(f"/api/v1/psfs/{week}", headers=auth).status_code == 204
    assert client.get("/api/v1/psfs", headers=auth).json() == []
