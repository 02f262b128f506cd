"""Weekly education items and daily habit tips for the programme, validated on load.

Both files cite sources by id; an unknown id, a missing week or a duplicate fails loudly
with the file, the field and the reason.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from spinewise.core.content_loader import (
    ContentError,
    content_dir,
    load_list,
    load_model,
    unique_ids,
)
from spinewise.core.knowledge import CauseId, MistakeId, knowledge

PROGRAMME_WEEKS = 6


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class EducationItem(_Content):
    """One short read, shown in one programme week."""

    week: int = Field(ge=1, le=PROGRAMME_WEEKS)
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=5)
    summary: str = Field(min_length=10)
    body: str = Field(min_length=40)
    sources: list[str] = Field(min_length=1)


class HabitTip(_Content):
    """A daily habit tip, shown when the assessment names one of its causes or mistakes."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=5)
    text: str = Field(min_length=20)
    causes: list[CauseId] = Field(default_factory=list)
    mistakes: list[MistakeId] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)


class SourcedText(_Content):
    """A piece of plan wording with the sources behind it."""

    text: str = Field(min_length=20)
    sources: list[str] = Field(min_length=1)


class ProgrammeText(_Content):
    """Wording every programme shows (``programme.yaml``)."""

    safety_note: SourcedText


def _check_sources(
    path: Path, items: list[EducationItem] | list[HabitTip] | list[SourcedText]
) -> None:
    known = knowledge().sources
    problems = [
        (f"{getattr(item, 'id', 'text')}.sources", f"unknown source id {source!r}")
        for item in items
        for source in item.sources
        if source not in known
    ]
    if problems:
        raise ContentError(str(path), problems)


def load_education(folder: Path | None = None) -> dict[int, EducationItem]:
    """The education items by week number (1-6); every week must have exactly one."""
    path = (folder or content_dir()) / "education.yaml"
    items = load_list(path, EducationItem)
    unique_ids(path, [item.id for item in items])
    _check_sources(path, items)
    weeks = [item.week for item in items]
    expected = set(range(1, PROGRAMME_WEEKS + 1))
    if sorted(weeks) != sorted(expected):
        missing = sorted(expected - set(weeks))
        dupes = sorted({week for week in weeks if weeks.count(week) > 1})
        problems = []
        if missing:
            problems.append(("week", f"no item for week(s) {', '.join(map(str, missing))}"))
        if dupes:
            problems.append(("week", f"more than one item for week(s) {dupes}"))
        raise ContentError(str(path), problems)
    return {item.week: item for item in sorted(items, key=lambda item: item.week)}


def load_habit_tips(folder: Path | None = None) -> dict[str, HabitTip]:
    """The habit tips by id, in file order."""
    path = (folder or content_dir()) / "habits.yaml"
    items = load_list(path, HabitTip)
    unique_ids(path, [item.id for item in items])
    _check_sources(path, items)
    for required in ("walking", "movement_breaks", "wind_down"):
        if required not in {item.id for item in items}:
            raise ContentError(str(path), [("id", f"missing the {required!r} tip")])
    return {item.id: item for item in items}


def load_programme_text(folder: Path | None = None) -> ProgrammeText:
    """The wording every programme shows, with its sources checked."""
    path = (folder or content_dir()) / "programme.yaml"
    text = load_model(path, ProgrammeText)
    _check_sources(path, [text.safety_note])
    return text


@cache
def programme_text() -> ProgrammeText:
    """The packaged programme wording, loaded once per process."""
    return load_programme_text()


@cache
def education() -> dict[int, EducationItem]:
    """The packaged education items, loaded once per process."""
    return load_education()


@cache
def habit_tips() -> dict[str, HabitTip]:
    """The packaged habit tips, loaded once per process."""
    return load_habit_tips()
