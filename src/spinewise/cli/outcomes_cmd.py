"""``spinewise outcomes``: the service outcomes report per pathway (docs/outcomes.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from spinewise.cli.options import JsonOption

FromOption = Annotated[
    str | None,
    typer.Option("--from", help="First programme start date to include (YYYY-MM-DD)."),
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", help="Last programme start date to include (YYYY-MM-DD; default today)."),
]
DEFAULT_DAYS = 182


def outcomes_command(
    date_from: FromOption = None, date_to: ToOption = None, as_json: JsonOption = False
) -> None:
    """Outcomes per pathway for programmes started in a date range: aggregates only.

    People started, still taking part at weeks 2, 4 and 6, sessions done of planned, the
    share with a meaningful change in pain and in function (PSFS) at week 6, and red-flag
    escalations. A pathway with fewer than 10 people, or a figure resting on fewer than
    10, is suppressed. Default range: the last 26 weeks.
    """
    import json
    from datetime import date, timedelta

    from rich.console import Console
    from rich.table import Table

    from spinewise.cli.django_setup import setup_django
    from spinewise.cli.journal_cmd import parse_day
    from spinewise.core.outcomes import report_table, service_outcomes

    today = date.today()
    end = parse_day(date_to, today, "--to")
    start = parse_day(date_from, end - timedelta(days=DEFAULT_DAYS), "--from")
    if start > end:
        typer.echo("--from must not be after --to", err=True)
        raise typer.Exit(2)
    setup_django(migrate=True)
    from spinewise.web.programmes.outcomes import courses_started

    report = service_outcomes(courses_started(start, end), start, end, today)
    if as_json:
        typer.echo(json.dumps(report.model_dump(mode="json"), indent=2))
        return
    headings, rows = report_table(report)
    table = Table(title=f"Programmes started {start} to {end}, as of {today}", title_justify="left")
    for heading in headings:
        table.add_column(heading)
    for row in rows:
        table.add_row(*row)
    console = Console(highlight=False, width=max(120, Console().width))
    console.print(table)
    console.print(
        f"Aggregates only: a pathway or figure resting on fewer than {report.min_group} "
        "people is not shown. Definitions: docs/outcomes.md."
    )
