"""Prints the journal in a terminal (rich): check-in verdicts, progress and weekly reviews."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from spinewise.cli.render import LEVEL_STYLE
from spinewise.core.journal import PAIN, PSFS_SCORE
from spinewise.core.personal_outcomes import Measure, PersonalOutcomes
from spinewise.core.progress import ProgressSummary, fmt
from spinewise.core.triage import Triage
from spinewise.core.wording import counted
from spinewise.reports.charts import terminal_chart

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from spinewise.core.review import WeeklyReview

VERDICT_STYLE = {
    "progress": "green",
    "hold": "",
    "regress": "yellow",
    "see_clinician": "bold red",
    "retriage": "bold red",
}


def triage_panel(triage: Triage) -> Panel:
    """The verdict for a check-in that reported a warning sign (like ``render.triage_banner``)."""
    body = Group(
        Text(triage.advice),
        Text(""),
        Text("Why:", style="bold"),
        *[Text(f"  • {reason}") for reason in triage.reasons],
    )
    return Panel(
        body,
        title=Text(f" {triage.label.upper()} ", style=LEVEL_STYLE[triage.level]),
        title_align="left",
        border_style=LEVEL_STYLE[triage.level].split()[-1],
    )


def long_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def saved_line(user: User, day: date, pain: int, replaced: bool) -> Text:
    from spinewise.web.journal import services

    summary = services.progress_for(user)
    mean = next((p.mean7 for p in summary.series if p.day == day), None)
    text = Text.assemble(
        ("Saved check-in for ", "bold"),
        (long_day(day), "bold"),
        " (replaced the earlier one)" if replaced else "",
        f": pain {pain}/10",
    )
    if mean is None:
        return text
    days = sum(1 for p in summary.series if 0 <= (day - p.day).days < 7)
    if days <= 1:
        text.append(" (no other check-ins in the 7 days to then, so no average to compare yet).")
        return text
    diff = pain - mean
    relation = "the same as" if abs(diff) < 0.05 else "below" if diff < 0 else "above"
    text.append(f", {relation} your 7-day average of {fmt(mean)} ({counted(days, 'check-in')}).")
    return text


def _pain_table(summary: ProgressSummary) -> Table:
    pain = summary.pain
    table = Table(box=None, show_header=True, header_style="bold", padding=(0, 2, 0, 0))
    started = "At the start" if pain.baseline_source == "intake" else "First week"
    table.add_column(started, justify="right")
    table.add_column("Last 7 days", justify="right")
    table.add_column("Change", justify="right")
    table.add_column("Needed", justify="right")
    change = "-" if pain.change is None else f"{pain.change:+.1f}".replace(".0", "")
    if pain.percent is not None and pain.change is not None:
        change += f" ({pain.percent:+.0f}%)"
    table.add_row(
        "-" if pain.baseline is None else f"{fmt(pain.baseline)}/10",
        "-" if pain.now is None else f"{fmt(pain.now)}/10",
        change,
        "-" if pain.needed is None else counted(pain.needed, "point"),
    )
    return table


def _verdict_style(summary: ProgressSummary) -> str:
    pain = summary.pain
    if not pain.meaningful:
        return "bold"
    return "bold green" if pain.direction == "better" else "bold red"


def _adherence_table(summary: ProgressSummary) -> Table:
    table = Table(title="Exercise sessions", title_justify="left", header_style="bold")
    table.add_column("Week", justify="right")
    table.add_column("Dates")
    table.add_column("Done", justify="right")
    table.add_column("Planned", justify="right")
    table.add_column("Share", justify="right")
    table.add_column("Check-ins", justify="right")
    for week in summary.adherence:
        share = "-" if week.ratio is None else f"{round(100 * week.ratio)}%"
        style = "" if week.ratio is None or week.ratio >= 0.8 else "yellow"
        table.add_row(
            str(week.number),
            f"{week.start.day} {week.start:%b} - {week.end.day} {week.end:%b}",
            str(week.done),
            str(week.planned),
            Text(share, style=style),
            f"{week.checkins}/7",
        )
    if summary.sessions_planned:
        total = round(100 * summary.sessions_done / summary.sessions_planned)
        table.add_section()
        table.add_row(
            "All", "", str(summary.sessions_done), str(summary.sessions_planned), f"{total}%", ""
        )
    return table


def _reviews_table(reviews: list[WeeklyReview]) -> Table:
    table = Table(title="Weekly reviews", title_justify="left", header_style="bold")
    table.add_column("Week", justify="right")
    table.add_column("Verdict", no_wrap=True)
    table.add_column("What it means", ratio=1)
    for review in reviews:
        table.add_row(
            str(review.week_number),
            Text(review.label, VERDICT_STYLE[review.verdict]),
            review.message,
        )
    return table


def _week_name(week: int) -> str:
    return "start" if week == 0 else f"week {week}"


def _mark(measure: Measure) -> str:
    if measure.threshold is None:
        return "not marked"
    if measure.change is None:
        return "one rating so far"
    if measure.change.meaningful:
        return f"yes, {measure.change.direction}"
    return "not yet"


def outcomes_table(outcomes: PersonalOutcomes) -> Table:
    """Each measure's first and latest value and whether the change is meaningful."""
    table = Table(title="Your outcomes", title_justify="left", title_style="bold underline")
    table.add_column("Measure")
    table.add_column("First", justify="right")
    table.add_column("Latest", justify="right")
    table.add_column("Meaningful change?")
    for measure in outcomes.measures:
        if not measure.points:
            continue
        first, last = measure.points[0], measure.points[-1]
        latest = f"{fmt(last.value)} ({_week_name(last.week)})" if measure.change else "-"
        table.add_row(
            f"{measure.name}\n[dim]{measure.scale}[/]",
            f"{fmt(first.value)} ({_week_name(first.week)})",
            latest,
            _mark(measure),
        )
    return table


