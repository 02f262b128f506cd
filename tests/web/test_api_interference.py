"""The weekly pain-interference rating and the outcomes in the JSON API (like /api/v1/psfs)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from spinewise.core.journal import week_start_of
from spinewise.web.api.services import create_token
from spinewise.web.journal.models import InterferenceEntry

pytestmark = pytest.mark.django_db
THIS_WEEK = week_start_of(date.today())


@pytest.fixture
def token() -> str:
    user = User.objects.create_user("carol@example.com", "carol@example.com", "long pass 1234")
    return create_token(user, "phone")[1]


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def post(client: Client, token: str, body: dict[str, Any]) -> Any:
    return client.post(
        "/api/v1/pain-interference", body, content_type="application/json", headers=auth(token)
    )


def test_a_rating_is_scored_as_the_mean_and_a_re_rating_of_the_week_replaces_it(
    client: Client, token: str
) -> None:
    body = {"week_start": THIS_WEEK.isoformat(), "pain": 6, "enjoyment": 4, "activity": 5}
    first = post(client, token, body)
    assert first.status_code == 201
    assert first.json()["mean"] == 5.0 and first.json()["band"]
    again = post(client, token, {**body, "week_start": date.today().isoformat(), "pain": 3})
    assert again.status_code == 201 and again.json()["week_start"] == THIS_WEEK.isoformat()
    listed = client.get("/api/v1/pain-interference", headers=auth(token)).json()
    assert [(r["pain"], r["mean"]) for r in listed] == [(3, 4.0)]


def test_bad_ratings_are_422_naming_each_field(client: Client, token: str) -> None:
    response = post(client, token, {"week_start": THIS_WEEK.isoformat(), "pain": 11})
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"pain", "enjoyment", "activity"} <= fields
    future = (THIS_WEEK + timedelta(weeks=1)).isoformat()
    late = post(client, token, {"week_start": future, "pain": 1, "enjoyment": 1, "activity": 1})
    assert late.status_code == 422 and late.json()["errors"][0]["field"] == "week_start"
    assert not InterferenceEntry.objects.exists()


def test_a_rating_can_be_deleted_once(client: Client, token: str) -> None:
    body = {"week_start": THIS_WEEK.isoformat(), "pain": 6, "enjoyment": 4, "activity": 5}
    post(client, token, body)
    url = f"/api/v1/pain-interference/{THIS_WEEK.isoformat()}"
    assert client.delete(url, headers=auth(token)).status_code == 204
    assert client.delete(url, headers=auth(token)).status_code == 404


def test_outcomes_list_the_four_measures_with_their_thresholds(client: Client, token: str) -> None:
    post(
        client,
        token,
        {"week_start": THIS_WEEK.isoformat(), "pain": 6, "enjoyment": 4, "activity": 5},
    )
    outcomes = client.get("/api/v1/outcomes", headers=auth(token)).json()
    ids = [m["id"] for m in outcomes["measures"]]
    assert ids == ["pain_interference", "recovery_screen", "psfs", "adherence"]
    interference = outcomes["measures"][0]
    assert interference["points"][0]["value"] == 5.0
    assert "ostelo_2008" in interference["threshold"]["sources"]


def test_without_a_token_nothing_is_shown(client: Client) -> None:
    assert client.get("/api/v1/pain-interference").status_code == 401
    assert client.get("/api/v1/outcomes").status_code == 401
