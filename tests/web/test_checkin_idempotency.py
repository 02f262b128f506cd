"""A check-in sent twice with the same idempotency key is recorded once.

A phone that saved a check-in offline sends it when the network returns, and may send it
again when it never heard the answer. The web form, the API and the service all promise
the same thing: the same key from the same person writes nothing the second time and
answers with what the first attempt recorded.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from spinewise.core.journal import JournalError, new_idempotency_key, parse_idempotency_key
from spinewise.web.api.services import create_token
from spinewise.web.journal import services
from spinewise.web.journal.models import CheckIn, CheckInKey

pytestmark = pytest.mark.django_db
KEY = "5d0c8a52-3b1e-4c7a-9f55-2a9d7e61c0b4"


@pytest.fixture
def carol() -> User:
    return User.objects.create_user("carol@example.com", "carol@example.com", "long pass 1234")


def _api_post(client: Client, token: str, body: object, key: str | None) -> object:
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post("/api/v1/checkins", body, content_type="application/json", headers=headers)


def test_the_same_key_twice_records_one_check_in_and_says_the_second_was_a_replay(
    carol: User,
) -> None:
    today = date.today().isoformat()
    first = services.record_checkin(carol, {"day": today, "pain": 4}, KEY)
    second = services.record_checkin(carol, {"day": today, "pain": 4}, KEY)

    assert first.created and not first.replayed
    assert second.replayed and not second.created
    assert second.checkin.pk == first.checkin.pk
    assert CheckIn.objects.count() == 1 and CheckInKey.objects.count() == 1


def test_a_replay_does_not_undo_an_edit_made_since(carol: User) -> None:
    today = date.today().isoformat()
    services.record_checkin(carol, {"day": today, "pain": 6}, KEY)
    services.record_checkin(carol, {"day": today, "pain": 3}, new_idempotency_key())

    replay = services.record_checkin(carol, {"day": today, "pain": 6}, KEY)

    assert replay.replayed and replay.checkin.pain == 3
    assert CheckIn.objects.get().pain == 3


def test_a_replay_still_carries_the_warning_sign_verdict(carol: User) -> None:
    body = {"day": date.today().isoformat(), "pain": 6, "new_red_flags": ["saddle_numbness"]}
    services.record_checkin(carol, body, KEY)

    replay = services.record_checkin(carol, body, KEY)

    assert replay.replayed and replay.triage is not None
    assert replay.triage.level == "emergency"


def test_keys_belong_to_one_person(carol: User) -> None:
    dave = User.objects.create_user("dave@example.com", "dave@example.com", "long pass 1234")
    today = date.today().isoformat()
    services.record_checkin(carol, {"day": today, "pain": 4}, KEY)

    theirs = services.record_checkin(dave, {"day": today, "pain": 2}, KEY)

    assert theirs.created and not theirs.replayed
    assert CheckIn.objects.get(user=dave).pain == 2 and CheckIn.objects.get(user=carol).pain == 4


def test_without_a_key_the_day_is_simply_replaced(carol: User) -> None:
    today = date.today().isoformat()
    services.record_checkin(carol, {"day": today, "pain": 4})
    again = services.record_checkin(carol, {"day": today, "pain": 5})
    assert not again.replayed and CheckIn.objects.get().pain == 5
    assert not CheckInKey.objects.exists()


@pytest.mark.parametrize("bad", ["short", "has spaces in it, sixteen+", "ä" * 20, "x" * 65])
def test_a_malformed_key_is_refused_by_name(bad: str) -> None:
    with pytest.raises(JournalError) as refused:
        parse_idempotency_key(bad)
    assert refused.value.problems[0][0] == "idempotency_key"


def test_no_key_and_a_uuid_are_both_fine() -> None:
    assert parse_idempotency_key(None) is None and parse_idempotency_key("") is None
    fresh = new_idempotency_key()
    assert parse_idempotency_key(fresh) == fresh and fresh != new_idempotency_key()


def test_the_api_answers_a_replay_with_200_and_replayed_true(client: Client, carol: User) -> None:
    token = create_token(carol, "phone")[1]
    body = {"day": date.today().isoformat(), "pain": 5, "sessions_done": 1}

    first = _api_post(client, token, body, KEY)
    stored = CheckIn.objects.get()
    second = _api_post(client, token, body, KEY)

    assert first.status_code == 201 and first.json()["replayed"] is False
    assert second.status_code == 200 and second.json()["replayed"] is True
    assert second.json()["id"] == first.json()["id"]
    assert CheckIn.objects.count() == 1
    assert CheckIn.objects.get().updated == stored.updated  # not written again


def test_the_api_names_a_malformed_key(client: Client, carol: User) -> None:
    token = create_token(carol, "phone")[1]
    response = _api_post(client, token, {"day": date.today().isoformat(), "pain": 5}, "nope")
    assert response.status_code == 422
    assert "idempotency" in response.json()["errors"][0]["field"].lower().replace("-", "_")
    assert not CheckIn.objects.exists()


def test_the_api_documents_the_key(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/checkins"]["post"]
    assert "Idempotency-Key" in operation["description"]
    header = next(p for p in operation["parameters"] if p["in"] == "header")
    assert header["name"] == "Idempotency-Key" and not header.get("required", False)


def test_the_check_in_form_sent_twice_is_one_check_in(client: Client, carol: User) -> None:
    client.force_login(carol)
    page = client.get("/journal/checkin/").content.decode()
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page)
    assert key is not None
    form = {"day": date.today().isoformat(), "pain": 4, "idempotency_key": key.group(1)}

    client.post("/journal/checkin/", form)
    again = client.post("/journal/checkin/", form, follow=True)

    assert "was already saved" in again.content.decode()
    assert CheckIn.objects.count() == 1 and CheckInKey.objects.count() == 1


def test_each_check_in_form_gets_its_own_key(client: Client, carol: User) -> None:
    client.force_login(carol)
    keys = {
        re.findall(r'name="idempotency_key" value="([^"]+)"', client.get(url).content.decode())[0]
        for url in ("/journal/checkin/", "/journal/checkin/")
    }
    assert len(keys) == 2
