"""Every label and range is defined once, in the core or the content, and faces show it.

A face (the web app, the CLI, the reports) that types a verdict's name, a region's name,
an equipment name or a field's range again would drift from the core the day one of them
changes, so these tests fail on any such copy.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from spinewise.core.assessment import Assessment
from spinewise.core.exercises import CONDITION_DESCRIPTIONS, EQUIPMENT_NAMES, EVIDENCE_NOTE
from spinewise.core.intake import Habits, Intake
from spinewise.core.journal import DailyEntry
from spinewise.core.knowledge import knowledge
from spinewise.core.levels import Level
from spinewise.core.plan import PHASES, WEEKDAY_NAMES, Preferences
from spinewise.core.review import VERDICT_LABELS

SRC = Path(__file__).parents[2] / "src" / "spinewise"
FACES = ("web", "cli", "reports")
MIGRATIONS = "migrations"


def core_labels() -> set[str]:
    kb = knowledge()
    labels = {level.label for level in Level} | {level.short_label for level in Level}
    labels |= set(VERDICT_LABELS.values())
    labels |= {region.name for region in kb.regions.values()}
    labels |= {region.short_name for region in kb.regions.values()}
    labels |= {kb.both_regions_name, kb.unmarked_region_name}
    labels |= {cause.name for cause in kb.causes.values()}
    labels |= {cause.phrase for cause in kb.causes.values()}
    labels |= {mistake.name for mistake in kb.mistakes.values()}
    labels |= {name for name in EQUIPMENT_NAMES.values() if " " in name}
    labels |= set(CONDITION_DESCRIPTIONS.values())
    labels |= {phase.name for phase in PHASES} | {phase.focus for phase in PHASES}
    labels |= set(WEEKDAY_NAMES.values())
    labels.add(EVIDENCE_NOTE)
    return labels


def core_ranges() -> dict[tuple[float, float], str]:
    """Every (lowest, highest) pair a core model allows for a number, with its field."""
    ranges: dict[tuple[float, float], str] = {}
    models: tuple[type[BaseModel], ...] = (DailyEntry, Preferences, Intake, Habits)
    for model in models:
        for name, field in model.model_fields.items():
            low = high = None
            for rule in field.metadata:
                low = getattr(rule, "ge", low)
                high = getattr(rule, "le", high)
            if low is not None and high is not None:
                ranges[(low, high)] = f"{model.__name__}.{name}"
    return ranges


def face_files(*suffixes: str) -> Iterator[Path]:
    for face in FACES:
        for path in sorted((SRC / face).rglob("*")):
            if path.suffix in suffixes and MIGRATIONS not in path.parts:
                yield path


def string_constants(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def numeric_bounds(path: Path) -> Iterator[tuple[int, tuple[float, float]]]:
    """Literal (low, high) pairs passed as min/max, min_value/max_value or ge/le."""
    pairs = (("min", "max"), ("min_value", "max_value"), ("ge", "le"))
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        given = {
            kw.arg: kw.value.value
            for kw in node.keywords
            if isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, int | float)
        }
        for low, high in pairs:
            if low in given and high in given:
                yield node.lineno, (given[low], given[high])


def test_the_core_has_labels_to_check() -> None:
    labels = core_labels()
    assert "Ease off" in labels and "Lower back (lumbar)" in labels
    assert (0, 10) in core_ranges()


@pytest.mark.parametrize("path", list(face_files(".py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_face_module_types_a_core_label_again(path: Path) -> None:
    labels = core_labels()
    copies = [(line, text) for line, text in string_constants(path) if text in labels]
    assert copies == [], f"{path.name} repeats core labels (use the core's): {copies}"


@pytest.mark.parametrize("path", list(face_files(".html")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_template_types_a_core_label_again(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # A label standing alone as an element's text or an attribute's value; the same words
    # inside a longer sentence are prose, not a copy.
    copies = [
        label
        for label in core_labels()
        if re.search(rf"[>\"']\s*{re.escape(label)}\s*[<\"']", text)
    ]
    assert copies == [], f"{path.name} repeats core labels (pass the core's): {copies}"


@pytest.mark.parametrize("path", list(face_files(".py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_face_module_types_a_core_range_again(path: Path) -> None:
    ranges = core_ranges()
    copies = [
        (line, bounds, ranges[bounds]) for line, bounds in numeric_bounds(path) if bounds in ranges
    ]
    assert copies == [], f"{path.name} repeats core ranges (read the core's): {copies}"


def test_an_assessment_names_its_region_from_the_content() -> None:
    kb = knowledge()
    names = {
        region: Assessment.model_construct(region=region).region_name
        for region in ("lower", "upper", "both", None)
    }
    assert names["lower"] == kb.regions["lower"].name
    assert names["both"] == kb.both_regions_name
    assert names[None] == kb.unmarked_region_name