def print_outcomes(console: Console, outcomes: PersonalOutcomes) -> None:
    """The outcomes table, each verdict, and what counts as meaningful (with any caveat)."""
    if outcomes.empty:
        return
    console.print()
    console.print(outcomes_table(outcomes))
    for measure in outcomes.measures:
        if measure.change is not None:
            console.print(Text(measure.change.verdict))
    for measure in outcomes.measures:
        if measure.threshold is not None and measure.points:
            note = f" {measure.threshold.note}" if measure.threshold.note else ""
            console.print(
                Text(f"{measure.name}: meaningful is {measure.threshold.rule}.{note}", style="dim")
            )


def print_progress(
    console: Console, email: str, summary: ProgressSummary, reviews: list[WeeklyReview]
) -> None:
    console.print(Rule(Text(f"Progress for {email}", style="bold")))
    console.print(Text(summary.headline, style=_verdict_style(summary)))
    if summary.red_flag_days:
        lines = [
            Text(f"{d.day.day} {d.day:%b %Y}: {'; '.join(d.descriptions)}")
            for d in summary.red_flag_days
        ]
        lines.append(
            Text(
                "If you have not been checked for these yet, take the assessment again.",
                style="bold",
            )
        )
        console.print(
            Panel(
                Group(*lines),
                title=Text(" Warning signs you reported ", style="bold white on red"),
                title_align="left",
                border_style="red",
            )
        )
    console.print(Text(f"\nPain, {PAIN}", style="bold underline"))
    width = max(10, min(60, console.width - 6))
    console.print(Text(terminal_chart(summary.series, width=width)), no_wrap=True, crop=False)
    console.print()
    if summary.pain.now is not None and summary.pain.baseline is not None:
        console.print(_pain_table(summary))
        console.print(Text(summary.pain.threshold, style="dim"))
    else:
        console.print(Text(summary.pain.verdict))
    extras = [f"{summary.flare_ups} flare-up{'s' if summary.flare_ups != 1 else ''}"]
    if summary.mean_sitting_hours is not None:
        extras.append(f"sitting {fmt(summary.mean_sitting_hours)} h a day lately")
    console.print(Text(", ".join(extras).capitalize() + ".", style="dim"))
    if summary.adherence:
        console.print()
        console.print(_adherence_table(summary))
    if summary.psfs:
        console.print(Text("\nEveryday activities (PSFS)", style="bold underline"))
        points = [f"week {p.week}: {fmt(p.mean)}" for p in summary.psfs]
        if len(points) > 8:
            points = [*points[:2], "...", *points[-3:]]
        weeks = " · ".join(points)
        console.print(Text(f"Average ability ({PSFS_SCORE}) by programme week: {weeks}"))
        if summary.psfs_change is not None:
            change = summary.psfs_change
            style = "bold green" if change.meaningful and change.direction == "better" else "bold"
            console.print(Text(change.verdict, style=style))
            if change.activities_changed:
                console.print(
                    Text(f"Moved 3+ points: {', '.join(change.activities_changed)}.", style="dim")
                )
    if reviews:
        console.print()
        console.print(_reviews_table(reviews))
