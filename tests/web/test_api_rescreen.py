"""POST /api/v1/programmes/{id}/rescreens and `spinewise rescreen`: the same change."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from spinewise.core.intake import parse_intake
from spinewise.core.plan import Preferences
from spinewise.web.assessments.services import save_assessment
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.selectors import today_for
from spinewise.web.programmes.services import create_programme

pytestmark = pytest.mark.django_db
VIGNETTES = Path(__file__).parents[1] / "vignettes"
WORRIED = {
    "leg_pain": "yes", "pain_elsewhere": "no", "daily_tasks": "quite_a_lot",
    "fear_of_harm": "yes", "worry": "often", "catastrophising": "often",
    "low_mood": "mostly", "bothersome": "a_lot",
}  # fmt: skip


def _programme(email: str, weeks_ago: int = 2) -> SavedProgramme:
    user = get_user_model().objects.create_user(email, email, "a long pass 123")
    intake = parse_intake(json.loads((VIGNETTES / "S02.json").read_text()))
    start = today_for(user) - timedelta(weeks=weeks_ago)
    return create_programme(user, save_assessment(user, intake), Preferences(timezone="UTC"), start)


def _post(client: Client, saved: SavedProgramme, body: dict[str, Any]) -> Any:
    return client.post(
        f"/api/v1/programmes/{saved.pk}/rescreens",
        data=json.dumps(body),
        content_type="application/json",
    )


def test_a_week_3_rescreen_changes_the_pathway_and_says_why(client: Client) -> None:
    saved = _programme("a@example.com")
    client.force_login(saved.user)
    response = _post(client, saved, {"week": 3, "answers": WORRIED})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["rescreen"]["before"] == "medium" and body["pathway"]["id"] == "high"
    assert body["pathway"]["reasons"][0] == body["rescreen"]["reason"]
    stored = SavedProgramme.objects.get(pk=saved.pk).programme
    assert stored.pathway is not None and stored.pathway.id == "high"
    assert stored.weeks[3].lessons


def test_before_week_3_or_with_bad_answers_it_is_422_naming_the_field(client: Client) -> None:
    saved = _programme("b@example.com", weeks_ago=1)
    client.force_login(saved.user)
    early = _post(client, saved, {"week": 3, "answers": WORRIED})
    assert early.status_code == 422
    assert "week" in json.dumps(early.json())
    bad = _post(client, saved, {"week": "3", "answers": WORRIED})
    assert bad.status_code == 422


def test_someone_elses_programme_is_404(client: Client) -> None:
    saved = _programme("c@example.com")
    other = get_user_model().objects.create_user("d", "d@example.com", "a long pass 123")
    client.force_login(other)
    assert _post(client, saved, {"week": 3, "answers": WORRIED}).status_code == 404
