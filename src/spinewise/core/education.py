"""Weekly education items and daily habit tips for the programme, validated on load.

Both files cite sources by id; an unknown id, a missing week or a duplicate fails loudly
with the file, the field and the reason.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

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


# How long the pain has lasted, in the bands the readings are written for: under six
# weeks, six to twelve weeks, and twelve weeks or more (persistent).
Lasting = Literal["recent", "weeks", "months"]
LASTING_WEEKS_FROM_DAYS = 42
LASTING_MONTHS_FROM_DAYS = 84


def lasting(duration_days: int) -> Lasting:
    """The duration band of pain that started ``duration_days`` ago."""
    if duration_days >= LASTING_MONTHS_FROM_DAYS:
        return "months"
    if duration_days >= LASTING_WEEKS_FROM_DAYS:
        return "weeks"
    return "recent"


class EducationItem(_Content):
    """One short read, shown in one programme week.

    A week has one general read and may have others written for one verdict (``level``)
    or one duration band (``lasting``); ``reading_for`` picks the closest fit.
    """

    week: int = Field(ge=1, le=PROGRAMME_WEEKS)
    level: Literal["self_care", "soon"] | None = None
    lasting: Lasting | None = None
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
    causes: list[CauseId] = Field(default=[])
    mistakes: list[MistakeId] = Field(default=[])
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


def _week_problems(items: list[EducationItem]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    general = [item.week for item in items if item.level is None and item.lasting is None]
    missing = sorted(set(range(1, PROGRAMME_WEEKS + 1)) - set(general))
    if missing:
        problems.append(("week", f"no general item for week(s) {', '.join(map(str, missing))}"))
    keys = [(item.week, item.level, item.lasting) for item in items]
    dupes = sorted({key[0] for key in keys if keys.count(key) > 1})
    if dupes:
        problems.append(("week", f"more than one item for the same readers in week(s) {dupes}"))
    return problems


def load_readings(folder: Path | None = None) -> dict[int, list[EducationItem]]:
    """Every read by week (1-6), general read first; each week needs exactly one general
    read, and no two reads may be written for the same readers."""
    path = (folder or content_dir()) / "education.yaml"
    items = load_list(path, EducationItem)
    unique_ids(path, [item.id for item in items])
    _check_sources(path, items)
    problems = _week_problems(items)
    if problems:
        raise ContentError(str(path), problems)
    by_week: dict[int, list[EducationItem]] = {}
    for item in sorted(items, key=lambda i: (i.week, i.level is not None or i.lasting is not None)):
        by_week.setdefault(item.week, []).append(item)
    return by_week


def load_education(folder: Path | None = None) -> dict[int, EducationItem]:
    """The general read of each week (1-6)."""
    return {week: items[0] for week, items in load_readings(folder).items()}


def reading_for(week: int, level: str, duration_days: int | None) -> EducationItem:
    """The read for ``week`` that fits this person best.

    A read written for the verdict wins over one written for how long the pain has lasted,
    which wins over the general read; a read written for other readers never shows.
    """
    band = lasting(duration_days) if duration_days is not None else None

    def fit(item: EducationItem) -> tuple[int, int] | None:
        if item.level not in (None, level) or item.lasting not in (None, band):
            return None
        return (item.level is not None, item.lasting is not None)

    fitting = [(key, item) for item in readings()[week] if (key := fit(item)) is not None]
    return max(fitting, key=lambda pair: pair[0])[1]


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
def readings() -> dict[int, list[EducationItem]]:
    """The packaged reads by week, loaded once per process."""
    return load_readings()


@cache
def education() -> dict[int, EducationItem]:
    """The packaged general read of each week, loaded once per process."""
    return {week: items[0] for week, items in readings().items()}


@cache
def habit_tips() -> dict[str, HabitTip]:
    """The packaged habit tips, loaded once per process."""
    return load_habit_tips()
