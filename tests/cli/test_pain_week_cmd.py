"""``spinewise pain-week``: the weekly pain-interference rating in a terminal, and the
outcomes table in ``spinewise progress``."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from typer.testing import CliRunner

from spinewise.cli.main import app
from spinewise.core.intake import parse_intake
from spinewise.core.journal import DailyEntry
from spinewise.core.plan import Preferences
from spinewise.web.assessments.services import save_assessment
from spinewise.web.journal import services
from spinewise.web.journal.models import InterferenceEntry
from spinewise.web.programmes.services import create_programme

pytestmark = pytest.mark.django_db(transaction=True)
VIGNETTES = Path(__file__).parents[1] / "vignettes"
runner = CliRunner(env={"SPINEWISE_USER": None})


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPINEWISE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _person(email: str) -> User:
    """An assessment, a programme from two weeks ago and a week-1 pain rating of 8, 7, 8."""
    user = User.objects.create_user(email, email, "a long passphrase 123")
    saved = save_assessment(user, parse_intake(json.loads((VIGNETTES / "P01.json").read_text())))
    today = services.today_for(user)
    start = services.week_start_of(today) - timedelta(weeks=2)
    create_programme(user, saved, Preferences(timezone="UTC"), start)
    services.record_checkin(user, DailyEntry(day=start, pain=6, sessions_done=1))
    services.save_interference(
        user, {"week_start": start, "pain": 8, "enjoyment": 7, "activity": 8}
    )
    return user


def test_a_rating_is_saved_scored_and_replaced_by_a_second_the_same_week() -> None:
    first = runner.invoke(app, ["pain-week", "--pain", "6", "--enjoyment", "5", "--activity", "7"])
    assert first.exit_code == 0, first.output
    assert "6 out of 10" in _flat(first.output)
    again = runner.invoke(app, ["pain-week", "--pain", "2", "--enjoyment", "2", "--activity", "2"])
    assert again.exit_code == 0
    assert [(e.pain, e.activity) for e in InterferenceEntry.objects.all()] == [(2, 2)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pain", "4"], "enjoyment"),
        (["--pain", "4", "--enjoyment", "4", "--activity", "11"], "activity"),
        (["--pain", "1", "--enjoyment", "1", "--activity", "1", "--week", "2999-01-01"], "week"),
        ([], "give --pain"),
    ],
)
def test_a_bad_rating_exits_2_naming_the_field_and_saves_nothing(
    args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["pain-week", *args])
    assert result.exit_code == 2
    assert message in _flat(result.output)
    assert not InterferenceEntry.objects.exists()


def test_a_rating_can_be_deleted_once() -> None:
    runner.invoke(app, ["pain-week", "--pain", "6", "--enjoyment", "5", "--activity", "7"])
    assert runner.invoke(app, ["pain-week", "--delete"]).exit_code == 0
    assert not InterferenceEntry.objects.exists()
    assert runner.invoke(app, ["pain-week", "--delete"]).exit_code == 2


def test_progress_shows_the_outcomes_table_with_the_meaningful_change_marked() -> None:
    user = _person("dee@example.com")
    rated = runner.invoke(
        app,
        ["pain-week", "--pain", "3", "--enjoyment", "3", "--activity", "4", "--user", user.email],
    )
    assert rated.exit_code == 0, rated.output
    result = runner.invoke(app, ["progress", "--user", user.email])
    text = _flat(result.output)
    assert result.exit_code == 0, result.output
    assert "Your outcomes" in text and "Pain interference" in text
    assert "yes, better" in text
    assert "Borrowed from the 0-10 pain scale" in text
