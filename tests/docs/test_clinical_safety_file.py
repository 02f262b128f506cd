"""The clinical safety file stays true: every test it names exists, and the safety case
quotes the validation figures the engine produces today."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from spinewise.cli.validate_cmd import load_cases
from spinewise.core.validation import summary_lines, validate_cases

ROOT = Path(__file__).parents[2]
SAFETY = ROOT / "docs" / "clinical-safety"
# `core/test_x.py::test_name` or, after a first full path in a cell, `::test_name`.
REFERENCE = re.compile(r"`(?:([\w/]+\.py))?::(test_\w+)(?:\[[^\]]*\])?`")


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def _references(text: str) -> list[tuple[str, str]]:
    found, current = [], ""
    for line in text.splitlines():
        for cell in line.split("|"):
            current = ""  # a bare `::test` refers to the last file named in the same cell
            for file, test in REFERENCE.findall(cell):
                current = file or current
                found.append((current, test))
    return found


@pytest.mark.parametrize("document", ["hazard-log.md", "safety-case-report.md"])
def test_every_test_the_safety_file_names_exists(document: str) -> None:
    references = _references((SAFETY / document).read_text(encoding="utf-8"))
    assert references, "the document names no tests"
    missing = []
    for file, test in references:
        path = ROOT / "tests" / file
        if not file or not path.is_file() or test not in _test_names(path):
            missing.append(f"{file}::{test}")
    assert missing == []


def test_the_safety_case_quotes_todays_validation_figures() -> None:
    cases, _ = load_cases(ROOT / "tests" / "vignettes")
    report = validate_cases(cases)
    text = (SAFETY / "safety-case-report.md").read_text(encoding="utf-8")
    for measure, value, _ in summary_lines(report):
        assert f"| {measure} | {value} |" in text, f"stale figure: {measure} = {value}"


def test_the_validation_report_is_current() -> None:
    cases, sources = load_cases(ROOT / "tests" / "vignettes")
    from spinewise.core.validation import markdown

    written = (SAFETY / "validation.md").read_text(encoding="utf-8")
    assert written == markdown(validate_cases(cases), sources), "run `make validate`"
