"""A prescribed exercise: an exercise at a dose, for one person, and changes to its dose."""

from __future__ import annotations

from spinewise.core.exercises import Dosage, Exercise, TimerStep, load_exercises, timer_plan
from spinewise.core.plan.dosage import seconds_for, smaller_dose
from spinewise.core.plan.explain import why_chosen
from spinewise.core.plan.models import PlanBasis, Prescription


def prescribe(exercise: Exercise, dosage: Dosage, basis: PlanBasis) -> Prescription:
    return Prescription(
        exercise_id=exercise.id,
        name=exercise.name,
        kind=exercise.kind,
        level=exercise.level,
        regions=list(exercise.regions),
        sets=dosage.sets,
        reps=dosage.reps,
        hold_seconds=dosage.hold_seconds,
        minutes=dosage.minutes,
        rest_seconds=dosage.rest_seconds,
        per_side=dosage.per_side,
        dosage=dosage.describe(),
        seconds=seconds_for(exercise, dosage),
        serves=[cause for cause in basis.causes if cause in exercise.causes],
        why=why_chosen(exercise, basis),
    )


def dosage_of(item: Prescription) -> Dosage:
    return Dosage(
        sets=item.sets,
        reps=item.reps,
        hold_seconds=item.hold_seconds,
        minutes=item.minutes,
        rest_seconds=item.rest_seconds,
        per_side=item.per_side,
    )


def timer_for(item: Prescription) -> list[TimerStep]:
    """The guided countdown for one prescribed exercise at this week's dose."""
    exercise = load_exercises()[item.exercise_id]
    return timer_plan(exercise.model_copy(update={"dosage": dosage_of(item)}))


def with_dosage(
    item: Prescription, dosage: Dosage, exercise: Exercise | None = None
) -> Prescription:
    """The same prescription at another dose (its exercise, reasons and causes kept)."""
    if exercise is None:
        exercise = load_exercises()[item.exercise_id]
    return item.model_copy(
        update={
            "sets": dosage.sets,
            "reps": dosage.reps,
            "hold_seconds": dosage.hold_seconds,
            "minutes": dosage.minutes,
            "rest_seconds": dosage.rest_seconds,
            "per_side": dosage.per_side,
            "dosage": dosage.describe(),
            "seconds": seconds_for(exercise, dosage),
        }
    )


def has_dosage(item: Prescription, dosage: Dosage) -> bool:
    """Whether ``item`` is prescribed at exactly ``dosage``."""
    return (
        item.sets == dosage.sets
        and item.reps == dosage.reps
        and item.hold_seconds == dosage.hold_seconds
        and item.minutes == dosage.minutes
        and item.rest_seconds == dosage.rest_seconds
        and item.per_side == dosage.per_side
    )


def shrink_to_fit(items: list[Prescription], budget_seconds: int) -> list[Prescription]:
    """Drops the lowest-ranked exercises, then trims the last one, until it fits the time."""
    items = list(items)
    while sum(item.seconds for item in items) > budget_seconds:
        if len(items) > 1:
            items.pop()
            continue
        smaller = smaller_dose(dosage_of(items[0]))
        if smaller is None:
            break
        items[0] = with_dosage(items[0], smaller)
    return items
