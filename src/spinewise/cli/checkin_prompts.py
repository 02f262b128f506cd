"""Asks for a check-in in a terminal, one validated answer at a time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from rich.console import Console
from rich.prompt import Confirm, IntPrompt, Prompt
from rich.rule import Rule
from rich.text import Text

from spinewise.cli.journal_cmd import entry_from_answers
from spinewise.cli.journal_render import long_day
from spinewise.core.checkin import checkin_choice_groups
from spinewise.core.intake import Screening
from spinewise.core.journal import MAX_NOTE, PAIN, SESSIONS, SITTING_HOURS
from spinewise.core.progress import fmt

if TYPE_CHECKING:
    from spinewise.web.journal.models import CheckIn


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


def ask_safety_recheck(console: Console, base: Screening | None = None) -> list[str]:
    """One question per group; a yes opens the group's signs, one y/n each."""
    flags = []
    for question, signs in checkin_choice_groups(base):
        if Confirm.ask(question, console=console):
            flags += [name for name, text in signs if Confirm.ask(f"  {text}", console=console)]
    return flags


def ask_entry(
    console: Console,
    day: date,
    today: date,
    existing: CheckIn | None,
    base: Screening | None = None,
) -> dict[str, object]:
    """Every answer of a check-in; leg pain only when the pain spreads into a leg, and the
    pregnancy signs only in pregnancy (``base`` is the person's assessment)."""
    when = "today" if day == today else long_day(day)
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
    leg_pain = None
    if base is not None and base.has_leg_pain:
        leg_pain = _ask_optional_int(
            console,
            f"Leg pain now, {PAIN}",
            *PAIN,
            existing.leg_pain if existing else None,
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
    flags = ask_safety_recheck(console, base)
    return entry_from_answers(day, pain, worst, sessions, sitting, flare_up, note, flags, leg_pain)
