"""Questionnaire instruments as data: items, answer scores, scoring rules and bands.

Each instrument is one YAML file, validated like the rest of the knowledge base. The
packaged ones live in ``content/instruments/``; a deployment that holds a licence for an
official instrument drops it into a *pack*: a folder named by the ``SPINEWISE_INSTRUMENT_PACKS``
setting (several folders separated by the path separator), holding instrument files and,
optionally, a ``sources.yaml`` with the sources they cite. No code changes are needed.

``score_instrument`` scores any instrument: each named score (a sum, or a sum as a
percentage of its maximum, or a mean) and the first band whose conditions hold, with the reasons.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from spinewise.core.content_loader import ContentError, content_dir, load_list, load_model
from spinewise.core.knowledge import Source, knowledge

PACKS_SETTING = "SPINEWISE_INSTRUMENT_PACKS"
_ID = r"^[a-z][a-z0-9_]*$"
_VALUE = r"^[a-z0-9][a-z0-9_]*$"  # answer values may be numbers too ("0" to "10")


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class AnswerOption(_Content):
    value: str = Field(pattern=_VALUE)
    label: str = Field(min_length=1)
    score: float


class Item(_Content):
    """One question of an instrument, in the instrument's own wording."""

    id: str = Field(pattern=_ID)
    text: str = Field(min_length=3)
    options: list[AnswerOption] = Field(min_length=2)
    reason: str | None = Field(
        default=None,
        description="Plain phrase quoted back when this item adds to a score "
        '("you said pain spreads into a leg").',
    )

    @model_validator(mode="after")
    def _distinct_values(self) -> Item:
        values = [option.value for option in self.options]
        if len(values) != len(set(values)):
            raise ValueError("an answer value is used twice")
        return self

    def option(self, value: str) -> AnswerOption:
        for option in self.options:
            if option.value == value:
                return option
        raise KeyError(value)

    @property
    def max_score(self) -> float:
        return max(option.score for option in self.options)


class ScoreRule(_Content):
    """A named score: the sum of some items, that sum as a percentage of its maximum, or
    the mean of the items (on the items' own scale)."""

    id: str = Field(pattern=_ID)
    label: str = Field(min_length=1)
    items: list[str] | Literal["all"] = "all"
    method: Literal["sum", "percent", "mean"] = "sum"


class Condition(_Content):
    """A score within a range (both ends included)."""

    score: str
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _has_a_bound(self) -> Condition:
        if self.min is None and self.max is None:
            raise ValueError("a condition needs min, max or both")
        return self

    def holds(self, scores: Mapping[str, float]) -> bool:
        value = scores[self.score]
        low_ok = self.min is None or value >= self.min
        high_ok = self.max is None or value <= self.max
        return low_ok and high_ok

    def describe(self, labels: Mapping[str, str]) -> str:
        name = labels[self.score]
        if name[1:2].islower():  # "Total score" mid-sentence, but "ODI" stays as it is
            name = name[:1].lower() + name[1:]
        if self.min is not None and self.max is not None:
            return f"{name} from {self.min:g} to {self.max:g}"
        if self.min is not None:
            return f"{name} {self.min:g} or more"
        return f"{name} {self.max:g} or less"


class Band(_Content):
    """A result band. Bands are tried in order; the first whose conditions all hold wins,
    and the last band has no conditions (it catches everything else)."""

    id: str = Field(pattern=_ID)
    label: str = Field(min_length=1)
    when: list[Condition] = Field(default_factory=list)
    explanation: str = Field(min_length=10)


class Instrument(_Content):
    id: str = Field(pattern=_ID)
    title: str = Field(min_length=3)
    version: str = Field(min_length=1)
    intro: str = Field(min_length=10, description="Shown before the items.")
    time_frame: str | None = None
    copyright: str = Field(min_length=3)
    licence: str = Field(min_length=10)
    validated: bool = Field(description="Whether this exact wording has been validated.")
    note: str | None = Field(default=None, description="What the instrument is and is not.")
    sources: list[str] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)
    scores: list[ScoreRule] = Field(min_length=1)
    bands: list[Band] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Instrument:
        item_ids = [item.id for item in self.items]
        if len(item_ids) != len(set(item_ids)):
            raise ValueError("an item id is used twice")
        score_ids = [score.id for score in self.scores]
        if len(score_ids) != len(set(score_ids)):
            raise ValueError("a score id is used twice")
        for score in self.scores:
            unknown = [
                i for i in (score.items if score.items != "all" else []) if i not in item_ids
            ]
            if unknown:
                raise ValueError(f"score {score.id} names unknown items: {', '.join(unknown)}")
        band_ids = [band.id for band in self.bands]
        if len(band_ids) != len(set(band_ids)):
            raise ValueError("a band id is used twice")
        for band in self.bands:
            unknown = [c.score for c in band.when if c.score not in score_ids]
            if unknown:
                raise ValueError(f"band {band.id} names unknown scores: {', '.join(unknown)}")
        if self.bands[-1].when:
            raise ValueError("the last band must have no conditions (it catches the rest)")
        if any(not band.when for band in self.bands[:-1]):
            raise ValueError("only the last band may have no conditions")
        return self

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def band(self, band_id: str) -> Band:
        for band in self.bands:
            if band.id == band_id:
                return band
        raise KeyError(band_id)

    def items_of(self, score: ScoreRule) -> list[Item]:
        if score.items == "all":
            return list(self.items)
        return [self.item(item_id) for item_id in score.items]


