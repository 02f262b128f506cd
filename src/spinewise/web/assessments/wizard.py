"""The assessment wizard's state: answers kept in the session, step by step.

Answers live in the session until the person saves them, so nobody needs an account to
get a verdict, and signing up on the way loses nothing (Django keeps session data
across log-in). They are health data (cancer history, drug use...), so they do not linger:
they expire ``SPINEWISE_ANONYMOUS_ANSWERS_HOURS`` after the last answer, and so does an
anonymous person's whole session; ``spinewise maintenance`` clears what is left.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpRequest, QueryDict

from spinewise.core.intake import Intake, IntakeError, Screening
from spinewise.core.questionnaire import (
    Answer,
    AnswerError,
    Question,
    Step,
    answers_to_intake,
    early_stop,
    is_visible,
    parse_answer,
    parse_checklist,
    questionnaire,
)
from spinewise.core.stopping import Stop
from spinewise.web.assessments.body_map import SHAPES, Shape, hit_area, view_box

ANSWERS_KEY = "spinewise_answers"
DONE_KEY = "spinewise_steps_done"
ANSWERED_AT_KEY = "spinewise_answered_at"  # seconds since the epoch, of the last answer
WIZARD_KEYS = (ANSWERS_KEY, DONE_KEY, ANSWERED_AT_KEY)


def answers_lifetime() -> int:
    """Seconds the answers are kept after the last one."""
    return int(settings.SPINEWISE_ANONYMOUS_ANSWERS_HOURS * 60 * 60)


def answers_are_stale(data: Mapping[str, object], now: float) -> bool:
    """True when a session holds answers older than their lifetime."""
    answered = data.get(ANSWERED_AT_KEY)
    if ANSWERS_KEY not in data and DONE_KEY not in data:
        return False
    return not isinstance(answered, int | float) or now - answered > answers_lifetime()


@dataclass(frozen=True)
class BoundOption:
    value: str
    label: str
    checked: bool
    view: str | None


@dataclass(frozen=True)
class BoundQuestion:
    """What a template needs to draw one question: its current value and any error."""

    question: Question
    value: str
    options: list[BoundOption]
    error: str | None
    none_chosen: bool = False

    @property
    def id(self) -> str:
        return f"q-{self.question.name}"

    def options_for(self, view: str) -> list[BoundOption]:
        return [o for o in self.options if o.view == view]

    def shapes_for(self, view: str) -> list[tuple[BoundOption, Shape, Shape]]:
        """Each body-map option of a view with the shape that draws it and its tap area."""
        out = []
        for option in self.options_for(view):
            shape = SHAPES[view][option.value]
            out.append((option, shape, hit_area(shape)))
        return out

    @property
    def view_box(self) -> str:
        return view_box()

    @property
    def front_shapes(self) -> list[tuple[BoundOption, Shape, Shape]]:
        return self.shapes_for("front")

    @property
    def back_shapes(self) -> list[tuple[BoundOption, Shape, Shape]]:
        return self.shapes_for("back")

    @property
    def front_options(self) -> list[BoundOption]:
        return self.options_for("front")

    @property
    def back_options(self) -> list[BoundOption]:
        return self.options_for("back")

    @property
    def scale_points(self) -> list[BoundOption]:
        low, high = int(self.question.min or 0), int(self.question.max or 10)
        return [
            BoundOption(str(n), str(n), self.value == str(n), None) for n in range(low, high + 1)
        ]

    @property
    def none_option(self) -> BoundOption:
        """A checklist's "none of these": ticked only when it was chosen, never by default."""
        return BoundOption("none", self.question.none_label or "", self.none_chosen, None)

    @property
    def yes_no(self) -> list[BoundOption]:
        return [
            BoundOption("yes", "Yes", self.value == "yes", None),
            BoundOption("no", "No", self.value == "no", None),
        ]


