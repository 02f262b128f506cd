"""Building a week: the session's exercises at a stage, its dates and the daily walk."""

from __future__ import annotations

import math
from datetime import date, timedelta

from spinewise.core.education import PROGRAMME_WEEKS, reading_for
from spinewise.core.exercises import Dosage, Exercise, load_exercises
from spinewise.core.pathway import lessons_for
from spinewise.core.plan.dosage import dose_for, seconds_for
from spinewise.core.plan.models import WEEKDAYS, PlanBasis, Prescription, Session, Week, Weekday
from spinewise.core.plan.prescription import has_dosage, prescribe, shrink_to_fit, with_dosage
from spinewise.core.plan.selection import Candidate, ranked, relaxation_exercise
from spinewise.core.plan.stages import MAX_STAGE, MIN_STAGE, PHASES, dose_step, phase_and_step

MAX_EXERCISES = 6  # per session, not counting a relaxation exercise
WALKING_GOAL = 30  # minutes a day the walking habit builds toward

_KIND_ORDER_IN_SESSION: dict[str, int] = {
    "mobility": 0,
    "strength": 1,
    "stretch": 2,
    "relaxation": 3,
    "aerobic": 4,
}


def session_plan(
    basis: PlanBasis, stage: int, candidates: list[Candidate] | None = None
) -> list[Prescription]:
    """The exercises of every session at this stage, in the order to do them.

    ``candidates`` is ``ranked(basis, phase)`` when the caller already has it.
    """
    return prescribed(basis, stage, session_choice(basis, stage, candidates))


def session_choice(
    basis: PlanBasis, stage: int, candidates: list[Candidate] | None = None
) -> list[Candidate]:
    """The exercises of the sessions at this stage, best first, before dosing.

    ``candidates`` is ``ranked(basis, phase)`` when the caller already has it.
    """
    phase, _ = phase_and_step(stage)
    candidates = candidates if candidates is not None else ranked(basis, phase)
    relax = relaxation_exercise(basis)
    priority = list(candidates)
    if relax is not None:
        priority.insert(min(1, len(priority)), Candidate(exercise=relax, since_phase=1))
    if not priority:
        # Nothing in the library suits (e.g. no equipment at all): walking always does.
        priority = [Candidate(exercise=load_exercises()["walking"], since_phase=1)]
    # Choose with the phase's bigger dose, so both weeks of a phase share their exercises.
    fit_stage = max(stage, 2 * phase)
    chosen: list[Candidate] = []
    total = 0
    others = 0  # chosen exercises that are not the relaxation one
    for candidate in priority:
        exercise = candidate.exercise
        relaxing = exercise.kind == "relaxation"
        if not relaxing and others >= MAX_EXERCISES:
            continue
        step = dose_step(fit_stage, candidate.since_phase)
        seconds = seconds_for(exercise, dose_for(exercise, step, basis.fitness))
        if total + seconds <= basis.budget_seconds:
            chosen.append(candidate)
            total += seconds
            if not relaxing:
                others += 1
    return chosen or priority[:1]


def prescribed(
    basis: PlanBasis,
    stage: int,
    chosen: list[Candidate],
    earlier: dict[str, Prescription] | None = None,
) -> list[Prescription]:
    """The chosen exercises at this stage's dose, trimmed to the time, in session order.

    ``earlier`` (one plan's weeks share it) keeps each exercise's first prescription for
    this basis: a later week takes it as it is, or at its own dose, instead of working out
    the exercise's reasons again.
    """
    items = [
        _prescription(
            c.exercise,
            dose_for(c.exercise, dose_step(stage, c.since_phase), basis.fitness),
            basis,
            earlier,
        )
        for c in chosen
    ]
    items = shrink_to_fit(items, basis.budget_seconds)
    return sorted(items, key=lambda item: _KIND_ORDER_IN_SESSION[item.kind])


def _prescription(
    exercise: Exercise, dosage: Dosage, basis: PlanBasis, earlier: dict[str, Prescription] | None
) -> Prescription:
    if earlier is None:
        return prescribe(exercise, dosage, basis)
    found = earlier.get(exercise.id)
    if found is None:
        found = earlier[exercise.id] = prescribe(exercise, dosage, basis)
        return found
    return found if has_dosage(found, dosage) else with_dosage(found, dosage, exercise)


def session_dates(week_start: date, days: list[Weekday]) -> list[date]:
    dates = [week_start + timedelta(days=offset) for offset in range(7)]
    return sorted(d for d in dates if WEEKDAYS[d.weekday()] in days)


def make_sessions(
    week_start: date, days: list[Weekday], items: list[Prescription]
) -> list[Session]:
    seconds = sum(item.seconds for item in items)
    return [
        Session(
            date=day,
            weekday=WEEKDAYS[day.weekday()],
            exercises=items,
            seconds=seconds,
            estimated_minutes=max(1, math.ceil(seconds / 60)),
        )
        for day in session_dates(week_start, days)
    ]


def walking_minutes(basis: PlanBasis, stage: int) -> int:
    grown = basis.walking_start + basis.walking_step * (max(stage, 1) - 1)
    return min(max(grown, basis.walking_start), max(WALKING_GOAL, basis.walking_start))


def build_week(
    basis: PlanBasis,
    number: int,
    stage: int,
    adjustment: str | None = None,
    items: list[Prescription] | None = None,
    *,
    confirmed: bool = True,
) -> Week:
    """Week ``number`` of the calendar at ``stage`` of the ladder (or with given exercises)."""
    stage = max(MIN_STAGE, min(MAX_STAGE, stage))
    phase_number, _ = phase_and_step(stage)
    phase = PHASES[phase_number - 1]
    start = basis.start + timedelta(weeks=number - 1)
    return Week(
        number=number,
        stage=stage,
        phase=phase.number,
        phase_name=phase.name,
        focus=phase.focus,
        start=start,
        end=start + timedelta(days=6),
        sessions=make_sessions(
            start, basis.session_days, items if items is not None else session_plan(basis, stage)
        ),
        walking_minutes=walking_minutes(basis, stage),
        education=reading_for(min(number, PROGRAMME_WEEKS), basis.level.value, basis.pain_days),
        lessons=lessons_for(basis.pathway, min(number, PROGRAMME_WEEKS)),
        adjustment=adjustment,
        confirmed=confirmed,
    )
