"""The recovery screen again at weeks 3 and 6: the pathway may change, with the reason."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from spinewise.core.assessment import assess
from spinewise.core.intake import Intake, load_intake
from spinewise.core.plan import Preferences, Programme, build_programme
from spinewise.core.rescreen import RescreenError, rescreen

VIGNETTES = Path(__file__).parents[1] / "vignettes"
START = date(2026, 1, 5)
WEEK3 = START + timedelta(weeks=2)
WEEK6 = START + timedelta(weeks=5)
WORRIED = {
    "leg_pain": "yes", "pain_elsewhere": "no", "daily_tasks": "quite_a_lot",
    "fear_of_harm": "yes", "worry": "often", "catastrophising": "often",
    "low_mood": "mostly", "bothersome": "a_lot",
}  # fmt: skip
SETTLED = {
    "leg_pain": "no", "pain_elsewhere": "no", "daily_tasks": "a_little",
    "fear_of_harm": "no", "worry": "rarely", "catastrophising": "rarely",
    "low_mood": "rarely", "bothersome": "slightly",
}  # fmt: skip


def plan_for(case: str) -> Programme:
    intake = load_intake(VIGNETTES / f"{case}.json")
    assert isinstance(intake, Intake)
    return build_programme(assess(intake), intake, Preferences(), START)


def test_more_worry_at_week_3_moves_to_the_high_pathway_and_adds_lessons_ahead() -> None:
    programme, record = rescreen(plan_for("S02"), 3, WORRIED, WEEK3)
    assert (record.before, record.after, record.changed) == ("medium", "high", True)
    assert record.reason.startswith("At week 3 your answers moved you to")
    assert programme.pathway is not None and programme.pathway.reasons[0] == record.reason
    assert [bool(w.lessons) for w in programme.weeks] == [False] * 3 + [True] * 3
    assert programme.basis.pathway == "high" and programme.rescreens == [record]


def test_settling_at_week_6_moves_high_to_low_and_the_lessons_stop_after_it() -> None:
    programme, _ = rescreen(plan_for("S03"), 3, WORRIED, WEEK3)
    programme, record = rescreen(programme, 6, SETTLED, WEEK6)
    assert (record.before, record.after) == ("high", "low")
    # Week 6 has begun: its lesson stays; the pathway the person sees is now the light one.
    assert [lesson.id for lesson in programme.weeks[5].lessons] == ["back_to_work"]
    assert programme.pathway is not None and programme.pathway.id == "low"
    assert len(programme.rescreens) == 2


def test_the_same_answers_keep_the_pathway_and_say_so() -> None:
    programme, record = rescreen(plan_for("S03"), 3, WORRIED, WEEK3)
    assert not record.changed and "keep you on" in record.reason
    assert [len(w.lessons) for w in programme.weeks] == [1, 1, 1, 1, 2, 1]


@pytest.mark.parametrize(
    ("week", "day", "answers", "field"),
    [
        (4, WEEK3 + timedelta(days=7), WORRIED, "week"),
        (3, WEEK3 - timedelta(days=1), WORRIED, "week"),
        (3, WEEK3, {**WORRIED, "worry": "always"}, "answers.worry"),
        (3, WEEK3, {}, "answers.leg_pain"),
    ],
)
def test_a_wrong_week_an_early_day_or_bad_answers_are_named(
    week: int, day: date, answers: dict[str, str], field: str
) -> None:
    with pytest.raises(RescreenError) as error:
        rescreen(plan_for("S02"), week, answers, day)
    assert field in [name for name, _ in error.value.problems]


def test_each_week_is_re_screened_once() -> None:
    programme, _ = rescreen(plan_for("S02"), 3, SETTLED, WEEK3)
    with pytest.raises(RescreenError, match="already been re-screened"):
        rescreen(programme, 3, SETTLED, WEEK3)


def test_a_re_screened_programme_reads_back_from_storage() -> None:
    programme, record = rescreen(plan_for("S02"), 3, WORRIED, WEEK3)
    again = Programme.from_json_dict(programme.to_json_dict())
    assert again.rescreens == [record] and again.pathway == programme.pathway