class InstrumentResult(BaseModel):
    """One scored questionnaire: every named score, the band and why."""

    model_config = ConfigDict(frozen=True)

    instrument: str
    version: str
    answers: dict[str, str]
    scores: dict[str, float]
    maximums: dict[str, float]
    band: str
    band_label: str
    reasons: list[str]


class AnswersError(ValueError):
    """Answers that do not fit an instrument; ``problems`` names each bad item."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{item}: {reason}" for item, reason in problems))


def answer_problems(instrument: Instrument, answers: Mapping[str, object]) -> list[tuple[str, str]]:
    """Every item left unanswered, answered with an unknown value, or not in the instrument."""
    problems: list[tuple[str, str]] = []
    for item in instrument.items:
        if item.id not in answers:
            problems.append((item.id, "required"))
            continue
        value = answers[item.id]
        allowed = [option.value for option in item.options]
        if not isinstance(value, str) or value not in allowed:
            problems.append((item.id, f"must be one of: {', '.join(allowed)}"))
    known = {item.id for item in instrument.items}
    problems.extend(
        (name, "not an item of this questionnaire") for name in answers if name not in known
    )
    return problems


def _fmt(value: float) -> str:
    return f"{value:g}"


def score_instrument(instrument: Instrument, answers: Mapping[str, str]) -> InstrumentResult:
    """Scores complete answers to ``instrument``, or raises AnswersError naming each problem."""
    problems = answer_problems(instrument, answers)
    if problems:
        raise AnswersError(problems)
    scores: dict[str, float] = {}
    maximums: dict[str, float] = {}
    for rule in instrument.scores:
        items = instrument.items_of(rule)
        total = sum(item.option(answers[item.id]).score for item in items)
        top = sum(item.max_score for item in items)
        if rule.method == "percent":
            total, top = (100 * total / top if top else 0.0), 100.0
        elif rule.method == "mean":
            total, top = total / len(items), max(item.max_score for item in items)
        scores[rule.id], maximums[rule.id] = round(total, 2), top
    band = next(b for b in instrument.bands if all(c.holds(scores) for c in b.when))
    labels = {rule.id: rule.label for rule in instrument.scores}
    reasons = [f"{labels[rule]}: {_fmt(scores[rule])} of {_fmt(maximums[rule])}" for rule in scores]
    if band.when:
        reasons.append(
            f"{band.label}: " + " and ".join(c.describe(labels) for c in band.when) + "."
        )
    else:
        missed = "; ".join(
            f"not {other.label.lower()} ({' and '.join(c.describe(labels) for c in other.when)})"
            for other in instrument.bands[:-1]
        )
        reasons.append(f"{band.label}: {missed}.")
    reasons.extend(
        item.reason
        for item in instrument.items
        if item.reason and item.option(answers[item.id]).score > 0
    )
    return InstrumentResult(
        instrument=instrument.id,
        version=instrument.version,
        answers=dict(answers),
        scores=scores,
        maximums=maximums,
        band=band.id,
        band_label=band.label,
        reasons=reasons,
    )


def pack_folders(setting: str | None = None) -> list[Path]:
    """The instrument pack folders named by ``SPINEWISE_INSTRUMENT_PACKS`` (or ``setting``)."""
    raw = os.environ.get(PACKS_SETTING, "") if setting is None else setting
    return [Path(part) for part in raw.split(os.pathsep) if part.strip()]


def _load_folder(folder: Path, sources: dict[str, Source], found: dict[str, Instrument]) -> None:
    if not folder.is_dir():
        raise ContentError(str(folder), [("(folder)", "instrument folder not found")])
    pack_sources = folder / "sources.yaml"
    if pack_sources.is_file():
        for source in load_list(pack_sources, Source):
            if source.id in sources:
                raise ContentError(str(pack_sources), [(source.id, "source id already used")])
            sources[source.id] = source
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "sources.yaml":
            continue
        instrument = load_model(path, Instrument)
        problems = [
            ("sources", f"unknown source id {source!r}")
            for source in instrument.sources
            if source not in sources
        ]
        if instrument.id in found:
            problems.append(("id", f"instrument {instrument.id!r} is defined twice"))
        if path.stem != instrument.id:
            problems.append(("id", f"must match the file name ({path.stem})"))
        if problems:
            raise ContentError(str(path), problems)
        found[instrument.id] = instrument


def load_instruments(
    packs: list[Path] | None = None, folder: Path | None = None
) -> dict[str, Instrument]:
    """The packaged instruments (``folder``, by default ``content/instruments``) and those of
    every pack folder, by id. Fails loudly on a malformed file, an unknown source or an id
    used twice."""
    sources = dict(knowledge().sources)
    found: dict[str, Instrument] = {}
    _load_folder(folder or content_dir() / "instruments", sources, found)
    for pack in packs if packs is not None else pack_folders():
        _load_folder(pack, sources, found)
    return found


@cache
def instruments() -> dict[str, Instrument]:
    """Every instrument this deployment has (packaged and packs), loaded once per process."""
    return load_instruments()


@cache
def packaged_instrument(instrument_id: str) -> Instrument:
    """One packaged instrument (packs are not read: the intake contract is fixed)."""
    return load_instruments(packs=[])[instrument_id]
