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
    is_visible,
    parse_answer,
)


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
    answers: dict[str, Answer] = {}
    total = len(questions.steps)
    for index, step in enumerate(questions.steps, start=1):
        console.print(Rule(f"Step {index} of {total}: {step.title}"))
        if step.intro:
            console.print(step.intro.strip())
        for question in step.questions:
            if is_visible(question, answers):
                answers[question.field] = ask_question(console, question)
    return answers
