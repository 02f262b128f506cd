"""``spinewise exercise``: list, show and follow an exercise from the terminal."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from spinewise.cli import exercise_cmd
from spinewise.cli.main import app
from spinewise.core.exercises import get_exercise, load_exercises

runner = CliRunner()


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Records the timer's waits instead of sleeping."""
    recorded: list[float] = []
    monkeypatch.setattr(exercise_cmd, "sleep", recorded.append)
    return recorded


def test_lists_every_exercise_with_region_and_level() -> None:
    result = runner.invoke(app, ["exercise"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for exercise in load_exercises().values():
        assert exercise.id in result.stdout
    assert "Level" in result.stdout and "Regions" in result.stdout
    assert "moderate" in result.stdout and "lower, upper" in result.stdout


def test_region_filter_lists_only_that_region() -> None:
    result = runner.invoke(app, ["exercise", "--region", "upper"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "wall_angel" in result.stdout
    assert "glute_bridge" not in result.stdout


def test_cause_filter_lists_only_exercises_for_that_cause() -> None:
    result = runner.invoke(app, ["exercise", "--cause", "sciatica"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "sciatic_nerve_glide" in result.stdout
    assert "wall_angel" not in result.stdout


def test_unknown_cause_or_region_exits_2() -> None:
    assert runner.invoke(app, ["exercise", "--cause", "bad_luck"]).exit_code == 2
    assert runner.invoke(app, ["exercise", "--region", "middle"]).exit_code == 2


def test_shows_one_exercise_in_full() -> None:
    plank = get_exercise("plank")
    result = runner.invoke(app, ["exercise", "plank"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    out = result.stdout
    assert plank.name in out and plank.purpose in out and plank.start_position in out
    for number, step in enumerate(plank.steps, start=1):
        assert f"{number}. {step}" in out
    assert plank.dosage.describe() in out
    assert all(cue in out for cue in plank.form_cues)
    assert all(warning in out for warning in plank.stop_if)
    assert "Osteoporosis" not in out and "pregnant" in out
    assert "Easier: Knee plank (knee_plank)" in out
    assert "Harder: Side plank (side_plank)" in out
    assert "mat" in out


def test_unknown_exercise_prints_a_clear_error_and_exits_2() -> None:
    result = runner.invoke(app, ["exercise", "planck"])
    assert result.exit_code == 2
    assert "no exercise called 'planck'" in result.stderr
    assert result.stdout == ""


def test_timer_guides_each_hold_with_progress_and_a_bell(waits: list[float]) -> None:
    result = runner.invoke(app, ["exercise", "plank", "--timer", "--speed", "1000"])
    assert result.exit_code == 0
    out = result.stdout
    for set_number in (1, 2, 3):
        assert f"Set {set_number} of 3 — hold 20s" in out
    assert out.count("Rest 40s") == 2
    assert out.count("\a") == 6  # each set, each rest and the finish
    assert "Done" in out
    # 5 s to get ready, 3 holds of 20 s, 2 rests of 40 s: one-second ticks at 1000× speed.
    assert sum(waits) == pytest.approx((5 + 60 + 80) / 1000)


def test_timer_paces_each_rep_on_each_side(waits: list[float]) -> None:
    exercise = get_exercise("single_leg_bridge")
    result = runner.invoke(app, ["exercise", exercise.id, "--timer", "--speed", "1000"])
    assert result.exit_code == 0
    assert "Set 1 of 2 — 6 reps (first side)" in result.stdout
    assert "Set 2 of 2 — 6 reps (second side)" in result.stdout
    assert "Change sides" in result.stdout
    assert result.stdout.count("rep 6 of 6") == 4
    assert sum(waits) == pytest.approx((5 + exercise.estimated_seconds) / 1000)


def test_timer_really_finishes_at_high_speed_without_stubbing() -> None:
    result = runner.invoke(app, ["exercise", "childs_pose", "--timer", "--speed", "1000"])
    assert result.exit_code == 0
    assert "Set 2 of 2 — hold 30s" in result.stdout and "Done" in result.stdout


def test_timer_needs_an_exercise_id() -> None:
    result = runner.invoke(app, ["exercise", "--timer"])
    assert result.exit_code == 2
    assert "needs an exercise id" in result.stderr


def test_help_explains_the_options() -> None:
    result = runner.invoke(app, ["exercise", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in ("--region", "--cause", "--timer", "--speed"):
        assert option in result.stdout
