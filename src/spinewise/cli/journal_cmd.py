"""``spinewise checkin`` and ``spinewise progress``: the daily journal from a terminal.

Both act for one person in the database the web app uses (see ``cli.profile``), so a
check-in logged here shows on the web dashboard and the other way round.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.prompt import Confirm, IntPrompt, Prompt
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from spinewise.cli.django_setup import setup_django
from spinewise.cli.errors import EXIT_SEE_CLINICIAN, fail
from spinewise.cli.main import app
from spinewise.cli.profile import UserOption, resolve_user
from spinewise.cli.render import LEVEL_STYLE
from spinewise.core.checkin import CHECKIN_FLAGS, checkin_choice_groups
from spinewise.core.journal import (
    MAX_NOTE,
    PAIN,
    PSFS_ACTIVITIES,
    PSFS_SCORE,
    SESSIONS,
    SITTING_HOURS,
    JournalError,
)
from spinewise.core.levels import Level
from spinewise.core.progress import ProgressSummary, fmt
from spinewise.core.triage import Triage
from spinewise.reports.charts import terminal_chart

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from spinewise.core.review import WeeklyReview
    from spinewise.web.journal.models import CheckIn

SEE_CLINICIAN_LEVELS = frozenset({Level.EMERGENCY, Level.URGENT})
VERDICT_NAMES = {
    "progress": "Step up",
    "hold": "Hold steady",
    "regress": "Ease off",
    "see_clinician": "See a clinician",
    "retriage": "Take the assessment again",
}
VERDICT_STYLE = {
    "progress": "green",
    "hold": "",
    "regress": "yellow",
    "see_clinician": "bold red",
    "retriage": "bold red",
}


# --- Shared -------------------------------------------------------------------------------------


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


def _long_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _parse_day(value: str | None, today: date, option: str = "--day") -> date:
    """The date given (format only: the core's date rule is checked when saving)."""
    if value is None:
        return today
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date like {today.isoformat()}, not {value!r}")


def fail_journal(error: JournalError, what: str = "check-in") -> NoReturn:
    """Exit status 2, naming every bad field (as the web form and the API do)."""
    problems = "; ".join(f"{field}: {reason}" for field, reason in error.problems)
    fail(f"the {what} is not valid: {problems}")


def _user_for_command(email: str | None) -> User:
    setup_django(migrate=True)
    return resolve_user(email)


# --- checkin ------------------------------------------------------------------------------------


def _ask_int(console: Console, label: str, low: int, high: int, default: int | None) -> int:
    while True:
        if default is None:
            value = IntPrompt.ask(label, console=console)
        else:
            value = IntPrompt.ask(label, console=console, default=default)
        if low <= value <= high:
            return value
        console.print(f"[red]Please enter a whole number from {low} to {high}.[/]")


T = TypeVar("T")


def _ask_optional(
    console: Console, label: str, shown: str, parse: Callable[[str], T | None], problem: str
) -> T | None:
    """Asks until the answer parses; an empty answer (or "-") skips the question."""
    while True:
        raw = Prompt.ask(
            f"{label} [dim](Enter to skip)[/]",
            console=console,
            default=shown,
            show_default=bool(shown),
        ).strip()
        if not raw or raw == "-":
            return None
        value = parse(raw)
        if value is not None:
            return value
        console.print(f"[red]{problem}[/]")


def _whole_number(low: int, high: int) -> Callable[[str], int | None]:
    return lambda raw: int(raw) if raw.isdigit() and low <= int(raw) <= high else None


def _hours(raw: str) -> float | None:
    try:
        hours = float(raw)
    except ValueError:
        return None
    return hours if SITTING_HOURS.low <= hours <= SITTING_HOURS.high else None


def _ask_optional_int(
    console: Console, label: str, low: int, high: int, default: int | None
) -> int | None:
    shown = "" if default is None else str(default)
    problem = f"Please enter a whole number from {low} to {high}, or nothing."
    return _ask_optional(console, label, shown, _whole_number(low, high), problem)


def _ask_optional_hours(console: Console, label: str, default: float | None) -> float | None:
    shown = "" if default is None else fmt(default)
    problem = f"Please enter hours from {SITTING_HOURS.low} to {SITTING_HOURS.high}, or nothing."
    return _ask_optional(console, label, shown, _hours, problem)


def _ask_safety_recheck(console: Console) -> list[str]:
    """One question per group; a yes opens the group's signs, one y/n each."""
    flags = []
    for question, signs in checkin_choice_groups():
        if Confirm.ask(question, console=console):
            flags += [name for name, text in signs if Confirm.ask(f"  {text}", console=console)]
    return flags


def _ask_entry(
    console: Console, day: date, today: date, existing: CheckIn | None
) -> dict[str, object]:
    when = "today" if day == today else _long_day(day)
    console.print(Rule(Text(f"Check-in for {when}", style="bold")))
    if existing is not None:
        console.print(
            Text(
                "You already checked in for this day: your answers will replace it "
                "(press Enter to keep an answer).",
                style="italic",
            )
        )
    pain = _ask_int(
        console,
        f"Pain now, {PAIN.low} (none) to {PAIN.high} (worst possible)",
        *PAIN,
        existing.pain if existing else None,
    )
    worst = _ask_optional_int(
        console, f"Worst pain today, {PAIN}", *PAIN, existing.worst if existing else None
    )
    sessions = _ask_int(
        console, "Exercise sessions done", *SESSIONS, existing.sessions_done if existing else 0
    )
    sitting = _ask_optional_hours(
        console, "Hours spent sitting", existing.sitting_hours if existing else None
    )
    flare_up = Confirm.ask(
        "Did you have a flare-up?",
        console=console,
        default=existing.flare_up if existing else False,
    )
    while True:
        note = Prompt.ask(
            "A note for yourself [dim](optional)[/]",
            console=console,
            default=existing.note if existing else "",
            show_default=False,
        ).strip()
        if len(note) <= MAX_NOTE:
            break
        console.print(f"[red]Please keep the note to {MAX_NOTE} characters.[/]")
    console.print(Text("\nA short safety re-check, every time: answer y or n.", style="bold"))
    flags = _ask_safety_recheck(console)
    return {
        "day": day,
        "pain": pain,
        "worst": worst,
        "sessions_done": sessions,
        "sitting_hours": sitting,
        "flare_up": flare_up,
        "note": note,
        "new_red_flags": flags,
    }


def _entry_from_options(
    day: date,
    pain: int,
    worst: int | None,
    sessions: int,
    sitting: float | None,
    flare_up: bool,
    note: str,
    flags: list[str],
) -> dict[str, object]:
    return {
        "day": day,
        "pain": pain,
        "worst": worst,
        "sessions_done": sessions,
        "sitting_hours": sitting,
        "flare_up": flare_up,
        "note": note.strip(),
        "new_red_flags": flags,
    }


def _check_flags(flags: list[str]) -> list[str]:
    unknown = [name for name in flags if name not in CHECKIN_FLAGS]
    if unknown:
        fail(f"unknown --flag {', '.join(unknown)}; choose from: {', '.join(CHECKIN_FLAGS)}")
    return list(dict.fromkeys(flags))


def _saved_line(user: User, day: date, pain: int, replaced: bool) -> Text:
    from spinewise.web.journal import services

    summary = services.progress_for(user)
    mean = next((p.mean7 for p in summary.series if p.day == day), None)
    text = Text.assemble(
        ("Saved check-in for ", "bold"),
        (_long_day(day), "bold"),
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
    text.append(f", {relation} your 7-day average of {fmt(mean)} ({days} check-ins).")
    return text


@app.command("checkin")
def checkin_command(
    pain: Annotated[
        int | None,
        typer.Option(
            "--pain",
            min=PAIN.low,
            max=PAIN.high,
            help=f"Pain now, {PAIN}. Give it to check in without questions.",
        ),
    ] = None,
    worst: Annotated[
        int | None,
        typer.Option("--worst", min=PAIN.low, max=PAIN.high, help=f"Worst pain today, {PAIN}."),
    ] = None,
    sessions: Annotated[
        int,
        typer.Option(
            "--sessions", min=SESSIONS.low, max=SESSIONS.high, help="Exercise sessions done."
        ),
    ] = 0,
    sitting: Annotated[
        float | None,
        typer.Option(
            "--sitting", min=SITTING_HOURS.low, max=SITTING_HOURS.high, help="Hours spent sitting."
        ),
    ] = None,
    flare_up: Annotated[bool, typer.Option("--flare-up", help="You had a flare-up.")] = False,
    note: Annotated[
        str, typer.Option("--note", help=f"A note for yourself (up to {MAX_NOTE} characters).")
    ] = "",
    flag: Annotated[
        list[str] | None,
        typer.Option(
            "--flag",
            help="A warning sign you have now (repeatable): " + ", ".join(CHECKIN_FLAGS) + ".",
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--day", help="Back-fill or change a past day (YYYY-MM-DD). Default: today."),
    ] = None,
    delete: Annotated[
        bool, typer.Option("--delete", help="Delete the check-in for --day (default: today).")
    ] = False,
    user: UserOption = None,
) -> None:
    """Log today's pain, sessions and a short safety re-check.

    Without --pain it asks, one question at a time.

    The same day twice replaces the earlier check-in; --delete removes one.

    A new warning sign shows what to do at once (exit code 3: get medical help today).
    """
    flags = _check_flags(flag or [])
    given = {
        "--worst": worst is not None,
        "--sessions": sessions != 0,
        "--sitting": sitting is not None,
        "--flare-up": flare_up,
        "--note": bool(note),
        "--flag": bool(flags),
    }
    if delete and (pain is not None or any(given.values())):
        fail("--delete takes only --day (and --user)")
    if pain is None and not delete and any(given.values()):
        extra = ", ".join(name for name, used in given.items() if used)
        fail(f"--pain is needed to check in without questions (you gave {extra})")
    person = _user_for_command(user)
    from spinewise.web.journal import services

    console = Console()
    today = services.today_for(person)
    chosen = _parse_day(day, today)
    if delete:
        if not services.delete_checkin(person, chosen):
            fail(f"there is no check-in for {_long_day(chosen)} to delete")
        console.print(f"Deleted the check-in for {_long_day(chosen)}.")
        return
    why = services.window_for(person, today).problem(chosen)
    if why is not None:
        fail(f"the check-in is not valid: day: {why}")
    existing = services.checkin_on(person, chosen)
    if pain is None:
        data = _ask_entry(console, chosen, today, existing)
    else:
        data = _entry_from_options(chosen, pain, worst, sessions, sitting, flare_up, note, flags)
    try:
        result = services.record_checkin(person, data)
    except JournalError as error:
        fail_journal(error)
    if result.triage is not None:
        console.print(triage_panel(result.triage))
        if result.triage.level in SEE_CLINICIAN_LEVELS:
            console.print(Text(f"Your check-in for {_long_day(chosen)} is saved.", style="dim"))
            raise typer.Exit(EXIT_SEE_CLINICIAN)
    console.print(_saved_line(person, chosen, result.checkin.pain, replaced=not result.created))


def _activity(value: str) -> dict[str, object]:
    name, sep, score = value.rpartition("=")
    if not sep or not name.strip() or not score.strip().lstrip("-").isdigit():
        fail(f"--activity must look like 'Sitting through a meeting=4', not {value!r}")
    return {"name": name.strip(), "score": int(score)}


@app.command("psfs")
def psfs_command(
    activity: Annotated[
        list[str] | None,
        typer.Option(
            "--activity",
            "-a",
            help=f"NAME=SCORE, {PSFS_ACTIVITIES.low} to {PSFS_ACTIVITIES.high} times: an "
            f"activity your back makes hard and how well you can do it ({PSFS_SCORE}).",
        ),
    ] = None,
    week_start: Annotated[
        str | None,
        typer.Option("--week", help="The week's first day (YYYY-MM-DD). Default: this week."),
    ] = None,
    delete: Annotated[
        bool, typer.Option("--delete", help="Delete the rating for --week (default: this week).")
    ] = False,
    user: UserOption = None,
) -> None:
    """Rate up to three everyday activities for the week (the Patient-Specific Functional Scale).

    The same week twice replaces the earlier rating; --delete removes one.
    """
    if delete and activity:
        fail("--delete takes only --week (and --user)")
    if not delete and not activity:
        fail("give at least one --activity NAME=SCORE (or --delete)")
    activities = [_activity(value) for value in activity or []]
    person = _user_for_command(user)
    from spinewise.web.journal import services

    today = services.today_for(person)
    week = _parse_day(week_start, services.week_start_of(today), "--week")
    console = Console()
    if delete:
        if not services.delete_psfs(person, week):
            fail(f"there is no rating for the week of {_long_day(week)} to delete")
        console.print(f"Deleted the activity ratings for the week of {_long_day(week)}.")
        return
    try:
        services.save_psfs(person, week, activities)
    except JournalError as error:
        fail_journal(error, "rating")
    console.print(f"Saved the activity ratings for the week of {_long_day(week)}.")


# --- progress -----------------------------------------------------------------------------------


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
        "-" if pain.needed is None else f"{fmt(pain.needed)} points",
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
            Text(VERDICT_NAMES.get(review.verdict, review.verdict), VERDICT_STYLE[review.verdict]),
            review.message,
        )
    return table


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


@app.command("progress")
def progress_command(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the progress summary as one JSON object.")
    ] = False,
    user: UserOption = None,
) -> None:
    """Your pain trend, sessions done, function and the weekly verdicts, as on the dashboard."""
    person = _user_for_command(user)
    from spinewise.web.journal import services

    today = services.today_for(person)
    saved = services.latest_programme(person)
    reviews = services.run_due_reviews(saved, today) if saved is not None else []
    summary = services.progress_for(person, until=today)
    if as_json:
        typer.echo(summary.model_dump_json(indent=2))
        return
    console = Console()
    if summary.entries == 0:
        console.print("No check-ins yet: run [bold]spinewise checkin[/]")
        return
    print_progress(console, person.username, summary, reviews)
