"""The same person gets the same pathway, with the same reasons, in the web, CLI and API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from test_web_assessment import answer_steps
from typer.testing import CliRunner

from spinewise.cli.main import app
from spinewise.core.assessment import assess
from spinewise.core.intake import load_intake

pytestmark = pytest.mark.django_db
VIGNETTES = Path(__file__).parents[1] / "vignettes"
EXPECTED = {"S01": "low", "S02": "medium", "S03": "high", "S04": "medium"}
runner = CliRunner()


@pytest.mark.parametrize(("case", "pathway"), EXPECTED.items())
def test_cli_json_and_api_give_the_same_pathway(client: Client, case: str, pathway: str) -> None:
    path = VIGNETTES / f"{case}.json"
    cli = runner.invoke(app, ["assess", "--answers", str(path), "--json"])
    assert cli.exit_code == 0, cli.stdout
    from_cli = json.loads(cli.stdout)["pathway"]
    api = client.post(
        "/api/v1/assessments", data=path.read_bytes(), content_type="application/json"
    )
    assert api.status_code == 200
    assert from_cli["id"] == pathway
    assert api.json()["pathway"] == from_cli


@pytest.mark.parametrize("case", ["S01", "S02", "S03"])
def test_the_web_result_shows_the_pathway_and_its_reasons(client: Client, case: str) -> None:
    answer_steps(client, case)
    body = client.get("/assessment/result/").content.decode()
    pathway = assess(load_intake(VIGNETTES / f"{case}.json")).pathway
    assert pathway is not None
    assert f"Your plan's pathway: {pathway.name}" in body
    for reason in pathway.reasons:
        assert reason.replace("'", "&#x27;") in body


def test_the_cli_text_result_shows_the_pathway_and_the_physio_advice() -> None:
    result = runner.invoke(app, ["assess", "--answers", str(VIGNETTES / "S03.json")])
    assert result.exit_code == 0
    assert "Your plan's pathway: Exercise programme with extra support" in result.stdout
    assert "physiotherapist" in result.stdout


def _plan_page(client: Client, case: str) -> str:
    from datetime import date

    from django.contrib.auth import get_user_model

    from spinewise.core.intake import parse_intake
    from spinewise.core.plan import Preferences
    from spinewise.web.assessments.services import save_assessment
    from spinewise.web.programmes.services import create_programme

    user = get_user_model().objects.create_user(case, f"{case}@example.com", "a long pass 123")
    intake = parse_intake(json.loads((VIGNETTES / f"{case}.json").read_text()))
    saved = create_programme(
        user, save_assessment(user, intake), Preferences(timezone="UTC"), date.today()
    )
    client.force_login(user)
    return str(client.get(f"/programme/{saved.pk}/").content.decode())


def test_a_high_risk_person_sees_this_weeks_lesson_and_task_on_the_plan(client: Client) -> None:
    body = _plan_page(client, "S03")
    assert "This week's lesson" in body and "Hurt does not mean harm" in body
    assert "Your task this week:" in body and "physiotherapist" in body


def test_a_low_risk_person_sees_a_lighter_plan_without_lessons(client: Client) -> None:
    body = _plan_page(client, "S01")
    assert "Light-touch plan" in body
    assert "This week's lesson" not in body


def _saved_plan(case: str, weeks_ago: int) -> Any:
    from datetime import timedelta

    from django.contrib.auth import get_user_model

    from spinewise.core.intake import parse_intake
    from spinewise.core.plan import Preferences
    from spinewise.web.assessments.services import save_assessment
    from spinewise.web.programmes.selectors import today_for
    from spinewise.web.programmes.services import create_programme

    user = get_user_model().objects.create_user(case, f"{case}@example.com", "a long pass 123")
    intake = parse_intake(json.loads((VIGNETTES / f"{case}.json").read_text()))
    start = today_for(user) - timedelta(weeks=weeks_ago)
    return create_programme(user, save_assessment(user, intake), Preferences(timezone="UTC"), start)


def test_at_week_3_the_plan_offers_the_recovery_questions_again(client: Client) -> None:
    saved = _saved_plan("S02", weeks_ago=2)
    client.force_login(saved.user)
    body = client.get(f"/programme/{saved.pk}/").content.decode()
    assert f"/programme/{saved.pk}/rescreen/3/" in body
    form = client.get(f"/programme/{saved.pk}/rescreen/3/").content.decode()
    assert "In the last two weeks, has pain travelled from your back" in form


def test_answering_again_moves_the_pathway_and_the_plan_says_why(client: Client) -> None:
    saved = _saved_plan("S02", weeks_ago=2)
    client.force_login(saved.user)
    worried = {
        "recovery__leg_pain": "yes", "recovery__pain_elsewhere": "no",
        "recovery__daily_tasks": "quite_a_lot", "recovery__fear_of_harm": "yes",
        "recovery__worry": "often", "recovery__catastrophising": "often",
        "recovery__low_mood": "mostly", "recovery__bothersome": "a_lot",
    }  # fmt: skip
    response = client.post(f"/programme/{saved.pk}/rescreen/3/", worried)
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert "At week 3 your answers moved you to the exercise programme with extra support" in body
    assert f"/programme/{saved.pk}/rescreen/3/" not in body  # asked once


def test_a_rescreen_before_its_week_or_half_answered_is_refused(client: Client) -> None:
    saved = _saved_plan("S02", weeks_ago=1)
    client.force_login(saved.user)
    assert "/rescreen/" not in client.get(f"/programme/{saved.pk}/").content.decode()
    half = {f"recovery__{q}": "no" for q in ("leg_pain", "pain_elsewhere")}
    assert client.post(f"/programme/{saved.pk}/rescreen/3/", half).status_code == 400
    items = ("leg_pain", "pain_elsewhere", "daily_tasks", "fear_of_harm", "worry",
             "catastrophising", "low_mood", "bothersome")  # fmt: skip
    first_choice = {f"recovery__{q}": ("no" if q in ("leg_pain", "pain_elsewhere", "fear_of_harm")
                    else "rarely" if q in ("worry", "catastrophising", "low_mood")
                    else "not_at_all") for q in items}  # fmt: skip
    early = client.post(f"/programme/{saved.pk}/rescreen/3/", first_choice)
    assert early.status_code == 400 and "week 3 starts on" in early.content.decode()
    assert client.get(f"/programme/{saved.pk}/rescreen/4/").status_code == 404
