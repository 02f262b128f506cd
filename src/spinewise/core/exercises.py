"""The exercise library: models, loader and look-ups for ``content/exercises.yaml``.

Every exercise is validated on load (fields, links between easier and harder versions,
one illustration per exercise), so a broken content file fails loudly with its file,
field and reason instead of showing a half-empty exercise to someone in pain.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from spinewise.core.content_loader import ContentError, content_dir, read_yaml, unique_ids
from spinewise.core.knowledge import CauseId, knowledge
from spinewise.core.knowledge import RegionId as Region

Kind = Literal["strength", "mobility", "stretch", "relaxation", "aerobic"]
Level = Literal["gentle", "moderate", "hard"]
Equipment = Literal["none", "mat", "wall", "foam_roller", "doorway", "chair"]

# What each piece of equipment is called, in every face ("Needs a foam roller").
EQUIPMENT_NAMES: dict[Equipment, str] = {
    "none": "nothing",
    "mat": "a mat or soft floor",
    "wall": "a clear wall",
    "chair": "a sturdy chair",
    "doorway": "a doorway",
    "foam_roller": "a foam roller",
}

REGIONS: tuple[Region, ...] = ("lower", "upper")
LEVEL_ORDER: dict[str, int] = {"gentle": 0, "moderate": 1, "hard": 2}

# Seconds allowed for changing sides between the two halves of a per-side set.
SWITCH_SIDE_SECONDS = 5
# Seconds a guided session gives to read the next exercise and get into position.
GET_READY_SECONDS = 10

EVIDENCE_NOTE = (
    "The sources support exercise programmes as a whole. No single exercise has been shown "
    "to be better than the others, so pick the ones you like and can keep doing."
)


class Condition(StrEnum):
    """Conditions that make an exercise a poor choice for now (its contraindications)."""

    PREGNANCY_OVER_20_WEEKS = "pregnancy_over_20_weeks"
    OSTEOPOROSIS = "osteoporosis"
    SCIATICA_FLARE = "sciatica_flare"
    ACUTE_SEVERE_PAIN = "acute_severe_pain"
    RECENT_SPINAL_SURGERY = "recent_spinal_surgery"
    SHOULDER_INJURY = "shoulder_injury"
    KNEE_PROBLEMS = "knee_problems"
    WRIST_PROBLEMS = "wrist_problems"


# What each condition means, in the words shown to the person.
CONDITION_DESCRIPTIONS: dict[Condition, str] = {
    Condition.PREGNANCY_OVER_20_WEEKS: (
        "More than 20 weeks pregnant: lying flat on your back for long spells and hard "
        "front-plank holds are best swapped for upright or side-lying options."
    ),
    Condition.OSTEOPOROSIS: (
        "Osteoporosis or a past fragility fracture: avoid deep or loaded forward bending, "
        "strong backward bends over a support, and rolling over the spine."
    ),
    Condition.SCIATICA_FLARE: (
        "Nerve pain down a leg that is severe (7/10 or more) or getting worse: skip moves "
        "that glide or stretch the nerve or fold you far forward until it settles."
    ),
    Condition.ACUTE_SEVERE_PAIN: (
        "Pain so strong right now that normal movement is hard: start with the gentle "
        "options and come back to this one later."
    ),
    Condition.RECENT_SPINAL_SURGERY: (
        "Spinal surgery in the last three months: follow your surgical team's plan first."
    ),
    Condition.SHOULDER_INJURY: (
        "A shoulder injury or a painful shoulder: choose moves that do not put weight on it "
        "or lift the arm overhead."
    ),
    Condition.KNEE_PROBLEMS: "Painful knees: kneeling or deep knee bends may not suit you.",
    Condition.WRIST_PROBLEMS: "Painful wrists: taking weight through the hands may not suit you.",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(_Strict):
    """Where the evidence for an exercise comes from (programme-level evidence)."""

    title: str = Field(min_length=5)
    url: str = Field(pattern=r"^https?://\S+$")


class Dosage(_Strict):
    """How much to do: exactly one of ``reps``, ``hold_seconds`` or ``minutes``."""

    sets: int = Field(ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=50)
    hold_seconds: int | None = Field(default=None, ge=5, le=300)
    minutes: int | None = Field(default=None, ge=1, le=90)
    rest_seconds: int = Field(ge=0, le=300)
    per_side: bool = False

    @model_validator(mode="after")
    def _one_measure(self) -> Dosage:
        given = [self.reps, self.hold_seconds, self.minutes]
        if sum(value is not None for value in given) != 1:
            raise ValueError("give exactly one of reps, hold_seconds or minutes")
        return self

    @property
    def work_label(self) -> str:
        """``10 reps``, ``hold 20s`` or ``10 min``, for one set (one side)."""
        if self.reps is not None:
            return f"{self.reps} reps"
        if self.hold_seconds is not None:
            return f"hold {self.hold_seconds}s"
        return f"{self.minutes} min"

    def describe(self) -> str:
        """A one-line summary such as ``3 sets × hold 20s, rest 30s``."""
        sets = "1 set" if self.sets == 1 else f"{self.sets} sets"
        text = f"{sets} × {self.work_label}"
        if self.per_side:
            text += " each side"
        if self.rest_seconds and self.sets > 1:
            text += f", rest {self.rest_seconds}s between sets"
        return text


class Exercise(_Strict):
    """One exercise of the library, with everything needed to show, time and choose it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=3)
    regions: list[Region] = Field(min_length=1)
    causes: list[CauseId] = Field(min_length=1)
    purpose: str = Field(min_length=10)
    kind: Kind
    level: Level
    start_position: str = Field(min_length=10)
    steps: list[str] = Field(min_length=2)
    dosage: Dosage
    seconds_per_rep: float | None = Field(default=None, gt=0, le=60)
    form_cues: list[str] = Field(min_length=1)
    stop_if: list[str] = Field(min_length=1)
    contraindications: list[Condition] = Field(default=[])
    equipment: list[Equipment] = Field(min_length=1)
    easier: str | None = None
    harder: str | None = None
    sources: list[Source] = Field(min_length=1)
    alt: str = Field(min_length=20)

    @model_validator(mode="after")
    def _pacing(self) -> Exercise:
        if self.dosage.reps is not None and self.seconds_per_rep is None:
            raise ValueError("seconds_per_rep is required when the dosage counts reps")
        if self.dosage.reps is None and self.seconds_per_rep is not None:
            raise ValueError("seconds_per_rep only applies when the dosage counts reps")
        if self.easier == self.id or self.harder == self.id:
            raise ValueError("an exercise cannot be its own easier or harder version")
        return self

    @property
    def sides(self) -> int:
        return 2 if self.dosage.per_side else 1

    @property
    def work_seconds(self) -> float:
        """Seconds of work in one set on one side."""
        dosage = self.dosage
        if dosage.reps is not None:
            return dosage.reps * (self.seconds_per_rep or 0)
        if dosage.hold_seconds is not None:
            return float(dosage.hold_seconds)
        return float((dosage.minutes or 0) * 60)

    @property
    def estimated_seconds(self) -> int:
        """How long the whole dose takes, to fit sessions into minutes.

        sets × work × sides, plus a rest between sets and a short pause to change sides:
        the same total as the steps of ``timer_plan``.
        """
        return dose_seconds(self, self.dosage)


