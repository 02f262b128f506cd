"""The daily check-in follows the person's assessment: leg pain is rated when the pain
spreads into a leg, pregnancy signs are re-asked in pregnancy, and every warning sign is
offered in its group (issue 9: daily re-triage that can catch what matters)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from typer.testing import CliRunner

from spinewise.core.checkin import CHECKIN_GROUPS
from spinewise.core.intake import PregnancySigns, parse_intake
from spinewise.web.assessments.services import save_assessment
from spinewise.web.journal import services
from spinewise.web.journal.models import CheckIn

pytestmark = pytest.mark.django_db
VIGNETTES = Path(__file__).parents[1] / "vignettes"


def _person(vignette: str, **changes: Any) -> User:
    user = User.objects.create_user(f"{vignette}@example.com", f"{vignette}@example.com", "x")
    data = json.loads((VIGNETTES / f"{vignette}.json").read_text())
    data.update(changes)
    save_assessment(user, parse_intake(data))
    return user


def _page(client: Client, user: User) -> str:
    client.force_login(user)
    return client.get("/journal/checkin/").content.decode()


def test_leg_pain_is_rated_only_when_the_pain_spreads_into_a_leg(client: Client) -> None:
    assert 'name="leg_pain"' in _page(client, _person("P03"))  # sciatica to the foot
    assert 'name="leg_pain"' not in _page(client, _person("P02"))  # back only


def test_a_leg_pain_rating_is_saved(client: Client) -> None:
    user = _person("P03")
    client.force_login(user)
    today = services.today_for(user).isoformat()
    response = client.post("/journal/checkin/", {"day": today, "pain": "4", "leg_pain": "6"})
    assert response.status_code == 302
    assert CheckIn.objects.get(user=user).leg_pain == 6


def test_every_warning_sign_group_is_offered(client: Client) -> None:
    page = _page(client, _person("P02"))
    for group in CHECKIN_GROUPS:
        assert group.question.replace("'", "&#x27;") in page
        for name in group.flags:
            assert f'value="{name}"' in page


def test_pregnancy_signs_are_offered_only_in_pregnancy(client: Client) -> None:
    signs = dict.fromkeys(PregnancySigns.model_fields, False)
    pregnant = _person("P02", sex="female", pregnant_weeks=24, pregnancy=signs)
    assert 'value="bleeding"' in _page(client, pregnant)
    assert 'value="bleeding"' not in _page(Client(), _person("P01"))


def test_new_leg_weakness_at_a_web_check_in_is_urgent(client: Client) -> None:
    user = _person("P03")
    client.force_login(user)
    today = services.today_for(user).isoformat()
    response = client.post(
        "/journal/checkin/", {"day": today, "pain": "4", "new_red_flags": ["leg_weakness"]}
    )
    assert response.status_code == 200
    assert "Get medical help today" in response.content.decode()


def test_the_cli_takes_leg_pain_too(tmp_path: Path) -> None:
    from spinewise.cli.main import app

    user = _person("P03")
    result = CliRunner().invoke(
        app, ["checkin", "--pain", "3", "--leg-pain", "5", "--user", user.email]
    )
    assert result.exit_code == 0, result.output
    assert CheckIn.objects.get(user=user, day=services.today_for(user)).leg_pain == 5
    assert date.today()  # the day is the person's own today
