"""The command line starts light: each command loads only what it uses.

Speed itself is measured by ``make bench``; these tests pin down the cause of a slow
start, which is importing heavy code that the command never uses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spinewise.cli.main import COMMANDS, app, build

P01 = Path(__file__).parents[1] / "vignettes" / "P01.json"
HEAVY = ("django", "icalendar", "fpdf", "gunicorn", "spinewise.web", "spinewise.reports")


def _modules_loaded_by(*args: str) -> list[str]:
    script = (
        "import sys\n"
        "from spinewise.cli.main import app\n"
        f"try:\n    app({list(args)!r})\n"
        "except SystemExit:\n    pass\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return done.stderr.splitlines()


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY)]


def test_help_lists_every_command_without_loading_the_engine() -> None:
    modules = _modules_loaded_by("--help")
    assert _heavy(modules) == []
    assert not [m for m in modules if m.startswith("spinewise.core")]


def test_assess_as_json_loads_neither_django_nor_the_calendar_nor_rich() -> None:
    modules = _modules_loaded_by("assess", "--answers", str(P01), "--json")
    assert _heavy(modules) == []
    assert "rich.console" not in modules


def test_help_names_every_registered_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command.name in result.output


@pytest.mark.parametrize("name", [command.name for command in COMMANDS])
def test_every_registered_command_builds_with_its_own_help(name: str) -> None:
    command = build(name)
    assert command.name == name
    assert command.help


def test_assess_json_is_one_object_with_the_contract_fields() -> None:
    result = CliRunner().invoke(app, ["assess", "--answers", str(P01), "--json"])
    assert result.exit_code == 0
    assert {"triage", "region", "causes", "mistakes"} <= set(json.loads(result.output))


def test_serve_threads_default_and_option() -> None:
    from spinewise.cli.serve_cmd import THREADS, gunicorn_options

    assert gunicorn_options("127.0.0.1", 8000, 3)["threads"] == THREADS == 2
    assert gunicorn_options("127.0.0.1", 8000, 3, 6)["threads"] == 6
