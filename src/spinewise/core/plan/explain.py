"""Why an exercise was chosen, in the person's own terms."""

from __future__ import annotations

from spinewise.core.exercises import Exercise
from spinewise.core.knowledge import knowledge
from spinewise.core.plan.basis import person_regions
from spinewise.core.plan.models import PlanBasis


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
    causes = knowledge().causes
    # Each cause's short phrase from causes.yaml ("weak trunk muscles").
    phrases = [causes[cause].phrase if cause in causes else cause for cause in served[:2]]
    purpose = exercise.purpose[0].lower() + exercise.purpose[1:]
    if exercise.kind == "relaxation":
        reason = "muscle tension" if "muscle_tension" in basis.causes else "the stress you feel"
        return f"Added to ease {reason}: {purpose}"
    return f"Chosen for {_join([_region_phrase(exercise, basis), *phrases])}: {purpose}"