def _display(value: Answer) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class StepForm:
    """One wizard step bound to submitted data (or to the answers given before)."""

    step: Step
    answers: dict[str, Answer]
    raw: Mapping[str, list[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def questions(self) -> list[Question]:
        # A question that depends on an answer in this same step is shown (it says when
        # it applies); the answer decides on submit whether it is kept.
        here = {q.field for q in self.step.questions}
        return [
            q
            for q in self.step.questions
            if q.show_if is None or q.show_if.field in here or is_visible(q, self.answers)
        ]

    def _bound_checklist(self, question: Question) -> BoundQuestion:
        if question.name in self.raw:
            chosen = set(self.raw[question.name])
            none = "none" in chosen
        else:
            given = [self.answers.get(item.field) for item in question.items]
            chosen = {i.name for i in question.items if self.answers.get(i.field) is True}
            none = bool(given) and all(answer is False for answer in given)
        options = [
            BoundOption(item.name, item.label, item.name in chosen or item.field in chosen, None)
            for item in question.items
        ]
        return BoundQuestion(question, "", options, self.errors.get(question.field), none)

    def bound(self) -> list[BoundQuestion]:
        out = []
        for question in self.questions:
            if question.type == "checklist":
                out.append(self._bound_checklist(question))
                continue
            if question.name in self.raw:
                submitted = self.raw[question.name]
                chosen = set(submitted)
                value = submitted[0] if submitted else ""
            else:
                answer = self.answers.get(question.field)
                chosen = set(answer) if isinstance(answer, list) else {_display(answer)}
                value = _display(answer) if not isinstance(answer, list) else ""
            options = [
                BoundOption(o.value, o.label, o.value in chosen, o.view) for o in question.options
            ]
            out.append(BoundQuestion(question, value, options, self.errors.get(question.field)))
        return out

    def validate(self, data: QueryDict) -> bool:
        self.raw = {q.name: data.getlist(q.name) for q in self.step.questions}
        for question in self.step.questions:
            if not is_visible(question, self.answers):
                self.answers.pop(question.field, None)
                continue
            if question.type == "checklist":
                try:
                    self.answers.update(parse_checklist(question, self.raw[question.name]))
                except AnswerError as error:
                    self.errors[question.field] = str(error)
                continue
            try:
                value = parse_answer(question, self.raw[question.name])
            except AnswerError as error:
                self.errors[question.field] = str(error)
            else:
                self.answers[question.field] = value
                # A later show_if may depend on this answer (sex -> pregnancy).
        return not self.errors


def _forget_stale(request: HttpRequest) -> None:
    if answers_are_stale(request.session, time.time()):
        clear(request)


def get_answers(request: HttpRequest) -> dict[str, Answer]:
    _forget_stale(request)
    return dict(request.session.get(ANSWERS_KEY, {}))


def steps_done(request: HttpRequest) -> list[str]:
    _forget_stale(request)
    return list(request.session.get(DONE_KEY, []))


def store_step(request: HttpRequest, form: StepForm) -> None:
    done = steps_done(request)  # (forgets stale answers before these join them)
    if form.step.id not in done:
        done.append(form.step.id)
    request.session[ANSWERS_KEY] = form.answers
    request.session[DONE_KEY] = done
    request.session[ANSWERED_AT_KEY] = int(time.time())
    if not request.user.is_authenticated:
        # An anonymous session holds nothing but these answers: it ends with them.
        request.session.set_expiry(answers_lifetime())


def clear(request: HttpRequest) -> None:
    for key in WIZARD_KEYS:
        request.session.pop(key, None)


def visible_steps(request: HttpRequest) -> list[Step]:
    """The steps this person is asked, given their answers so far (pregnancy only if so)."""
    return questionnaire().visible_steps(get_answers(request))


def stop_here(request: HttpRequest) -> Stop | None:
    """Whether the answers so far end the questionnaire (an emergency at once, etc.)."""
    return early_stop(get_answers(request))


def first_unfinished_step(request: HttpRequest) -> Step | None:
    """The first step still to answer, or None when the answers are enough for a result."""
    done = set(steps_done(request))
    steps = visible_steps(request)
    if stop_here(request) is not None:
        # Stopped: only the steps before the stopping point had to be answered.
        last_done = max((steps.index(s) for s in steps if s.id in done), default=-1)
        steps = steps[: last_done + 1]
    return next((s for s in steps if s.id not in done), None)


def neighbours(request: HttpRequest, step: Step) -> tuple[Step | None, Step | None]:
    steps = visible_steps(request)
    if step not in steps:
        return None, steps[0] if steps else None
    index = steps.index(step)
    before = steps[index - 1] if index > 0 else None
    after = steps[index + 1] if index + 1 < len(steps) else None
    return before, after


def intake_from_session(request: HttpRequest) -> Intake | Screening:
    """The finished intake (or the screening where it stopped); raises IntakeError when
    the answers do not make one."""
    return answers_to_intake(get_answers(request))


__all__ = ["IntakeError", "StepForm", "intake_from_session"]
