"""Prints the exercise library and one exercise in a terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.table import Table

from spinewise.core.exercises import (
    CONDITION_DESCRIPTIONS,
    EQUIPMENT_NAMES,
    EVIDENCE_NOTE,
    Exercise,
    get_exercise,
)


def print_list(console: Console, exercises: list[Exercise]) -> None:
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


def print_exercise(console: Console, exercise: Exercise) -> None:
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
    equipment = [EQUIPMENT_NAMES[item] for item in exercise.equipment]
    console.print(f"\n[bold]Equipment[/bold]\n  {', '.join(equipment)}")
    if exercise.easier or exercise.harder:
        console.print("\n[bold]Variations[/bold]")
        if exercise.easier:
            console.print(f"  Easier: {get_exercise(exercise.easier).name} ({exercise.easier})")
        if exercise.harder:
            console.print(f"  Harder: {get_exercise(exercise.harder).name} ({exercise.harder})")
    _bullets(console, "Evidence", [f"{s.title}: {s.url}" for s in exercise.sources])
    console.print(f"  {EVIDENCE_NOTE}")
