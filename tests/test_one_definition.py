"""One definition for each range: the core's (``core.journal``); every face reads it.

Fails if the web form, the CLI or the API types a check-in or rating range again, either
as a literal bound (``max_value=14``, ``le=10``, ``range(11)``, "0-10" in a label) or as
a bound that disagrees with the core.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from spinewise.core import journal

SRC = Path(__file__).parents[1] / "src" / "spinewise"
FACES = [
    SRC / "web" / "journal" / "forms.py",
    SRC / "web" / "journal" / "views.py",
    SRC / "web" / "api" / "checkins.py",
    SRC / "cli" / "journal_cmd.py",
]
BOUND_KEYWORDS = {
    "min", "max", "min_value", "max_value", "ge", "le", "gt", "lt", "min_length", "max_length",
}  # fmt: skip
# "0-10", "0 to 14" (but not a date like 2026-11-24)
WRITTEN_RANGE = re.compile(r"(?<![\d-])\d{1,2}\s*(?:-|to)\s*\d{1,2}(?![\d-])")


def _literal_number(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, int | float)


def _literal_bounds(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.keyword)
            and node.arg in BOUND_KEYWORDS
            and _literal_number(node.value)
        ):
            found.append(f"{path.name}:{node.value.lineno}: {node.arg}=<a number>")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "range"
            # range(1, ...) counts fields from 1; a literal end is a bound typed again
            and any(_literal_number(arg) for arg in node.args[1:] or node.args)
        ):
            found.append(f"{path.name}:{node.lineno}: range() with a literal bound")
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and WRITTEN_RANGE.search(node.value)
        ):
            found.append(f"{path.name}:{node.lineno}: a range in words: {node.value!r}")
    return found


@pytest.mark.parametrize("face", FACES, ids=lambda path: path.name)
def test_no_face_types_a_range_again(face: Path) -> None:
    assert _literal_bounds(face) == []


def test_the_scanner_would_see_a_retyped_range(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('x = f(max_value=14, le=10)\nchoices = range(11)\nlabel = "Pain (0-10)"\n')
    assert len(_literal_bounds(bad)) == 4


def test_the_web_form_offers_exactly_the_core_ranges() -> None:
    from spinewise.web.journal.forms import CheckInForm, PsfsForm

    form = CheckInForm()
    pain = [value for value, _ in form.fields["pain"].choices]  # type: ignore[attr-defined]
    assert (pain[0], pain[-1]) == journal.PAIN
    sessions = form.fields["sessions_done"]
    assert (sessions.min_value, sessions.max_value) == journal.SESSIONS  # type: ignore[attr-defined]
    assert form.fields["note"].max_length == journal.MAX_NOTE  # type: ignore[attr-defined]
    assert len(PsfsForm.numbers()) == journal.PSFS_ACTIVITIES.high


def test_the_cli_options_take_exactly_the_core_ranges() -> None:
    import typer.main

    from spinewise.cli.main import app

    command = typer.main.get_command(app).commands["checkin"]  # type: ignore[attr-defined]
    options = {param.name: param for param in command.params}
    for name, core_range in [
        ("pain", journal.PAIN),
        ("worst", journal.PAIN),
        ("sessions", journal.SESSIONS),
        ("sitting", journal.SITTING_HOURS),
    ]:
        assert (options[name].min, options[name].max) == core_range, name


def test_the_api_schema_states_exactly_the_core_ranges() -> None:
    schema = journal.DailyEntry.model_json_schema()["properties"]
    assert (schema["pain"]["minimum"], schema["pain"]["maximum"]) == journal.PAIN
    assert schema["note"]["maxLength"] == journal.MAX_NOTE
