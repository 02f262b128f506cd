"""Why an exercise was chosen, in the person's own terms."""

from __future__ import annotations

from spinewise.core.exercises import Exercise
from spinewise.core.knowledge import knowledge
from spinewise.core.plan.basis import person_regions
from spinewise.core.plan.models import PlanBasis

# Short phrases for "Chosen for your lower back, weak trunk muscles and ...".
_CAUSE_PHRASES: dict[str, str] = {
    "muscle_strain": "strained muscles",
    "herniated_disc": "an irritated disc",
    "sciatica": "an irritated nerve",
    "weak_core": "weak trunk muscles",
    "sedentary_lifestyle": "long hours of sitting",
    "poor_posture": "long spells in one position",
    "muscle_tension": "tense muscles",
    "forward_head_posture": "head-forward screen time",
    "repetitive_movements": "repeated movements",
    "heavy_bags": "a heavy one-sided bag",
    "spinal_misalignment": "stiff spinal joints",
}


def _region_phrase(exercise: Exercise, basis: PlanBasis) -> str:
    regions = [region for region in person_regions(basis) if region in exercise.regions]
    if basis.region is None:
        return "your back"
    if len(regions) == 2:
        return "your lower and upper back"
    return f"your {regions[0]} back"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def why_chosen(exercise: Exercise, basis: PlanBasis) -> str:
    served = [cause for cause in basis.causes if cause in exercise.causes]
    names = knowledge().causes
    phrases = [
        _CAUSE_PHRASES.get(cause, names[cause].name.lower() if cause in names else cause)
        for cause in served[:2]
    ]
    purpose = exercise.purpose[0].lower() + exercise.purpose[1:]
    if exercise.kind == "relaxation":
        reason = "muscle tension" if "muscle_tension" in basis.causes else "the stress you feel"
        return f"Added to ease {reason}: {purpose}"
    return f"Chosen for {_join([_region_phrase(exercise, basis), *phrases])}: {purpose}"
