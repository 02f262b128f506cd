"""Asks the questionnaire in a terminal, one validated answer at a time."""

from __future__ import annotations

from rich.console import Console
from rich.prompt import Prompt
from rich.rule import Rule

from spinewise.core.questionnaire import (
    Answer,
    AnswerError,
    Question,
    Questionnaire,
    early_stop,
    is_visible,
    parse_answer,
    parse_checklist,
)
from spinewise.core.stopping import Stop

_STOP_NOTE = {
    Stop.EMERGENCY: "That answer needs emergency help, so the questions stop here.",
    Stop.URGENT: "Your answers need a clinician today, so the rest of the questions are skipped.",
    Stop.CHILD: "Spinewise's plans are for adults, so the rest of the questions are skipped.",
}


def _choices_hint(question: Question) -> str:
    if question.type == "yes_no":
        return " [y/n]"
    if question.type in ("single", "multi", "body_map"):
        return ""
    if question.min is not None and question.max is not None:
        return f" ({question.min:g}-{question.max:g})"
    return ""


def _number_to_value(question: Question, raw: str) -> str:
    """Lets people type an option's number instead of its value."""
    parts = [part.strip() for part in raw.split(",") if part.strip()]
    values = []
    for part in parts:
        if part.isdigit() and 1 <= int(part) <= len(question.options):
            values.append(question.options[int(part) - 1].value)
        else:
            values.append(part)
    return ",".join(values)


def ask_checklist(console: Console, question: Question) -> dict[str, bool]:
    """A checklist: the numbers that apply, or 0 for none of these (never a default)."""
    console.print(f"\n[bold]{question.label}[/]")
    for number, item in enumerate(question.items, start=1):
        console.print(f"  {number:>2}. {item.label}")
    console.print(f"   0. {question.none_label}")
    console.print("[dim]Type the numbers that apply, separated by commas, or 0.[/]")
    while True:
        raw = Prompt.ask(">", console=console, default="", show_default=False)
        chosen = []
        for part in (p.strip() for p in raw.split(",") if p.strip()):
            if part == "0":
                chosen.append("none")
            elif part.isdigit() and 1 <= int(part) <= len(question.items):
                chosen.append(question.items[int(part) - 1].field)
            else:
                chosen.append(part)
        try:
            return parse_checklist(question, chosen)
        except AnswerError as error:
            console.print(f"[red]{error}[/]")


def ask_question(console: Console, question: Question) -> Answer:
    console.print(f"\n[bold]{question.label}[/]{_choices_hint(question)}")
    if question.help:
        console.print(f"[dim]{question.help}[/]")
    if question.options:
        for number, option in enumerate(question.options, start=1):
            console.print(f"  {number:>2}. {option.label}")
        if question.type in ("multi", "body_map"):
            console.print("[dim]Type the numbers, separated by commas (empty for none).[/]")
    while True:
        raw = Prompt.ask(">", console=console, default="", show_default=False)
        if question.options:
            raw = _number_to_value(question, raw)
        try:
            return parse_answer(question, raw)
        except AnswerError as error:
            console.print(f"[red]{error}[/]")


def ask_all(console: Console, questions: Questionnaire) -> dict[str, Answer]:
    """Asks every step in order, safety first; stops where the questionnaire stops."""
    answers: dict[str, Answer] = {}
    index = 0
    for step in questions.steps:
        if step.show_if is not None and not step.show_if.holds(answers):
            continue
        index += 1
        total = len(questions.visible_steps(answers))
        console.print(Rule(f"Step {index} of {total}: {step.title}"))
        if step.intro:
            console.print(step.intro.strip())
        for question in step.questions:
            if question.type == "checklist":
                answers.update(ask_checklist(console, question))
            elif is_visible(question, answers):
                answers[question.field] = ask_question(console, question)
        stop = early_stop(answers) if step.is_safety else None
        if stop is not None:
            console.print(f"\n[bold]{_STOP_NOTE[stop]}[/]")
            break
    return answers
