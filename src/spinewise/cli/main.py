"""The ``spinewise`` command line: every command is registered here, by name.

A command's module is imported, and its options built, only when that command runs:
``spinewise --help`` lists the commands from their docstrings without loading the
engine, Django, PDF or calendar code, and ``spinewise assess`` loads only what assessing
needs. So command modules keep their top-level imports light (typer and the standard
library) and import the rest inside the command.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any, Literal

import typer
from typer.core import TyperCommand, TyperGroup

APP_HELP = "Spinewise: back-pain triage, assessment, a six-week programme and progress tracking."
MARKUP: Literal["rich"] = "rich"


@dataclass(frozen=True)
class Command:
    """One command: its name and the function (``module:function``) that runs it."""

    name: str
    target: str
    options: dict[str, Any] = field(default_factory=dict)

    def function(self) -> Callable[..., Any]:
        module, _, name = self.target.partition(":")
        function: Callable[..., Any] = getattr(import_module(module), name)
        return function


COMMANDS: tuple[Command, ...] = (
    Command("assess", "spinewise.cli.assess_cmd:assess_command"),
    Command("compare", "spinewise.cli.assess_cmd:compare_command"),
    Command("intake-schema", "spinewise.cli.assess_cmd:intake_schema_command"),
    Command("plan", "spinewise.cli.plan_cmd:plan_command"),
    Command("exercise", "spinewise.cli.exercise_cmd:exercise_command"),
    Command("checkin", "spinewise.cli.journal_cmd:checkin_command"),
    Command("psfs", "spinewise.cli.journal_cmd:psfs_command"),
    Command("pain-week", "spinewise.cli.journal_cmd:pain_week_command"),
    Command("progress", "spinewise.cli.journal_cmd:progress_command"),
    Command("export", "spinewise.cli.export_cmd:export_command"),
    Command("demo-data", "spinewise.cli.demo_cmd:demo_data_command"),
    Command("serve", "spinewise.cli.serve_cmd:serve_command"),
    Command(
        "manage",
        "spinewise.cli.serve_cmd:manage_command",
        {
            "context_settings": {"allow_extra_args": True, "ignore_unknown_options": True},
            "add_help_option": False,
        },
    ),
    Command("backup", "spinewise.cli.backup_cmd:backup_command"),
    Command("restore", "spinewise.cli.backup_cmd:restore_command"),
    Command("maintenance", "spinewise.cli.maintenance_cmd:maintenance_command"),
    Command("validate", "spinewise.cli.validate_cmd:validate_command"),
    Command("outcomes", "spinewise.cli.outcomes_cmd:outcomes_command"),
    Command("rescreen", "spinewise.cli.rescreen_cmd:rescreen_command"),
    Command("instruments", "spinewise.cli.instruments_cmd:instruments_command"),
)
_BY_NAME = {command.name: command for command in COMMANDS}


@cache
def build(name: str) -> TyperCommand:
    """The full click command for ``name``: its module imported, its options built."""
    command = _BY_NAME[name]
    single = typer.Typer(add_completion=False, rich_markup_mode=MARKUP)
    single.command(command.name, **command.options)(command.function())
    built = typer.main.get_command(single)
    assert isinstance(built, TyperCommand)
    return built


def summary(name: str) -> TyperCommand:
    """A stand-in for listing: the command's name and docstring, no options built."""
    return TyperCommand(
        name=name, help=inspect.getdoc(_BY_NAME[name].function()), rich_markup_mode=MARKUP
    )


class _Built(Mapping[str, TyperCommand]):
    """Every command by name, each built the first time it is looked up."""

    def __getitem__(self, name: str) -> TyperCommand:
        if name not in _BY_NAME:
            raise KeyError(name)
        return build(name)

    def __iter__(self) -> Iterator[str]:
        return iter(_BY_NAME)

    def __len__(self) -> int:
        return len(_BY_NAME)


class Commands(TyperGroup):
    """The top-level group: builds a command only when it runs or shows its own help."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _Built()  # type: ignore[assignment]
        self._listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(_BY_NAME)

    def get_command(self, ctx: Any, cmd_name: str) -> TyperCommand | None:
        if cmd_name not in _BY_NAME:
            return None
        return summary(cmd_name) if self._listing else build(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False


app = typer.Typer(
    name="spinewise",
    cls=Commands,
    help=APP_HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=MARKUP,
)


@app.callback()
def _top_level() -> None:
    # No options of its own; present so that Typer makes a group of the commands above.
    pass
