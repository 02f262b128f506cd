"""``spinewise rescreen``: the recovery screen again from the terminal."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from typer.testing import CliRunner

from spinewise.cli.main import app
from spinewise.core.intake import parse_intake
from spinewise.core.plan import Preferences
from spinewise.web.assessments.services import save_assessment
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.selectors import today_for
from spinewise.web.programmes.services import create_programme

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner(env={"SPINEWISE_USER": None})
VIGNETTES = Path(__file__).parents[1] / "vignettes"
SETTLED = [
    "leg_pain=no", "pain_elsewhere=no", "daily_tasks=a_little", "fear_of_harm=no",
    "worry=rarely", "catastrophising=rarely", "low_mood=rarely", "bothersome=slightly",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPINEWISE_DATA_DIR", str(tmp_path / "data"))


def _high_risk_programme() -> SavedProgramme:
    user = get_user_model().objects.create_user("h", "h@example.com", "a long pass 123")
    intake = parse_intake(json.loads((VIGNETTES / "S03.json").read_text()))
    start = today_for(user) - timedelta(weeks=2)
    return create_programme(user, save_assessment(user, intake), Preferences(timezone="UTC"), start)


def test_rescreen_with_answers_moves_the_pathway_and_prints_the_reason() -> None:
    saved = _high_risk_programme()
    args = ["rescreen", "--week", "3", "--user", "h@example.com"]
    result = runner.invoke(app, [*args, *(f"-a{pair}" for pair in SETTLED)])
    assert result.exit_code == 0, result.output
    assert "At week 3 your answers moved you to the light-touch plan" in result.stdout
    stored = SavedProgramme.objects.get(pk=saved.pk).programme
    assert stored.pathway is not None and stored.pathway.id == "low"


def test_rescreen_asks_each_question_when_no_answers_are_given() -> None:
    _high_risk_programme()
    typed = "\n".join(["1"] * 8) + "\n"  # the first choice of each: no risk factor
    result = runner.invoke(app, ["rescreen", "--week", "3", "--user", "h@example.com"], input=typed)
    assert result.exit_code == 0, result.output
    assert "light-touch plan" in result.stdout


def test_a_wrong_week_exits_2_naming_it() -> None:
    _high_risk_programme()
    result = runner.invoke(
        app, ["rescreen", "--week", "4", "--user", "h@example.com", *(f"-a{p}" for p in SETTLED)]
    )
    assert result.exit_code == 2 and "week" in result.stderr
