"""``spinewise demo-data``: realistic demo people to try the dashboard or run benchmarks."""

from __future__ import annotations

from typing import Annotated

import typer

PROGRESS_FROM = 20  # people: below this the command is quick enough without a bar


def demo_data_command(
    users: Annotated[int, typer.Option("--users", "-n", min=1, help="How many demo people.")] = 10,
    days: Annotated[
        int, typer.Option("--days", "-d", min=1, max=3650, help="Days of check-ins for each.")
    ] = 42,
    seed: Annotated[int, typer.Option("--seed", help="The same seed makes the same people.")] = 1,
    cohorts: Annotated[
        bool,
        typer.Option(
            "--cohorts",
            help="Stagger start dates over four months, with some people stopping part-way, "
            "so `spinewise outcomes` shows each pathway.",
        ),
    ] = False,
) -> None:
    """Create demo people with weeks of check-ins, to try the dashboard or benchmark.

    Each gets an assessment, a programme, daily check-ins and weekly function ratings.

    Accounts are demo-0001@spinewise.invalid onwards; ones that already exist are skipped.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from spinewise.cli.django_setup import setup_django
    from spinewise.cli.errors import err_console

    setup_django(migrate=True)
    from spinewise.demo.people import create_demo_users, demo_email

    console = Console(highlight=False)
    if users >= PROGRESS_FROM:
        with Progress(
            TextColumn("Creating demo people"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console(),
            transient=True,
        ) as bar:
            task = bar.add_task("demo", total=users)
            created = create_demo_users(
                users,
                days,
                seed,
                lambda done: bar.update(task, completed=done),
                cohorts=cohorts,
            )
    else:
        created = create_demo_users(users, days, seed, cohorts=cohorts)
    skipped = users - len(created)
    span = demo_email(1) if users == 1 else f"{demo_email(1)} to {demo_email(users)}"
    if created:
        console.print(
            f"Created {len(created)} demo {'person' if len(created) == 1 else 'people'} "
            f"with {days} day{'s' if days != 1 else ''} of check-ins (seed {seed})."
        )
    if skipped:
        console.print(
            f"Skipped {skipped} that already exist{'s' if skipped == 1 else ''}: "
            "delete them first to make them again."
        )
    console.print(f"Accounts: {span} (no passwords).")
    console.print(f"[dim]See one:  spinewise progress --user {demo_email(1)}[/]")
    console.print(f"[dim]On the web: spinewise manage changepassword {demo_email(1)}[/]")