class TimerStep(BaseModel):
    """One stretch of a guided session: work (a set on one side), a rest, or a side change."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["work", "rest", "switch"]
    label: str
    seconds: float
    set_number: int
    sets: int
    side: Literal["first", "second"] | None = None
    reps: int | None = None
    seconds_per_rep: float | None = None


def dose_seconds(exercise: Exercise, dosage: Dosage) -> int:
    """Seconds for ``exercise`` at ``dosage``: the total of its ``timer_plan`` steps, by sum.

    Worked out directly because plans weigh thousands of doses while fitting sessions.
    """
    if dosage.reps is not None:
        work = dosage.reps * (exercise.seconds_per_rep or 0)
    elif dosage.hold_seconds is not None:
        work = float(dosage.hold_seconds)
    else:
        work = float((dosage.minutes or 0) * 60)
    sides = 2 if dosage.per_side else 1
    rests = (dosage.sets - 1) * dosage.rest_seconds
    switches = dosage.sets * SWITCH_SIDE_SECONDS if dosage.per_side else 0
    return round(dosage.sets * sides * work + rests + switches)


def timer_plan(exercise: Exercise) -> list[TimerStep]:
    """The guided sequence for one exercise, e.g. ``Set 1 of 3 — hold 20s`` then ``Rest 30s``.

    Per-side exercises do each set on the first side, change sides, then the second side.
    """
    dosage = exercise.dosage
    sides: list[Literal["first", "second"] | None] = (
        ["first", "second"] if dosage.per_side else [None]
    )
    steps: list[TimerStep] = []
    for set_number in range(1, dosage.sets + 1):
        for side in sides:
            label = f"Set {set_number} of {dosage.sets} — {dosage.work_label}"
            if side is not None:
                label += f" ({side} side)"
            steps.append(
                TimerStep(
                    kind="work",
                    label=label,
                    seconds=exercise.work_seconds,
                    set_number=set_number,
                    sets=dosage.sets,
                    side=side,
                    reps=dosage.reps,
                    seconds_per_rep=exercise.seconds_per_rep,
                )
            )
            if side == "first":
                steps.append(
                    TimerStep(
                        kind="switch",
                        label=f"Change sides — {SWITCH_SIDE_SECONDS}s",
                        seconds=SWITCH_SIDE_SECONDS,
                        set_number=set_number,
                        sets=dosage.sets,
                    )
                )
        if set_number < dosage.sets and dosage.rest_seconds:
            steps.append(
                TimerStep(
                    kind="rest",
                    label=f"Rest {dosage.rest_seconds}s",
                    seconds=dosage.rest_seconds,
                    set_number=set_number,
                    sets=dosage.sets,
                )
            )
    return steps


def default_path() -> Path:
    return content_dir() / "exercises.yaml"


def _problems(exc: ValidationError, prefix: str) -> list[tuple[str, str]]:
    problems = []
    for error in exc.errors():
        loc = ".".join(str(part) for part in error["loc"])
        problems.append((f"{prefix}.{loc}" if loc else prefix, error["msg"]))
    return problems


def _parse(path: Path, data: Any) -> list[Exercise]:
    if not isinstance(data, list):
        raise ContentError(str(path), [("(root)", "expected a list of exercises")])
    exercises: list[Exercise] = []
    problems: list[tuple[str, str]] = []
    for index, item in enumerate(data):
        item_id = item.get("id") if isinstance(item, dict) else None
        prefix = str(item_id) if isinstance(item_id, str) and item_id else f"[{index}]"
        cited, unknown = _cited_sources(item)
        problems.extend((f"{prefix}.sources", reason) for reason in unknown)
        entry = item if cited is None else {**item, "sources": cited}
        try:
            exercises.append(Exercise.model_validate(entry))
        except ValidationError as exc:
            problems.extend(_problems(exc, prefix))
    if problems:
        raise ContentError(str(path), problems)
    return exercises


def _cited_sources(item: Any) -> tuple[list[dict[str, str]] | None, list[str]]:
    """An entry's sources, cited by their id in sources.yaml, as the title and link each
    has there; and a reason for each citation that is not a known source with a link.
    None when the entry has no list of sources (the model then names what is wrong)."""
    ids = item.get("sources") if isinstance(item, dict) else None
    if not isinstance(ids, list):
        return None, []
    known = knowledge().sources
    cited: list[dict[str, str]] = []
    unknown: list[str] = []
    for source_id in ids:
        source = known.get(source_id) if isinstance(source_id, str) else None
        if source is None:
            unknown.append(f"{source_id!r} is not a source id in sources.yaml")
        elif source.url is None:
            unknown.append(f"{source_id!r} has no link in sources.yaml")
        else:
            cited.append({"title": source.title, "url": str(source.url)})
    return cited, unknown


def _check_links(path: Path, exercises: Sequence[Exercise]) -> None:
    by_id = {exercise.id: exercise for exercise in exercises}
    problems: list[tuple[str, str]] = []
    for exercise in exercises:
        for field, other_field in (("easier", "harder"), ("harder", "easier")):
            target_id = getattr(exercise, field)
            if target_id is None:
                continue
            target = by_id.get(target_id)
            if target is None:
                problems.append((f"{exercise.id}.{field}", f"unknown exercise id {target_id!r}"))
                continue
            if getattr(target, other_field) != exercise.id:
                problems.append(
                    (
                        f"{exercise.id}.{field}",
                        f"{target_id!r} should name {exercise.id!r} as its {other_field} version",
                    )
                )
            own, theirs = LEVEL_ORDER[exercise.level], LEVEL_ORDER[target.level]
            if (field == "easier" and theirs > own) or (field == "harder" and theirs < own):
                problems.append(
                    (f"{exercise.id}.{field}", f"{target_id!r} is {target.level}, not {field}")
                )
    if problems:
        raise ContentError(str(path), problems)


def _check_illustrations(path: Path, folder: Path, exercises: Sequence[Exercise]) -> None:
    missing = [
        (f"{exercise.id}.illustration", f"missing drawing {folder / (exercise.id + '.svg')}")
        for exercise in exercises
        if not (folder / f"{exercise.id}.svg").is_file()
    ]
    if missing:
        raise ContentError(str(path), missing)


@functools.cache
def _load(path: Path, illustrations: Path) -> tuple[Exercise, ...]:
    exercises = _parse(path, read_yaml(path))
    unique_ids(path, [exercise.id for exercise in exercises])
    _check_links(path, exercises)
    _check_illustrations(path, illustrations, exercises)
    return tuple(exercises)


@functools.cache
def _by_id(path: Path, illustrations: Path) -> Mapping[str, Exercise]:
    return MappingProxyType({exercise.id: exercise for exercise in _load(path, illustrations)})


def load_exercises(
    path: Path | None = None, illustrations: Path | None = None
) -> Mapping[str, Exercise]:
    """All exercises by id, in file order. Raises ``ContentError`` when the file is broken.

    ``path`` defaults to the packaged ``exercises.yaml``; ``illustrations`` defaults to the
    ``illustrations`` folder next to it. Parsing is cached per (path, folder), and every
    caller shares one read-only mapping (the plan builder looks it up many times a plan).
    """
    path = path or default_path()
    folder = illustrations or path.parent / "illustrations"
    return _by_id(path, folder)


def get_exercise(exercise_id: str) -> Exercise:
    """The exercise with this id; ``KeyError`` naming the id when there is none."""
    exercises = load_exercises()
    try:
        return exercises[exercise_id]
    except KeyError:
        raise KeyError(
            f"no exercise with id {exercise_id!r}; known ids: {', '.join(exercises)}"
        ) from None


def exercises_for(region: str | None = None, cause: str | None = None) -> list[Exercise]:
    """Exercises serving ``region`` and/or ``cause`` (both optional), in library order."""
    return [
        exercise
        for exercise in load_exercises().values()
        if (region is None or region in exercise.regions)
        and (cause is None or cause in exercise.causes)
    ]


def illustration_path(exercise_id: str) -> Path:
    get_exercise(exercise_id)  # unknown ids fail with a clear KeyError
    return default_path().parent / "illustrations" / f"{exercise_id}.svg"


@functools.cache
def illustration_svg(exercise_id: str) -> str:
    """The SVG drawing of an exercise, as text (safe to inline: no scripts, no links)."""
    return illustration_path(exercise_id).read_text(encoding="utf-8")
