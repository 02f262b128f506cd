"""How much of an exercise: the weekly progression and one notch less."""

from __future__ import annotations

from functools import lru_cache

from spinewise.core.exercises import Dosage, Exercise, Kind, dose_seconds
from spinewise.core.plan.models import Fitness


def dose_for(exercise: Exercise, step: int, fitness: Fitness) -> Dosage:
    """The library dose adjusted for how many weeks the exercise has been in the plan.

    One change a week: step 1 adds reps (2, or 1 for low fitness) or 5 seconds of hold;
    step 2 adds a set; each later step adds reps or hold again. Mobility and stretches stop
    at step 1 (they keep things moving; strength is what progresses). Capped at 3 sets,
    15 reps and 45-second holds. Step -1 (a regressed first week) takes a set away.
    """
    return _dose(exercise.kind, exercise.dosage, step, fitness)


# A plan weighs the same few doses many times over (each phase's candidates at each week's
# step), and a dose depends only on these four values: each is worked out once.
@lru_cache(maxsize=4096)
def _dose(kind: Kind, base: Dosage, step: int, fitness: Fitness) -> Dosage:
    if kind in ("relaxation", "aerobic") or base.minutes is not None or step == 0:
        return base
    if step < 0:
        return base.model_copy(update={"sets": max(1, base.sets - 1)})
    if kind in ("mobility", "stretch"):
        step = min(step, 1)
    more = step if step < 2 else step - 1
    sets = min(base.sets + 1, max(base.sets, 3)) if step >= 2 else base.sets
    reps = hold = None
    if base.reps is not None:
        reps = min(base.reps + (1 if fitness == "low" else 2) * more, max(base.reps, 15))
    if base.hold_seconds is not None:
        hold = min(base.hold_seconds + 5 * more, max(base.hold_seconds, 45))
    return Dosage.model_validate(
        {
            "sets": sets,
            "reps": reps,
            "hold_seconds": hold,
            "rest_seconds": base.rest_seconds,
            "per_side": base.per_side,
        }
    )


def seconds_for(exercise: Exercise, dosage: Dosage) -> int:
    return dose_seconds(exercise, dosage)


def smaller_dose(dosage: Dosage) -> Dosage | None:
    """One notch less: a set, then reps, hold seconds or minutes; None at the minimum."""
    if dosage.sets > 1:
        return dosage.model_copy(update={"sets": dosage.sets - 1})
    if dosage.reps is not None and dosage.reps > 1:
        return dosage.model_copy(update={"reps": dosage.reps - 1})
    if dosage.hold_seconds is not None and dosage.hold_seconds > 5:
        return dosage.model_copy(update={"hold_seconds": max(5, dosage.hold_seconds - 5)})
    if dosage.minutes is not None and dosage.minutes > 1:
        return dosage.model_copy(update={"minutes": dosage.minutes - 1})
    return None
