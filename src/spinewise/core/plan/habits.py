"""Daily habits, movement breaks, and the exercises the plan leaves out (with reasons)."""

from __future__ import annotations

from spinewise.core.assessment import Assessment
from spinewise.core.education import habit_tips
from spinewise.core.exercises import load_exercises
from spinewise.core.intake import Breaks, Intake
from spinewise.core.plan.basis import person_regions
from spinewise.core.plan.models import (
    WEEKDAYS,
    Habit,
    LeftOut,
    MovementBreaks,
    PlanBasis,
    Preferences,
)
from spinewise.core.plan.selection import exclusion_reasons
from spinewise.core.plan.weeks import WALKING_GOAL

LONG_SITTING_HOURS = 6


def movement_breaks(intake: Intake, prefs: Preferences) -> MovementBreaks | None:
    hours = intake.habits.sitting_hours
    if hours < LONG_SITTING_HOURS:
        return None
    often = hours >= 8 or intake.habits.sitting_breaks is Breaks.RARELY
    return MovementBreaks(
        every_minutes=30 if often else 45,
        days=[day for day in WEEKDAYS if day in prefs.workdays],
        reason=f"You sit for about {hours:g} hours a day.",
    )


def habits_for(
    assessment: Assessment, basis: PlanBasis, breaks: MovementBreaks | None
) -> list[Habit]:
    tips = habit_tips()
    cause_ids = {cause.id for cause in assessment.causes}
    mistake_ids = {mistake.id for mistake in assessment.mistakes}
    values = {
        "start": str(basis.walking_start),
        "goal": str(max(WALKING_GOAL, basis.walking_start)),
        "every": str(breaks.every_minutes if breaks else 45),
    }
    habits: list[Habit] = []
    for tip in tips.values():
        if tip.id == "walking":
            show = True
        elif tip.id == "movement_breaks":
            show = breaks is not None
        elif tip.id == "wind_down":
            show = basis.relaxation
        else:
            show = bool(cause_ids & set(tip.causes) or mistake_ids & set(tip.mistakes))
        if show:
            habits.append(
                Habit(
                    id=tip.id,
                    title=tip.title.format(**values),
                    text=" ".join(tip.text.format(**values).split()),
                    sources=tip.sources,
                )
            )
    return habits


def left_out(basis: PlanBasis) -> list[LeftOut]:
    regions = set(person_regions(basis))
    found = []
    for exercise in load_exercises().values():
        if exercise.kind == "aerobic" or not regions & set(exercise.regions):
            continue
        reasons = exclusion_reasons(exercise, basis)
        if reasons:
            found.append(LeftOut(id=exercise.id, name=exercise.name, reasons=reasons))
    return found
