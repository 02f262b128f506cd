"""One person cannot store hundreds of records a minute (issue 12.7): 429 past the limit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from spinewise.core.intake import parse_intake
from spinewise.web.api.models import ApiToken
from spinewise.web.assessments.services import save_assessment
from spinewise.web.programmes.models import SavedProgramme

pytestmark = pytest.mark.django_db
P01 = json.loads((Path(__file__).parents[1] / "vignettes" / "P01.json").read_text())


@override_settings(SPINEWISE_WRITES_PER_HOUR=3)
def test_the_api_stops_saving_programmes_past_the_hourly_limit(owner_client: Client) -> None:
    codes = [
        owner_client.post(
            "/api/v1/programmes", json.dumps({"intake": P01}), content_type="application/json"
        ).status_code
        for _ in range(4)
    ]
    refused = owner_client.post(
        "/api/v1/programmes", json.dumps({"intake": P01}), content_type="application/json"
    )

    assert codes == [201, 201, 201, 429]
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "try again" in refused.json()["detail"]
    assert SavedProgramme.objects.count() == 3


@override_settings(SPINEWISE_WRITES_PER_HOUR=2)
def test_the_web_explains_the_limit_instead_of_failing(owner_client: Client, user: User) -> None:
    saved = save_assessment(user, parse_intake(P01))
    form = {
        "assessment": saved.pk, "minutes_per_day": 15, "days_per_week": 5,
        "fitness": "average", "session_time": "18:00", "timezone": "UTC",
        "start": "2026-11-30",
    }  # fmt: skip
    for _ in range(2):
        assert owner_client.post("/programme/new/", form).status_code == 302
    response = owner_client.post("/programme/new/", form)

    assert response.status_code == 429
    assert "Please wait a little" in response.content.decode()


@override_settings(SPINEWISE_WRITES_PER_HOUR=2)
def test_tokens_are_limited_too(owner_client: Client) -> None:
    codes = [
        owner_client.post("/accounts/tokens/", {"name": f"t{n}"}).status_code for n in range(3)
    ]
    assert codes == [200, 200, 429]
    assert ApiToken.objects.count() == 2


@override_settings(SPINEWISE_WRITES_PER_HOUR=1)
def test_another_persons_writes_do_not_count(owner_client: Client) -> None:
    other = User.objects.create_user("o@example.com", "o@example.com", "x")
    save_assessment(other, parse_intake(P01))
    response = owner_client.post(
        "/api/v1/assessments?save=true", json.dumps(P01), content_type="application/json"
    )
    assert response.status_code == 201
