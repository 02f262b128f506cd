"""Plan settings suggested from the assessment answers: nobody is asked twice."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from spinewise.core.assessment import assess
from spinewise.core.intake import Intake, complete_intake
from spinewise.core.plan import (
    Preferences,
    build_programme,
    session_on,
    starting_on,
    suggested_preferences,
)

VIGNETTES = Path(__file__).parents[1] / "vignettes"


def _intake(exercise_days: int, intensity: int = 4) -> Intake:
    data: dict[str, Any] = json.loads((VIGNETTES / "P01.json").read_text())
    data["habits"]["exercise_days"] = exercise_days
    data["intensity"] = intensity
    return complete_intake(data)


@pytest.mark.parametrize(
    ("exercise_days", "intensity", "fitness", "days", "minutes"),
    [
        (0, 4, "low", 3, 15),  # rarely exercises: the easiest start, three days
        (1, 4, "low", 3, 15),
        (2, 4, "average", 3, 15),
        (4, 4, "average", 4, 15),
        (5, 4, "high", 5, 15),
        (7, 4, "high", 7, 15),
        (5, 8, "low", 5, 10),  # severe pain: gentle and short, whatever the habit
    ],
)
def test_settings_follow_the_exercise_days_and_the_pain_the_person_reported(
    exercise_days: int, intensity: int, fitness: str, days: int, minutes: int
) -> None:
    prefs = suggested_preferences(_intake(exercise_days, intensity))
    assert (prefs.fitness, prefs.days_per_week, prefs.minutes_per_day) == (
        fitness,
        days,
        minutes,
    )


@pytest.mark.parametrize("offset", range(7))
@pytest.mark.parametrize("days_per_week", [3, 5, 7])
def test_a_plan_started_today_has_its_first_session_today(offset: int, days_per_week: int) -> None:
    start = date(2025, 3, 3) + timedelta(days=offset)
    prefs = starting_on(Preferences(days_per_week=days_per_week), start)
    assert prefs.days_per_week == days_per_week and len(prefs.days) == days_per_week
    intake = _intake(2)
    programme = build_programme(assess(intake), intake, prefs, start)
    today = session_on(programme, start)
    assert today is not None and today.exercises


def test_days_the_person_chose_themselves_are_kept() -> None:
    chosen = Preferences(days_per_week=2, session_days=["sat", "sun"])
    assert starting_on(chosen, date(2025, 3, 4)) == chosen
