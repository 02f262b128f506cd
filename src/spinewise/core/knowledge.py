"""The knowledge base: regions, causes, red flags, mistakes and sources, validated on load."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from spinewise.core.content_loader import ContentError, content_dir, load_list, load_model
from spinewise.core.content_loader import unique_ids as _unique_ids
from spinewise.core.levels import Level

RegionId = Literal["lower", "upper"]
CauseId = Literal[
    "muscle_strain",
    "herniated_disc",
    "sciatica",
    "weak_core",
    "sedentary_lifestyle",
    "poor_posture",
    "muscle_tension",
    "forward_head_posture",
    "repetitive_movements",
    "heavy_bags",
    "spinal_misalignment",
]
MistakeId = Literal[
    "ignoring_posture", "skipping_strength_training", "relying_on_painkillers", "sitting_too_long"
]

_Text = Field(min_length=1)


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Content):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str = Field(min_length=5)
    url: HttpUrl | None


class _Sourced(_Content):
    sources: list[str] = Field(min_length=1)


class ComparisonRow(_Content):
    feature: str = _Text
    lower: str = _Text
    upper: str = _Text


class Region(_Sourced):
    id: RegionId
    name: str = _Text
    short_name: str = _Text
    summary: str = _Text


class RegionsFile(_Content):
    rows: list[ComparisonRow] = Field(min_length=5)
    regions: list[Region] = Field(min_length=2, max_length=2)
    both_name: str = _Text
    unmarked_name: str = _Text


class Cause(_Sourced):
    id: CauseId
    name: str = _Text
    phrase: str = Field(min_length=1, description="Short form for 'Chosen for ...'.")
    regions: list[RegionId] = Field(min_length=1)
    explanation: str = _Text
    typical_signs: list[str] = Field(min_length=1)


class RedFlag(_Sourced):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str = _Text
    level: Level
    regions: list[RegionId] = Field(min_length=1)
    trigger: str = _Text
    advice: str = _Text
    no_plan: bool = False


class Mistake(_Sourced):
    id: MistakeId
    name: str = _Text
    detection: str = _Text
    tip: str = _Text
    # The cause whose advice this habit's tip completes: the result shows the two together
    # instead of saying the same thing twice.
    cause: CauseId | None = None


class KnowledgeBase(_Content):
    sources: dict[str, Source]
    comparison: list[ComparisonRow]
    regions: dict[str, Region]
    both_regions_name: str
    unmarked_region_name: str
    causes: dict[str, Cause]
    red_flags: dict[str, RedFlag]
    mistakes: dict[str, Mistake]

    def region_name(self, region: str | None) -> str:
        """How every face names an assessment's region: lower, upper, both, or none."""
        if region == "both":
            return self.both_regions_name
        if region in self.regions:
            return self.regions[region].name
        return self.unmarked_region_name

    def region_short_names(self) -> dict[str, str]:
        """``{"lower": "Lower back", "upper": "Upper back"}``, for tags and filters."""
        return {region.id: region.short_name for region in self.regions.values()}


def _check_sources(path: Path, items: list[_Sourced], known: dict[str, Source]) -> None:
    problems = [
        (f"{getattr(item, 'id', index)}.sources", f"unknown source id {source!r}")
        for index, item in enumerate(items)
        for source in item.sources
        if source not in known
    ]
    if problems:
        raise ContentError(str(path), problems)


def _require_all(path: Path, found: list[str], expected: tuple[str, ...], what: str) -> None:
    missing = sorted(set(expected) - set(found))
    if missing:
        raise ContentError(str(path), [("(file)", f"missing {what}: {', '.join(missing)}")])


def load_knowledge(folder: Path | None = None) -> KnowledgeBase:
    """Loads and cross-checks every knowledge file in ``folder`` (the package's by default)."""
    root = folder or content_dir()
    source_list = load_list(root / "sources.yaml", Source)
    _unique_ids(root / "sources.yaml", [s.id for s in source_list])
    sources = {s.id: s for s in source_list}

    regions_file = load_model(root / "regions.yaml", RegionsFile)
    causes = load_list(root / "causes.yaml", Cause)
    red_flags = load_list(root / "red_flags.yaml", RedFlag)
    mistakes = load_list(root / "mistakes.yaml", Mistake)

    for name, items in (
        ("regions.yaml", list(regions_file.regions)),
        ("causes.yaml", list(causes)),
        ("red_flags.yaml", list(red_flags)),
        ("mistakes.yaml", list(mistakes)),
    ):
        path = root / name
        _unique_ids(path, [item.id for item in items])
        _check_sources(path, list(items), sources)

    _require_all(root / "causes.yaml", [c.id for c in causes], get_args(CauseId), "causes")
    _require_all(root / "mistakes.yaml", [m.id for m in mistakes], get_args(MistakeId), "mistakes")

    return KnowledgeBase(
        sources=sources,
        comparison=regions_file.rows,
        regions={r.id: r for r in regions_file.regions},
        both_regions_name=regions_file.both_name,
        unmarked_region_name=regions_file.unmarked_name,
        causes={c.id: c for c in causes},
        red_flags={f.id: f for f in red_flags},
        mistakes={m.id: m for m in mistakes},
    )


@cache
def knowledge() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process."""
    return load_knowledge()
