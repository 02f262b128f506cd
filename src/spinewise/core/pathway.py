"""Stratified care: the pathway (low, medium, high) chosen from the recovery screen.

The screen (``content/instruments/recovery_screen.yaml``) is scored by
``core.instruments``; each of its bands names the pathway of the same id
(``content/pathways.yaml``). A person who was not screened gets the medium pathway, the
graded programme as before, and is told why. The lessons of the high pathway's extra
support track live in ``content/lessons.yaml``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from spinewise.core.content_loader import ContentError, content_dir, load_list, load_model
from spinewise.core.content_loader import unique_ids as _unique_ids
from spinewise.core.education import PROGRAMME_WEEKS
from spinewise.core.instruments import InstrumentResult, packaged_instrument, score_instrument
from spinewise.core.intake import RECOVERY_SCREEN
from spinewise.core.knowledge import knowledge

PathwayId = Literal["low", "medium", "high"]
PATHWAY_IDS: tuple[PathwayId, ...] = ("low", "medium", "high")


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class PathwayText(_Content):
    id: PathwayId
    name: str = Field(min_length=3)
    summary: str = Field(min_length=20)
    advice: list[str] = Field(min_length=1)
    session_days_max: int | None = Field(default=None, ge=2, le=7)
    minutes_max: int | None = Field(default=None, ge=5, le=60)
    checkins_per_week: int = Field(ge=1, le=7)
    lessons: bool
    see_physio: bool
    physio_advice: str | None = None
    sources: list[str] = Field(min_length=1)


class PathwaysFile(_Content):
    not_screened: str = Field(min_length=20)
    pathways: list[PathwayText] = Field(min_length=3, max_length=3)

    def pathway(self, pathway_id: str) -> PathwayText:
        for pathway in self.pathways:
            if pathway.id == pathway_id:
                return pathway
        raise KeyError(pathway_id)


class Lesson(_Content):
    """One short weekly lesson of the extra-support track, with a practical task."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    week: int = Field(ge=1, le=PROGRAMME_WEEKS)
    title: str = Field(min_length=5)
    summary: str = Field(min_length=10)
    body: str = Field(min_length=80)
    task: str = Field(min_length=30)
    sources: list[str] = Field(min_length=1)


class Pathway(BaseModel):
    """The pathway chosen for one person, with the plain reasons behind it."""

    model_config = ConfigDict(frozen=True)

    id: PathwayId
    name: str
    summary: str
    reasons: list[str]
    advice: list[str]
    checkins_per_week: int
    see_physio: bool
    physio_advice: str | None
    screened: bool
    screen: InstrumentResult | None = None


def _unknown_sources(items: list[PathwayText] | list[Lesson]) -> list[tuple[str, str]]:
    known = knowledge().sources
    return [
        (f"{item.id}.sources", f"unknown source id {source!r}")
        for item in items
        for source in item.sources
        if source not in known
    ]


def load_pathways(folder: Path | None = None) -> PathwaysFile:
    """The three pathways; every band of the screen must name one of them."""
    path = (folder or content_dir()) / "pathways.yaml"
    data = load_model(path, PathwaysFile)
    problems = _unknown_sources(data.pathways)
    ids = [p.id for p in data.pathways]
    if sorted(ids) != sorted(PATHWAY_IDS):
        problems.append(("pathways", f"need exactly one of each: {', '.join(PATHWAY_IDS)}"))
    screen = packaged_instrument(RECOVERY_SCREEN)
    problems.extend(
        ("pathways", f"band {band.id!r} of {screen.id} names no pathway")
        for band in screen.bands
        if band.id not in ids
    )
    if problems:
        raise ContentError(str(path), problems)
    return data


def load_lessons(folder: Path | None = None) -> dict[int, list[Lesson]]:
    """The extra-support lessons by week; every programme week needs at least one."""
    path = (folder or content_dir()) / "lessons.yaml"
    lessons = load_list(path, Lesson)
    _unique_ids(path, [lesson.id for lesson in lessons])
    problems = _unknown_sources(lessons)
    missing = sorted(set(range(1, PROGRAMME_WEEKS + 1)) - {lesson.week for lesson in lessons})
    if missing:
        problems.append(("week", f"no lesson for week(s) {', '.join(map(str, missing))}"))
    if problems:
        raise ContentError(str(path), problems)
    by_week: dict[int, list[Lesson]] = {}
    for lesson in lessons:
        by_week.setdefault(lesson.week, []).append(lesson)
    return by_week


@cache
def pathways() -> PathwaysFile:
    return load_pathways()


@cache
def lessons() -> dict[int, list[Lesson]]:
    return load_lessons()


def lessons_for(pathway_id: str, week: int) -> list[Lesson]:
    """The lessons of ``week`` on this pathway (none unless it has the extra support)."""
    if not pathways().pathway(pathway_id).lessons:
        return []
    return list(lessons().get(week, []))


def pathway_from_screen(result: InstrumentResult | None) -> Pathway:
    """The pathway for a scored screen, or the medium one (with that reason) without one."""
    data = pathways()
    if result is None:
        text = data.pathway("medium")
        summary = " ".join(data.not_screened.split())
        reasons = ["You have not answered the recovery questions."]
    else:
        text = data.pathway(result.band)
        band = packaged_instrument(RECOVERY_SCREEN).band(result.band)
        summary = text.summary
        reasons = [f"{band.label}. {band.explanation}", *result.reasons]
    return Pathway(
        id=text.id,
        name=text.name,
        summary=summary,
        reasons=reasons,
        advice=list(text.advice),
        checkins_per_week=text.checkins_per_week,
        see_physio=text.see_physio,
        physio_advice=text.physio_advice,
        screened=result is not None,
        screen=result,
    )


def score_screen(answers: dict[str, str] | None) -> InstrumentResult | None:
    """The recovery screen scored, or None when it was not answered."""
    if answers is None:
        return None
    return score_instrument(packaged_instrument(RECOVERY_SCREEN), answers)


def choose_pathway(recovery: dict[str, str] | None) -> Pathway:
    """The pathway for a person's recovery-screen answers (None: not screened)."""
    return pathway_from_screen(score_screen(recovery))
