"""Prints core results for people in a terminal (rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from spinewise.core.assessment import Assessment
from spinewise.core.knowledge import knowledge
from spinewise.core.levels import Level
from spinewise.core.pathway import Pathway

LEVEL_STYLE = {
    Level.EMERGENCY: "bold white on red",
    Level.URGENT: "bold black on dark_orange",
    Level.SOON: "bold black on yellow",
    Level.SELF_CARE: "bold white on green4",
}


def _indented(text: str, style: str = "") -> Padding:
    return Padding(Text(text, style=style), (0, 0, 0, 3))


def triage_banner(assessment: Assessment) -> Panel:
    triage = assessment.triage
    reasons = Table.grid(padding=(0, 1))
    reasons.add_column(width=3, justify="right")
    reasons.add_column()
    for reason in triage.reasons:
        reasons.add_row("•", reason)
    body = Group(Text(triage.advice), Text(""), Text("Why:", style="bold"), reasons)
    return Panel(
        body,
        title=Text(f" {triage.label.upper()} ", style=LEVEL_STYLE[triage.level]),
        title_align="left",
        border_style=LEVEL_STYLE[triage.level].split()[-1],
    )


def print_assessment(console: Console, assessment: Assessment) -> None:
    console.print(triage_banner(assessment))
    console.print(Text.assemble(("Where: ", "bold"), assessment.region_name))
    if assessment.withheld:
        console.print(Text(assessment.withheld, style="italic"))
    if assessment.causes:
        console.print(Text("\nLikely causes, most likely first", style="bold underline"))
        for number, cause in enumerate(assessment.causes, start=1):
            console.print(Text(f"{number}. {cause.name}", style="bold"))
            console.print(_indented(cause.explanation))
            console.print(_indented(f"Why we think this: {'; '.join(cause.reasons)}", "dim"))
    if assessment.mistakes:
        console.print(Text("\nHabits that may keep it going", style="bold underline"))
        for mistake in assessment.mistakes:
            console.print(Text(mistake.name, style="bold"))
            console.print(_indented(f"Because: {'; '.join(mistake.reasons)}", "dim"))
            console.print(_indented(f"Tip: {mistake.tip}"))
    if assessment.pathway:
        print_pathway(console, assessment.pathway)
    console.print(Text.assemble(("\nNext step: ", "bold"), assessment.next_step))


def print_pathway(console: Console, pathway: Pathway) -> None:
    """The care pathway, its advice and the reasons, as the web result shows them."""
    console.print(Text(f"\nYour plan's pathway: {pathway.name}", style="bold underline"))
    console.print(_indented(pathway.summary))
    for line in pathway.advice:
        console.print(_indented(f"- {line}"))
    if pathway.see_physio and pathway.physio_advice:
        console.print(_indented(pathway.physio_advice, "bold"))
    console.print(_indented(f"Check-ins suggested: {pathway.checkins_per_week} a week.", "dim"))
    console.print(_indented(f"Why this pathway: {'; '.join(pathway.reasons)}", "dim"))


def comparison_table() -> Table:
    kb = knowledge()
    table = Table(title="Lower vs upper back pain", show_lines=True)
    table.add_column("Feature", style="bold")
    table.add_column(kb.regions["lower"].name)
    table.add_column(kb.regions["upper"].name)
    for row in kb.comparison:
        table.add_row(row.feature, row.lower, row.upper)
    return table
