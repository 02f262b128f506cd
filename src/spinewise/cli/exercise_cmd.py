"""``spinewise exercise``: browse the exercise library and follow an exercise with a timer."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, NoReturn, get_args

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from spinewise.core.exercises import Exercise, TimerStep

# Replaced in tests; the timer divides every wait by --speed.
sleep: Callable[[float], None] = time.sleep


def _regions() -> tuple[str, ...]:
    from spinewise.core.exercises import REGIONS

    return REGIONS


def cause_ids() -> tuple[str, ...]:
    from spinewise.core.knowledge import CauseId

    return get_args(CauseId)


def _cause_help() -> str:
    return f"List only exercises that serve this cause: {', '.join(cause_ids())}."


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
        str | None,
        typer.Option(
            "--region",
            metavar="REGION",
            help=f"List only exercises for one part of the back: {', '.join(_regions())}.",
        ),
    ] = None,
    cause: Annotated[
        str | None,
        typer.Option(
            "--cause",
            metavar="CAUSE",
            help=_cause_help(),
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
    from rich.console import Console

    from spinewise.cli.exercise_view import print_exercise, print_list
    from spinewise.core.exercises import exercises_for, get_exercise

    console = Console(highlight=False)
    if region is not None and region not in _regions():
        _fail(f"unknown region {region!r}; choose one of: {', '.join(_regions())}")
    if cause is not None and cause not in cause_ids():
        _fail(f"unknown cause {cause!r}; choose one of: {', '.join(cause_ids())}")
    if exercise_id is None:
        if timer:
            _fail("--timer needs an exercise id, e.g. spinewise exercise plank --timer")
        print_list(console, exercises_for(region, cause))
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
        print_exercise(console, exercise)


def _fail(message: str) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(2)


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
    from spinewise.core.exercises import timer_plan

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
