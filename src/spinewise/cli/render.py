"""Prints core results for people in a terminal (rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from spinewise.core.assessment import Assessment, FlaggedMistake
from spinewise.core.knowledge import knowledge
from spinewise.core.levels import Level
from spinewise.core.pathway import Pathway
from spinewise.core.result import summarise, verdict_points

LEVEL_STYLE = {
    Level.EMERGENCY: "bold white on red",
    Level.URGENT: "bold black on dark_orange",
    Level.SOON: "bold black on yellow",
    Level.SELF_CARE: "bold white on green4",
}


def _indented(text: str, style: str = "") -> Padding:
    return Padding(Text(text, style=style), (0, 0, 0, 3))


def triage_banner(assessment: Assessment, emergency_number: str) -> Panel:
    """The verdict as the web result leads with it (``core.result``): the headline, then
    what to do now, when to see a GP and when to call the emergency number, and why."""
    triage = assessment.triage
    lines: list[Text] = []
    for point in verdict_points(assessment, emergency_number):
        lines.append(Text.assemble((f"{point.heading}: ", "bold"), point.text))
    reasons = Table.grid(padding=(0, 1))
    reasons.add_column(width=3, justify="right")
    reasons.add_column()
    for reason in triage.reasons:
        reasons.add_row("•", reason)
    body = Group(*lines, Text(""), Text("Why:", style="bold"), reasons)
    return Panel(
        body,
        title=Text(f" {triage.label.upper()} ", style=LEVEL_STYLE[triage.level]),
        title_align="left",
        border_style=LEVEL_STYLE[triage.level].split()[-1],
    )


def print_assessment(console: Console, assessment: Assessment, emergency_number: str) -> None:
    """The result in the order and grouping of the web page (``core.result.summarise``):
    the verdict, where it hurts, the likely causes each with the habit that feeds it, and
    the other habits."""
    summary = summarise(assessment, emergency_number)
    console.print(triage_banner(assessment, emergency_number))
    for extra in summary.further_advice:
        console.print(_indented(f"Also: {extra}"))
    console.print(Text.assemble(("Where: ", "bold"), assessment.region_name))
    if assessment.withheld:
        console.print(Text(assessment.withheld, style="italic"))
    if summary.causes:
        console.print(Text("\nLikely causes, most likely first", style="bold underline"))
        for number, grouped in enumerate(summary.causes, start=1):
            cause = grouped.cause
            console.print(Text(f"{number}. {cause.name}", style="bold"))
            console.print(_indented(cause.explanation))
            console.print(_indented(f"Why we think this: {'; '.join(cause.reasons)}", "dim"))
            if grouped.habit is not None:
                _print_habit(console, grouped.habit)
    if summary.other_habits:
        heading = "Other habits that may keep it going" if summary.causes else "Habits"
        console.print(Text(f"\n{heading}", style="bold underline"))
        for mistake in summary.other_habits:
            _print_habit(console, mistake)
    if assessment.pathway:
        print_pathway(console, assessment.pathway)
    console.print(Text.assemble(("\nNext step: ", "bold"), assessment.next_step))


def _print_habit(console: Console, mistake: FlaggedMistake) -> None:
    console.print(_indented(f"Habit to change: {mistake.name}", "bold"))
    console.print(_indented(f"Because: {'; '.join(mistake.reasons)}", "dim"))
    console.print(_indented(f"Tip: {mistake.tip}"))


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
