"""``spinewise exercise``: browse the exercise library and follow an exercise with a timer."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, NoReturn, get_args

import typer
from rich.console import Console
from rich.padding import Padding
from rich.table import Table

from spinewise.cli.main import app
from spinewise.core.exercises import (
    CONDITION_DESCRIPTIONS,
    EVIDENCE_NOTE,
    Exercise,
    TimerStep,
    exercises_for,
    get_exercise,
    timer_plan,
)
from spinewise.core.knowledge import CauseId

# Replaced in tests; the timer divides every wait by --speed.
sleep: Callable[[float], None] = time.sleep


class RegionChoice(StrEnum):
    LOWER = "lower"
    UPPER = "upper"


CAUSES: tuple[str, ...] = get_args(CauseId)


@app.command("exercise")
def exercise_command(
    exercise_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="Exercise to show, e.g. glute_bridge. Leave out to list the library.",
            show_default=False,
        ),
    ] = None,
    region: Annotated[
        RegionChoice | None,
        typer.Option("--region", help="List only exercises for the lower or upper back."),
    ] = None,
    cause: Annotated[
        str | None,
        typer.Option(
            "--cause",
            metavar="CAUSE",
            help=f"List only exercises that serve this cause: {', '.join(CAUSES)}.",
        ),
    ] = None,
    timer: Annotated[
        bool,
        typer.Option("--timer", help="Guide the exercise set by set with a countdown and a bell."),
    ] = False,
    speed: Annotated[
        float,
        typer.Option(
            "--speed",
            min=0.001,
            metavar="FACTOR",
            help="Run the timer FACTOR times faster (for demos and tests; 1 is real time).",
        ),
    ] = 1.0,
) -> None:
    """List the exercises, show one step by step, or follow it with a timer.

    Examples: [bold]spinewise exercise --region upper[/],
    [bold]spinewise exercise plank[/], [bold]spinewise exercise plank --timer[/].
    """
    console = Console(highlight=False)
    if cause is not None and cause not in CAUSES:
        _fail(f"unknown cause {cause!r}; choose one of: {', '.join(CAUSES)}")
    if exercise_id is None:
        if timer:
            _fail("--timer needs an exercise id, e.g. spinewise exercise plank --timer")
        _print_list(console, exercises_for(region.value if region else None, cause))
        return
    if region is not None or cause is not None:
        _fail("--region and --cause filter the list; leave out the exercise id to use them")
    try:
        exercise = get_exercise(exercise_id)
    except KeyError:
        _fail(
            f"no exercise called {exercise_id!r}. "
            "Run 'spinewise exercise' to see the ids you can use."
        )
    if timer:
        run_timer(console, exercise, speed)
    else:
        _print_exercise(console, exercise)


def _fail(message: str) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(2)


def _print_list(console: Console, exercises: list[Exercise]) -> None:
    if not exercises:
        console.print("No exercises match those filters.")
        return
    table = Table(title="Spinewise exercises")
    table.add_column("ID", no_wrap=True)
    table.add_column("Name")
    table.add_column("Regions")
    table.add_column("Level")
    table.add_column("Time", justify="right")
    for exercise in exercises:
        table.add_row(
            exercise.id,
            exercise.name,
            ", ".join(exercise.regions),
            exercise.level,
            f"{max(1, round(exercise.estimated_seconds / 60))} min",
        )
    console.print(table)
    console.print("Show one with: spinewise exercise ID (add --timer to follow along)")


def _bullets(console: Console, title: str, items: list[str], numbered: bool = False) -> None:
    console.print(f"\n[bold]{title}[/bold]")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", min_width=4)
    grid.add_column()
    for index, item in enumerate(items, start=1):
        grid.add_row(f"{index}." if numbered else "-", item)
    console.print(grid)


def _print_exercise(console: Console, exercise: Exercise) -> None:
    console.print(f"[bold]{exercise.name}[/bold] ({exercise.id})")
    console.print(
        f"{exercise.kind.capitalize()}, {exercise.level}, for the "
        f"{' and '.join(exercise.regions)} back. About "
        f"{max(1, round(exercise.estimated_seconds / 60))} min."
    )
    console.print(f"\n{exercise.purpose}")
    console.print("\n[bold]Start position[/bold]")
    console.print(Padding(exercise.start_position, (0, 0, 0, 2)))
    _bullets(console, "Steps", exercise.steps, numbered=True)
    console.print(f"\n[bold]How much[/bold]\n  {exercise.dosage.describe()}")
    _bullets(console, "Form cues", exercise.form_cues)
    _bullets(console, "Stop and try something gentler if", exercise.stop_if)
    if exercise.contraindications:
        _bullets(
            console,
            "Skip this one for now if you have",
            [CONDITION_DESCRIPTIONS[condition] for condition in exercise.contraindications],
        )
    equipment = [item.replace("_", " ") for item in exercise.equipment]
    console.print(f"\n[bold]Equipment[/bold]\n  {', '.join(equipment)}")
    if exercise.easier or exercise.harder:
        console.print("\n[bold]Variations[/bold]")
        if exercise.easier:
            console.print(f"  Easier: {get_exercise(exercise.easier).name} ({exercise.easier})")
        if exercise.harder:
            console.print(f"  Harder: {get_exercise(exercise.harder).name} ({exercise.harder})")
    _bullets(console, "Evidence", [f"{s.title}: {s.url}" for s in exercise.sources])
    console.print(f"  {EVIDENCE_NOTE}")


def _bell() -> None:
    # Written straight to the stream: rich strips control characters such as BEL.
    sys.stdout.write("\a")
    sys.stdout.flush()


def _countdown(console: Console, seconds: float, speed: float) -> None:
    """Waits ``seconds`` (scaled by speed); shows a live count on a real terminal."""
    remaining = round(seconds)
    live = console.is_terminal
    while remaining > 0:
        if live:
            console.print(f"\r  {remaining:>3}s ", end="")
        sleep(1 / speed)
        remaining -= 1
    if live:
        console.print("\r       \r", end="")


def _work(console: Console, step: TimerStep, speed: float) -> None:
    if step.reps is not None and step.seconds_per_rep is not None:
        for rep in range(1, step.reps + 1):
            console.print(f"  rep {rep} of {step.reps}")
            sleep(step.seconds_per_rep / speed)
    else:
        _countdown(console, step.seconds, speed)


def run_timer(console: Console, exercise: Exercise, speed: float = 1.0) -> None:
    """Guides one exercise: a bell and a progress line at each change, then a countdown."""
    steps = timer_plan(exercise)
    console.print(f"[bold]{exercise.name}[/bold]: {exercise.dosage.describe()}")
    console.print(f"Start position: {exercise.start_position}")
    console.print("Get ready…")
    _countdown(console, 5, speed)
    for step in steps:
        _bell()
        console.print(f"[bold]{step.label}[/bold]")
        if step.kind == "work":
            _work(console, step, speed)
        else:
            _countdown(console, step.seconds, speed)
    _bell()
    console.print("Done. Nicely done; notice how your back feels now.")
