"""The exercise library as the pages show it, on top of ``spinewise.core.exercises``.

Only presentation lives here (labels, links, resolved sources); what an exercise is and
which exercises suit a region or cause is decided in core.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spinewise.core import exercises as core
from spinewise.core.exercises import Exercise
from spinewise.web.site.content import Source, cause_names, region_names, resolve_source

EVIDENCE_NOTE = core.EVIDENCE_NOTE


@dataclass(frozen=True)
class Link:
    id: str
    name: str


@dataclass(frozen=True)
class ExerciseCard:
    exercise: Exercise
    regions: list[str]


@dataclass(frozen=True)
class ExerciseDetail:
    exercise: Exercise
    regions: list[str]
    causes: list[str]
    dosage: str
    equipment: str
    contraindications: list[str]
    easier: Link | None
    harder: Link | None
    sources: list[Source]


def _regions(exercise: Exercise) -> list[str]:
    names = region_names()
    return [names.get(region, region) for region in exercise.regions]


def exercises_for(region: str | None = None, cause: str | None = None) -> list[ExerciseCard]:
    """In library order: it runs from gentle to hard within each part of the back."""
    return [
        ExerciseCard(exercise=exercise, regions=_regions(exercise))
        for exercise in core.exercises_for(region=region, cause=cause)
    ]


def get_or_none(exercise_id: str) -> Exercise | None:
    return core.load_exercises().get(exercise_id)


def illustration(exercise_id: str) -> str:
    return core.illustration_svg(exercise_id)


def cause_label(cause_id: str) -> str:
    return cause_names().get(cause_id, cause_id.replace("_", " ").capitalize())


@cache
def cause_choices() -> list[tuple[str, str]]:
    """Causes that at least one exercise is chosen for, in the knowledge base's order."""
    used = {str(cause) for exercise in core.load_exercises().values() for cause in exercise.causes}
    ordered = [cause for cause in cause_names() if cause in used]
    ordered += sorted(used - set(ordered))
    return [(cause, cause_label(cause)) for cause in ordered]


def _link(exercise_id: str | None) -> Link | None:
    target = get_or_none(exercise_id) if exercise_id else None
    return Link(id=target.id, name=target.name) if target else None


def _equipment(exercise: Exercise) -> str:
    names = [core.EQUIPMENT_NAMES[item] for item in exercise.equipment if item != "none"]
    return ", ".join(names) if names else "no equipment"


def detail(exercise: Exercise) -> ExerciseDetail:
    return ExerciseDetail(
        exercise=exercise,
        regions=_regions(exercise),
        causes=[cause_label(cause) for cause in exercise.causes],
        dosage=exercise.dosage.describe(),
        equipment=_equipment(exercise),
        contraindications=[
            core.CONDITION_DESCRIPTIONS.get(condition, str(condition))
            for condition in exercise.contraindications
        ],
        easier=_link(exercise.easier),
        harder=_link(exercise.harder),
        sources=[resolve_source(source) for source in exercise.sources],
    )
