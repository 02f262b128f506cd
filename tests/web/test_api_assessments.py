"""POST /api/v1/assessments: the CLI's JSON contract over HTTP, with every bad field named."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from spinewise.core.assessment import assess
from spinewise.core.intake import parse_intake
from spinewise.web.assessments.models import SavedAssessment

pytestmark = pytest.mark.django_db

URL = "/api/v1/assessments"
VIGNETTES = Path(__file__).parents[1] / "vignettes"


def vignette(vignette_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VIGNETTES / f"{vignette_id}.json").read_text())
    return data


def post_json(client: Client, url: str, body: object, **extra: Any) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json", **extra)


def test_curl_example_p08_is_an_emergency(client: Client) -> None:
    # curl -X POST localhost:8000/api/v1/assessments -d @tests/vignettes/P08.json
    raw = (VIGNETTES / "P08.json").read_bytes()
    response = client.post(URL, data=raw, content_type="application/json")

    assert response.status_code == 200
    body = response.json()
    assert body["triage"]["level"] == "emergency"
    assert "999" in body["triage"]["advice"]
    assert body["triage"]["reasons"]
    assert body["causes"] == [] and body["mistakes"] == []
    assert "id" not in body


def test_p07_cauda_equina_signs_are_an_emergency(client: Client) -> None:
    body = post_json(client, URL, vignette("P07")).json()

    assert body["triage"]["level"] == "emergency"
    assert body["causes"] == []


def test_p01_is_self_care_with_ranked_causes_and_mistakes(client: Client) -> None:
    body = post_json(client, URL, vignette("P01")).json()

    assert body["triage"]["level"] == "self_care"
    assert body["region"] == "both"
    assert body["causes"], "a self-care result explains what is probably going on"
    scores = [cause["score"] for cause in body["causes"]]
    assert scores == sorted(scores, reverse=True)
    assert {"id", "name", "score", "reasons"} <= set(body["causes"][0])
    assert {"id", "name", "reasons", "tip"} <= set(body["mistakes"][0])


@pytest.mark.parametrize("vignette_id", [f"P{n:02d}" for n in range(1, 23)])
def test_body_is_exactly_the_cli_contract(client: Client, vignette_id: str) -> None:
    data = vignette(vignette_id)

    response = post_json(client, URL, data)

    assert response.status_code == 200
    assert response.json() == assess(parse_intake(data)).to_json_dict()


def test_invalid_intake_names_every_bad_field(client: Client) -> None:
    data = vignette("P01")
    data["age"] = "thirty"
    data["sex"] = "unknown"
    del data["red_flags"]["fever"]
    data["habits"]["stress"] = 11

    response = post_json(client, URL, data)

    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "invalid request"
    fields = {error["field"] for error in body["errors"]}
    assert fields == {"age", "sex", "red_flags.fever", "habits.stress"}
    assert all(error["message"] for error in body["errors"])


def test_missing_safety_answers_are_rejected_not_assumed_no(client: Client) -> None:
    data = vignette("P01")
    data["red_flags"] = {}

    body = post_json(client, URL, data).json()

    assert len(body["errors"]) == len(vignette("P01")["red_flags"])


@pytest.mark.parametrize(
    "raw", [b"{not json", b"   ", b'{"age": NaN}', b"\xff\xfe\x00", b"[" * 100_000]
)
def test_malformed_json_is_a_400_with_a_reason(client: Client, raw: bytes) -> None:
    response = client.post(URL, data=raw, content_type="application/json")

    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


@pytest.mark.parametrize("body", [[], "intake", 42, None])
def test_json_that_is_not_an_object_is_422(client: Client, body: object) -> None:
    response = post_json(client, URL, body)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "(body)"


def test_an_empty_body_names_the_missing_body(client: Client) -> None:
    response = client.post(URL, data=b"", content_type="application/json")

    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "(body)", "message": "Field required"}]


def test_anonymous_needs_no_csrf_token() -> None:
    strict = Client(enforce_csrf_checks=True)

    response = post_json(strict, URL, vignette("P01"))

    assert response.status_code == 200


def test_saving_needs_authentication(client: Client) -> None:
    response = post_json(client, f"{URL}?save=true", vignette("P01"))

    assert response.status_code == 401
    assert "authentication" in response.json()["detail"]
    assert SavedAssessment.objects.count() == 0


def test_signed_in_save_stores_it_and_returns_the_id(owner_client: Client, user: User) -> None:
    data = vignette("P01")

    response = post_json(owner_client, f"{URL}?save=true", data)

    assert response.status_code == 201
    body = response.json()
    saved = SavedAssessment.objects.get(user=user)
    assert body["id"] == saved.pk
    assert body["created"]
    expected = assess(parse_intake(data)).to_json_dict()
    assert {key: body[key] for key in expected} == expected

    listed = owner_client.get(URL).json()
    assert listed == [
        {"id": saved.pk, "created": body["created"], "level": "self_care", "region": "both"}
    ]
    detail = owner_client.get(f"{URL}/{saved.pk}").json()
    assert detail["id"] == saved.pk
    assert detail["triage"] == body["triage"]


def test_without_save_nothing_is_stored_even_when_signed_in(owner_client: Client) -> None:
    response = post_json(owner_client, URL, vignette("P01"))

    assert response.status_code == 200
    assert "id" not in response.json()
    assert SavedAssessment.objects.count() == 0


def test_saved_emergency_is_listed_with_its_level(owner_client: Client) -> None:
    post_json(owner_client, f"{URL}?save=true", vignette("P08"))

    listed = owner_client.get(URL).json()

    assert [item["level"] for item in listed] == ["emergency"]
    assert listed[0]["region"] == "upper"


def test_invalid_save_flag_is_422(client: Client) -> None:
    response = post_json(client, f"{URL}?save=perhaps", copy.deepcopy(vignette("P01")))

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "save"
