"""``spinewise checkin`` and ``progress``, and the local profile they act for."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner

from spinewise.cli.main import app
from spinewise.cli.profile import LOCAL_EMAIL
from spinewise.core.intake import parse_intake
from spinewise.core.journal import DailyEntry, PsfsActivity
from spinewise.core.plan import Preferences
from spinewise.web.accounts.backends import BACKEND
from spinewise.web.assessments.services import save_assessment
from spinewise.web.journal import services
from spinewise.web.journal.models import CheckIn
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


def _checkins() -> list[CheckIn]:
    return list(CheckIn.objects.order_by("day"))


def _with_history(email: str, days: int = 21) -> User:
    """An assessment (P01, pain 5), a programme from ``days`` days ago and falling pain."""
    user = User.objects.create_user(email, email, "a long passphrase 123")
    intake = parse_intake(json.loads((VIGNETTES / "P01.json").read_text()))
    saved = save_assessment(user, intake)
    start = services.today_for(user) - timedelta(days=days)
    create_programme(user, saved, Preferences(timezone="UTC"), start)
    for offset in range(days):
        pain = 5 if offset < 7 else 2
        services.record_checkin(
            user, DailyEntry(day=start + timedelta(days=offset), pain=pain, sessions_done=1)
        )
    services.save_psfs(user, start, [PsfsActivity(name="Sitting", score=3)])
    later = min(start + timedelta(days=14), services.today_for(user))  # never a future week
    services.save_psfs(user, later, [PsfsActivity(name="Sitting", score=7)])
    return user


def test_without_accounts_a_check_in_creates_the_local_profile_and_saves() -> None:
    result = runner.invoke(app, ["checkin", "--pain", "4", "--sessions", "1", "--note", "ok"])
    assert result.exit_code == 0, result.output
    assert "Created a local profile" in result.stderr
    assert f"changepassword {LOCAL_EMAIL}" in _flat(result.stderr)
    assert "Saved check-in for" in result.stdout
    user = User.objects.get()
    assert user.username == LOCAL_EMAIL and not user.has_usable_password()
    (saved,) = _checkins()
    assert (saved.pain, saved.sessions_done, saved.note) == (4, 1, "ok")


def test_a_second_check_in_the_same_day_replaces_the_first() -> None:
    assert runner.invoke(app, ["checkin", "--pain", "6"]).exit_code == 0
    result = runner.invoke(app, ["checkin", "--pain", "3", "--worst", "5", "--flare-up"])
    assert result.exit_code == 0, result.output
    assert "replaced" in _flat(result.stdout)
    assert "Created a local profile" not in result.output
    (saved,) = _checkins()
    assert (saved.pain, saved.worst, saved.flare_up) == (3, 5, True)


def test_back_filling_works_and_the_average_is_compared() -> None:
    today = timezone.localdate()  # the day a person without a programme is on
    yesterday = (today - timedelta(days=1)).isoformat()
    assert runner.invoke(app, ["checkin", "--pain", "6", "--day", yesterday]).exit_code == 0
    result = runner.invoke(app, ["checkin", "--pain", "2"])
    assert result.exit_code == 0, result.output
    assert "below your 7-day average of 4" in _flat(result.stdout)
    assert [(c.day, c.pain) for c in _checkins()] == [
        (today - timedelta(days=1), 6),
        (today, 2),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pain", "3", "--day", "2999-01-01"], "day: 2999-01-01 has not happened yet"),
        (["--pain", "3", "--day", "0001-01-01"], "day: must be on or after"),
        (["--pain", "3", "--note", "a\u0007b"], "note: must not contain control characters"),
        (["--pain", "3", "--day", "yesterday"], "--day must be a date"),
        (["--pain", "11"], "--pain"),
        (["--pain", "3", "--sitting", "25"], "--sitting"),
        (["--pain", "3", "--flag", "headache"], "choose from: saddle_numbness"),
        (["--note", "no pain given"], "--pain is needed"),
    ],
)
def test_bad_check_ins_exit_2_with_a_reason_and_save_nothing(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["checkin", *args])
    assert result.exit_code == 2
    assert message in _flat(result.output)
    assert _checkins() == []


def test_a_new_emergency_sign_shows_the_banner_and_exits_3() -> None:
    result = runner.invoke(app, ["checkin", "--pain", "5", "--flag", "bladder_change"])
    assert result.exit_code == 3
    flat = _flat(result.stdout)
    assert flat.index("EMERGENCY") < flat.index("is saved")
    assert "Call 999" in flat
    (saved,) = _checkins()
    assert saved.new_red_flags == ["bladder_change"]


def test_a_sign_that_needs_a_booking_shows_the_banner_but_exits_0() -> None:
    result = runner.invoke(app, ["checkin", "--pain", "5", "--flag", "urinary_symptoms"])
    assert result.exit_code == 0, result.output
    flat = _flat(result.stdout)
    assert flat.index("BOOK A DOCTOR") < flat.index("Saved check-in")


def test_the_interactive_check_in_asks_everything_and_re_asks_bad_answers() -> None:
    answers = [
        "12",  # out of range: asked again
        "4",  # pain
        "6",  # worst
        "2",  # sessions
        "7.5",  # sitting
        "n",  # flare-up
        "Walked to work",
        "n",  # nerves group
        "y",  # chest group: opens its signs
        *["n"] * 3,
        "y",  # new shortness of breath (the fourth sign of the group)
        *["n"] * 7,
        "n",  # general group
        "n",  # pain group
    ]
    result = runner.invoke(app, ["checkin"], input="\n".join(answers) + "\n")
    flat = _flat(result.stdout)
    assert "whole number from 0 to 10" in flat
    assert "New shortness of breath" in flat and "fever" in flat
    assert result.exit_code == 3, result.output  # breathless: medical help today
    (saved,) = _checkins()
    assert (saved.pain, saved.worst, saved.sessions_done, saved.sitting_hours) == (4, 6, 2, 7.5)
    assert saved.note == "Walked to work" and saved.new_red_flags == ["breathless"]


def test_the_interactive_check_in_offers_the_days_answers_to_keep() -> None:
    assert runner.invoke(app, ["checkin", "--pain", "3", "--sessions", "1"]).exit_code == 0
    result = runner.invoke(app, ["checkin"], input="\n" * 6 + "n\n" * 4)
    assert result.exit_code == 0, result.output
    assert "already checked in" in _flat(result.stdout)
    (saved,) = _checkins()
    assert (saved.pain, saved.sessions_done) == (3, 1)


def test_with_several_accounts_a_command_stops_and_lists_them() -> None:
    for email in ("ann@example.com", "bob@example.com"):
        User.objects.create_user(email, email, "a long passphrase 123")
    result = runner.invoke(app, ["checkin", "--pain", "3"])
    assert result.exit_code == 2
    assert "ann@example.com" in result.stderr and "bob@example.com" in result.stderr
    assert "--user" in result.stderr
    chosen = runner.invoke(app, ["checkin", "--pain", "3", "--user", "BOB@example.com"])
    assert chosen.exit_code == 0, chosen.output
    assert CheckIn.objects.get().user.username == "bob@example.com"
    unknown = runner.invoke(app, ["progress", "--user", "cy@example.com"])
    assert unknown.exit_code == 2 and "no account" in unknown.stderr


def test_progress_without_check_ins_says_how_to_start() -> None:
    result = runner.invoke(app, ["progress"])
    assert result.exit_code == 0, result.output
    assert "No check-ins yet: run spinewise checkin" in result.stdout


def test_progress_shows_the_chart_the_verdict_adherence_psfs_and_reviews() -> None:
    _with_history("pat@example.com")
    result = runner.invoke(app, ["progress"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "10 ┤" in out and " 0 ┤" in out and "█" in out
    flat = _flat(out)
    assert "21 check-ins over 21 days" in flat
    assert "a meaningful improvement" in flat
    assert "Exercise sessions" in flat and "Week" in flat
    assert "Function (PSFS) 7/10" in flat and "a real change" in flat
    assert "Weekly reviews" in flat


def test_progress_json_is_the_summary() -> None:
    _with_history("pat@example.com", days=10)
    result = runner.invoke(app, ["progress", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["entries"] == 10 and len(data["series"]) == 10
    assert data["pain"]["baseline"] == 5.0 and data["pain"]["baseline_source"] == "intake"


def test_what_the_terminal_logs_shows_on_the_web_dashboard() -> None:
    user = User.objects.create_user("web@example.com", "web@example.com", "a long phrase 123")
    yesterday = (services.today_for(user) - timedelta(days=1)).isoformat()
    runner.invoke(app, ["checkin", "--pain", "7", "--day", yesterday])
    assert runner.invoke(app, ["checkin", "--pain", "3"]).exit_code == 0
    client = Client()
    client.force_login(user, backend=BACKEND)
    page = client.get("/journal/")
    assert page.status_code == 200
    assert "2 check-ins over 2 days" in page.content.decode()


def test_a_check_in_can_be_deleted_and_a_missing_one_is_an_error() -> None:
    runner.invoke(app, ["checkin", "--pain", "4"])
    assert len(_checkins()) == 1

    deleted = runner.invoke(app, ["checkin", "--delete"])
    again = runner.invoke(app, ["checkin", "--delete"])

    assert deleted.exit_code == 0 and "Deleted the check-in" in deleted.output
    assert _checkins() == []
    assert again.exit_code == 2 and "no check-in" in again.output


def test_activity_ratings_are_saved_replaced_and_deleted() -> None:
    saved = runner.invoke(app, ["psfs", "-a", "Sitting=3", "-a", "Running=1"])
    replaced = runner.invoke(app, ["psfs", "-a", "Sitting=6"])
    assert saved.exit_code == 0 and replaced.exit_code == 0, saved.output + replaced.output
    [rating] = services.ratings_for(User.objects.get())
    assert rating.mean == 6

    deleted = runner.invoke(app, ["psfs", "--delete"])
    assert deleted.exit_code == 0
    assert services.ratings_for(User.objects.get()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-a", "Sitting=11"], "activities.0.score"),
        (["-a", "Sitting"], "--activity must look like"),
        (["-a", "Sitting=4", "--week", "9999-12-27"], "week_start: 9999-12-27 has not happened"),
        (["-a", "a=1", "-a", "b=1", "-a", "c=1", "-a", "d=1"], "activities"),
    ],
)
def test_bad_ratings_exit_2_naming_the_field(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["psfs", *args])
    assert result.exit_code == 2
    assert message in _flat(result.output)
