"""The exercise library as the pages show it, on top of ``spinewise.core.exercises``.

Only presentation lives here (labels, links, resolved sources); what an exercise is and
which exercises suit a region or cause is decided in core.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spinewise.core import exercises as core
from spinewise.core.exercises import Exercise
from spinewise.web.links import link
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


# The drawings of an exercise (written by scripts/draw_exercises.py): the animation, its key
# poses side by side for readers who prefer reduced motion, and a still for lists.
DRAWING_FOLDERS = {"animation": "", "key-poses": "key-poses", "thumbnail": "thumbnails"}
_VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')


def drawing_path(exercise_id: str, kind: str) -> Path:
    animation = core.illustration_path(exercise_id)
    folder = DRAWING_FOLDERS[kind]
    return animation.parent / folder / animation.name if folder else animation


@cache
def drawing(exercise_id: str, kind: str) -> str:
    return drawing_path(exercise_id, kind).read_text(encoding="utf-8")


@dataclass(frozen=True)
class DrawingUrls:
    """Where an exercise's drawings are served: the animation and its key poses."""

    animation: str
    key_poses: str


def drawing_urls(exercise_id: str) -> DrawingUrls:
    """The drawing URLs of one exercise (a session page and its offline list name a dozen
    of them, so each is reversed once: ``links.link``)."""
    return DrawingUrls(
        animation=link("site:exercise_svg", exercise_id),
        key_poses=link("site:exercise_key_poses", exercise_id),
    )


@cache
def drawing_size(exercise_id: str, kind: str, width: int) -> tuple[int, int]:
    """The pixel size a drawing takes at ``width``: its own proportions, so the page can
    reserve the space before it loads."""
    match = _VIEWBOX.search(drawing(exercise_id, kind))
    if match is None:
        return width, width * 3 // 4
    w, h = float(match.group(1)), float(match.group(2))
    return width, max(1, round(width * h / w))


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
