"""Plan settings suggested from what the person already said, so nobody is asked twice."""

from __future__ import annotations

from datetime import date

from spinewise.core.intake import Intake
from spinewise.core.plan.basis import SEVERE_PAIN
from spinewise.core.plan.models import SPREAD, WEEKDAYS, Fitness, Preferences, Weekday

FEWEST_SUGGESTED_DAYS = 3  # short sessions on three days is where a plan starts to help
ACTIVE_DAYS = 5  # exercise on this many days a week or more: "I exercise a lot"
SHORT_SESSION_MINUTES = 10
USUAL_SESSION_MINUTES = 15


def suggested_fitness(intake: Intake) -> Fitness:
    """How active the person is now, from their exercise days and how bad the pain is."""
    if intake.intensity >= SEVERE_PAIN or intake.habits.exercise_days <= 1:
        return "low"
    if intake.habits.exercise_days >= ACTIVE_DAYS:
        return "high"
    return "average"


def suggested_preferences(intake: Intake) -> Preferences:
    """Session days matched to the days the person exercises already (at least three),
    their activity level, and shorter sessions while the pain is severe."""
    days = min(len(WEEKDAYS), max(FEWEST_SUGGESTED_DAYS, intake.habits.exercise_days))
    severe = intake.intensity >= SEVERE_PAIN
    return Preferences(
        days_per_week=days,
        fitness=suggested_fitness(intake),
        minutes_per_day=SHORT_SESSION_MINUTES if severe else USUAL_SESSION_MINUTES,
    )


def starting_on(prefs: Preferences, start: date) -> Preferences:
    """The same settings with the usual spread of session days moved so that the start day
    is the first session: a plan made today can be started today."""
    if prefs.session_days is not None:
        return prefs
    spread = SPREAD[prefs.days_per_week]
    first = WEEKDAYS.index(spread[0])
    shift = start.weekday() - first
    days: list[Weekday] = [WEEKDAYS[(WEEKDAYS.index(d) + shift) % 7] for d in spread]
    return Preferences.model_validate({**prefs.model_dump(), "session_days": days})
