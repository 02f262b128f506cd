"""No copy of a personal page is kept by any cache; the CSRF cookie is readable as the API
says (issue 12.7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from spinewise.web.accounts.backends import BACKEND
from spinewise.web.api.services import create_token

pytestmark = pytest.mark.django_db
P01 = json.loads((Path(__file__).parents[1] / "vignettes" / "P01.json").read_text())

PERSONAL_PAGES = [
    "/accounts/",
    "/accounts/data/",
    "/accounts/tokens/",
    "/assessment/saved/",
    "/journal/",
    "/journal/checkin/",
    "/journal/history/",
    "/journal/export/csv/",
    "/accounts/data/download/",
]


@pytest.mark.parametrize("path", PERSONAL_PAGES)
def test_personal_pages_are_never_stored(owner_client: Client, path: str) -> None:
    response = owner_client.get(path)
    assert response.status_code == 200, path
    assert response["Cache-Control"] == "no-store"


def test_api_json_with_personal_data_is_never_stored(user: User) -> None:
    _, raw = create_token(user, "phone")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    for path in ("/api/v1/checkins", "/api/v1/assessments", "/api/v1/tokens"):
        assert client.get(path)["Cache-Control"] == "no-store", path
    answer = client.post("/api/v1/assessments", json.dumps(P01), content_type="application/json")
    assert answer["Cache-Control"] == "no-store"


def test_an_anonymous_persons_answers_are_never_stored(client: Client) -> None:
    assert client.get("/assessment/")["Cache-Control"] == "no-store"


def test_public_pages_keep_their_own_caching(client: Client) -> None:
    from spinewise.core.exercises import load_exercises

    drawing = client.get(f"/exercises/{next(iter(load_exercises()))}.svg")
    assert "public" in drawing["Cache-Control"]


def test_a_browser_script_can_follow_the_apis_csrf_instructions(user: User) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user, backend=BACKEND)
    browser.get("/accounts/tokens/")  # any page with a form sets the cookie
    cookie = browser.cookies["csrftoken"]

    assert not cookie["httponly"]  # a script can read it, as the API text says
    response = browser.post(
        "/api/v1/tokens",
        json.dumps({"name": "from a script"}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=cookie.value,
    )
    assert response.status_code == 201
