"""The questionnaire as data, and the answer handling both the CLI and the web wizard use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from spinewise.core.content_loader import ContentError, content_dir, read_yaml, validate_model
from spinewise.core.instruments import Instrument, packaged_instrument
from spinewise.core.intake import (
    SCHEMA_ID,
    Intake,
    IntakeError,
    Screening,
    parse_intake,
    safety_fields,
    screening_so_far,
)
from spinewise.core.stopping import Stop, stop_reason

QuestionType = Literal[
    "number", "scale", "single", "multi", "yes_no", "body_map", "text", "checklist"
]
Answer = int | float | str | bool | list[str] | None

_YES = {"y", "yes", "true", "1"}
_NO = {"n", "no", "false", "0"}


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Content):
    value: str
    label: str
    view: Literal["front", "back"] | None = None


class ShowIf(_Content):
    """A condition on an earlier answer: one of some values, or answered at all."""

    field: str
    in_: list[str] | None = Field(default=None, alias="in")
    answered: bool | None = None

    @model_validator(mode="after")
    def _one_test(self) -> ShowIf:
        if (self.in_ is None) == (self.answered is None):
            raise ValueError("show_if takes either `in` or `answered`")
        return self

    def holds(self, answers: Mapping[str, Answer]) -> bool:
        value = answers.get(self.field)
        if self.answered is not None:
            return (value is not None) == self.answered
        return str(value) in (self.in_ or [])


class ChecklistItem(_Content):
    """One yes/no item of a checklist; it fills its own (boolean) intake field."""

    field: str = Field(pattern=r"^[a-z_]+\.[a-z_]+$")
    label: str = Field(min_length=3)

    @property
    def name(self) -> str:
        return self.field.replace(".", "__")


class Question(_Content):
    field: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+)?$")
    type: QuestionType
    label: str = Field(min_length=3)
    help: str | None = None
    options: list[Option] = Field(default=[])
    min: float | None = None
    max: float | None = None
    max_length: int | None = None
    optional: bool = False
    required: bool = False
    show_if: ShowIf | None = None
    items: list[ChecklistItem] = Field(default=[])
    none_label: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> Question:
        if (self.type == "checklist") != bool(self.items):
            raise ValueError("a checklist, and only a checklist, has items")
        if self.type == "checklist" and not self.none_label:
            raise ValueError("a checklist needs a none_label")
        needs_options = self.type in ("single", "multi", "body_map")
        if needs_options and not self.options:
            raise ValueError(f"a {self.type} question needs options")
        if not needs_options and self.options:
            raise ValueError(f"a {self.type} question takes no options")
        if self.type in ("number", "scale") and (self.min is None or self.max is None):
            raise ValueError(f"a {self.type} question needs min and max")
        return self

    @property
    def name(self) -> str:
        """The form field name (dots are awkward in HTML ids)."""
        return self.field.replace(".", "__")

    @property
    def is_whole_number(self) -> bool:
        return self.type == "scale" or (self.type == "number" and self.field not in _DECIMAL_FIELDS)

    def option_label(self, value: str) -> str:
        return next((o.label for o in self.options if o.value == value), value)


_DECIMAL_FIELDS = {"habits.sitting_hours", "habits.screen_hours"}


class Step(_Content):
    id: str
    title: str
    intro: str | None = None
    kind: Literal["questions", "safety"] = "questions"
    # A step that asks an instrument (content/instruments/<id>.yaml): its questions are
    # the instrument's items, each filling ``<field>.<item id>``.
    instrument: str | None = None
    show_if: ShowIf | None = None
    questions: list[Question] = Field(min_length=1)

    @property
    def is_safety(self) -> bool:
        return self.kind == "safety"

    @property
    def fields(self) -> list[str]:
        """Every intake field this step fills (checklist items included)."""
        return [
            field
            for q in self.questions
            for field in ([i.field for i in q.items] if q.type == "checklist" else [q.field])
        ]


class Questionnaire(_Content):
    steps: list[Step] = Field(min_length=1)

    @property
    def questions(self) -> list[Question]:
        return [q for step in self.steps for q in step.questions]

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"no questionnaire step {step_id!r}")

    def question(self, field: str) -> Question:
        for question in self.questions:
            if question.field == field:
                return question
        raise KeyError(f"no question for field {field!r}")

    def label(self, field: str) -> str:
        """How the questionnaire words the question that fills ``field``."""
        for question in self.questions:
            if question.field == field:
                return question.label
            for item in question.items:
                if item.field == field:
                    return item.label
        raise KeyError(f"no question for field {field!r}")

    def visible_steps(self, answers: Mapping[str, Answer]) -> list[Step]:
        """The steps a person with these answers is asked, in order."""
        return [s for s in self.steps if s.show_if is None or s.show_if.holds(answers)]


class AnswerError(ValueError):
    """A raw answer that does not fit its question."""


def instrument_questions(instrument: Instrument, field: str) -> list[dict[str, Any]]:
    """The questions that ask ``instrument``, one single-choice question per item."""
    return [
        {
            "field": f"{field}.{item.id}",
            "type": "single",
            "label": item.text,
            "options": [{"value": o.value, "label": o.label} for o in item.options],
        }
        for item in instrument.items
    ]


def _expand_instruments(path: Path, data: Any) -> Any:
    """Fills in the questions of each step that names an instrument (``instrument`` and
    ``field``: the intake section its answers go to)."""
    if not isinstance(data, dict) or not isinstance(data.get("steps"), list):
        return data
    steps = []
    for step in data["steps"]:
        if isinstance(step, dict) and "instrument" in step:
            step = dict(step)
            field = step.pop("field", None)
            if not isinstance(field, str) or "questions" in step:
                problem = "an instrument step names its `field` and lists no questions"
                raise ContentError(str(path), [(f"steps.{step.get('id')}", problem)])
            try:
                instrument = packaged_instrument(str(step["instrument"]))
            except KeyError as exc:
                problem = f"no instrument {step['instrument']!r}"
                raise ContentError(str(path), [(f"steps.{step.get('id')}", problem)]) from exc
            step["questions"] = instrument_questions(instrument, field)
            step.setdefault("title", instrument.title)
            step.setdefault("intro", instrument.intro)
        steps.append(step)
    return {**data, "steps": steps}


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    path = path or content_dir() / "questions.yaml"
    questionnaire = validate_model(path, Questionnaire, _expand_instruments(path, read_yaml(path)))
    fields = [field for step in questionnaire.steps for field in step.fields]
    dupes = sorted({f for f in fields if fields.count(f) > 1})
    if dupes:
        raise ContentError(str(path), [("steps", f"fields asked twice: {', '.join(dupes)}")])
    return questionnaire


@cache
def questionnaire() -> Questionnaire:
    """The packaged questionnaire, loaded once per process."""
    return load_questionnaire()


def is_visible(question: Question, answers: Mapping[str, Answer]) -> bool:
    """Whether a question applies given the answers so far (its show_if)."""
    return question.show_if is None or question.show_if.holds(answers)


def parse_checklist(question: Question, chosen: Sequence[str]) -> dict[str, bool]:
    """The yes/no answer for each item of a checklist from the names ticked.

    ``chosen`` holds item fields (or their form names) and ``"none"`` for "none of these".
    Raises AnswerError unless exactly one of "some items" or "none of these" was chosen.
    """
    picked = {c.strip() for c in chosen if c.strip()}
    by_name = {name: item.field for item in question.items for name in (item.field, item.name)}
    unknown = sorted(picked - set(by_name) - {"none"})
    if unknown:
        raise AnswerError(f"not one of the choices: {', '.join(unknown)}")
    if not picked:
        raise AnswerError(f'tick each one that applies, or "{question.none_label}"')
    if "none" in picked and len(picked) > 1:
        raise AnswerError(f'"{question.none_label}" cannot be ticked with another answer')
    yes = {by_name[name] for name in picked if name != "none"}
    return {item.field: item.field in yes for item in question.items}


def parse_answer(question: Question, raw: str | Sequence[str] | None) -> Answer:
    """Turns typed or submitted text into the value the intake expects.

    Raises AnswerError with a message a person can act on.
    """
    if question.type in ("multi", "body_map"):
        values = [raw] if isinstance(raw, str) else list(raw or [])
        values = [v.strip() for item in values for v in item.split(",") if v.strip()]
        allowed = {o.value for o in question.options}
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise AnswerError(f"not one of the choices: {', '.join(unknown)}")
        if question.required and not values:
            raise AnswerError("choose at least one")
        return list(dict.fromkeys(values))

    text = (raw if isinstance(raw, str) else (raw[0] if raw else "")).strip()
    if not text:
        if question.optional:
            return None
        raise AnswerError("please answer this question")
    if question.type == "yes_no":
        if text.lower() in _YES:
            return True
        if text.lower() in _NO:
            return False
        raise AnswerError("answer yes or no")
    if question.type == "single":
        choices = [o.value for o in question.options]
        if text not in choices:
            raise AnswerError(f"choose one of: {', '.join(choices)}")
        return text
    if question.type == "text":
        limit = question.max_length or 200
        if len(text) > limit:
            raise AnswerError(f"keep it under {limit} characters")
        return text
    return _parse_number(question, text)


def _parse_number(question: Question, text: str) -> int | float:
    try:
        number = float(text)
    except ValueError as exc:
        raise AnswerError("enter a number") from exc
    if question.is_whole_number:
        if not number.is_integer():
            raise AnswerError("enter a whole number")
        number = int(number)
    low, high = question.min, question.max
    if low is not None and high is not None and not low <= number <= high:
        raise AnswerError(f"enter a number from {low:g} to {high:g}")
    return number


def answers_to_data(answers: Mapping[str, Answer]) -> dict[str, Any]:
    """Raw intake data (the JSON contract's shape) from answers keyed by dotted path."""
    data: dict[str, Any] = {"schema": SCHEMA_ID}
    for field, value in answers.items():
        if value is None:
            continue
        head, _, tail = field.partition(".")
        if tail:
            data.setdefault(head, {})[tail] = value
        else:
            data[head] = value
    return data


def answers_to_intake(answers: Mapping[str, Answer]) -> Intake | Screening:
    """Builds and validates an intake from answers keyed by dotted field path.

    A screening comes back only when the answers stop the questionnaire early.
    """
    return parse_intake(answers_to_data(answers))


def early_stop(answers: Mapping[str, Answer]) -> Stop | None:
    """Whether these answers end the questionnaire before its last step.

    None while the questions before the safety checks are unanswered, or when the person
    carries on.
    """
    try:
        screening = screening_so_far(answers_to_data(answers))
    except IntakeError:
        return None
    complete = all(field in answers for field in safety_fields(screening.is_pregnant))
    return stop_reason(screening, safety_complete=complete)


def intake_to_answers(intake: Screening) -> dict[str, Answer]:
    """The answers that rebuild ``intake`` (for editing a saved assessment)."""
    raw = intake.model_dump(mode="json", by_alias=True)
    answers: dict[str, Answer] = {}
    for step in questionnaire().steps:
        for field in step.fields:
            head, _, tail = field.partition(".")
            section = raw.get(head)
            if tail and isinstance(section, dict) and field not in intake.unanswered:
                answers[field] = section[tail]
            elif not tail and head in raw:
                answers[field] = raw[head]
    return answers


class AnsweredQuestion(_Content):
    """One question as the check-your-answers page reads it back."""

    label: str
    answer: str


def _answer_text(question: Question, answers: Mapping[str, Answer]) -> str | None:
    if question.type == "checklist":
        given = [answers.get(item.field) for item in question.items]
        if all(value is None for value in given):
            return None
        ticked = [item.label for item in question.items if answers.get(item.field) is True]
        return "; ".join(ticked) if ticked else question.none_label
    if question.field not in answers:
        return None
    value = answers[question.field]
    if value is None:
        return "Not answered"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "; ".join(question.option_label(v) for v in value) or "None"
    if question.type == "single":
        return question.option_label(str(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if question.type == "scale":
        return f"{value} out of {question.max:g}"
    return str(value)


def answered_questions(step: Step, answers: Mapping[str, Answer]) -> list[AnsweredQuestion]:
    """The questions of ``step`` that were answered, each with its answer in words."""
    out = []
    for question in step.questions:
        if not is_visible(question, answers):
            continue
        text = _answer_text(question, answers)
        if text is not None:
            out.append(AnsweredQuestion(label=question.label, answer=text))
    return out
