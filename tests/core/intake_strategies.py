"""Hypothesis strategies that build any valid intake."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from spinewise.core.intake import (
    Aggravator,
    BagCarrying,
    BodyArea,
    Breaks,
    History,
    Injury,
    Onset,
    PainQuality,
    RedFlags,
    Reliever,
    TimePattern,
    Trend,
)


def _subset(enum: Any) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from([e.value for e in enum]), unique=True)


habits = st.fixed_dictionaries(
    {
        "sitting_hours": st.integers(0, 16),
        "screen_hours": st.integers(0, 16),
        "sitting_breaks": st.sampled_from([b.value for b in Breaks]),
        "exercise_days": st.integers(0, 7),
        "strength_days": st.integers(0, 7),
        "painkiller_days": st.integers(0, 7),
        "bag_carrying": st.sampled_from([b.value for b in BagCarrying]),
        "stress": st.integers(0, 10),
        "slouching": st.booleans(),
        "head_forward": st.booleans(),
        "repetitive_work": st.booleans(),
        "sport": st.none() | st.sampled_from(["tennis", "running", "football"]),
        "training_increase": st.booleans(),
    }
)
flag_answers = st.fixed_dictionaries({name: st.booleans() for name in RedFlags.model_fields})
history = st.fixed_dictionaries({name: st.booleans() for name in History.model_fields})


@st.composite
def intake_data(
    draw: st.DrawFn, red_flags: st.SearchStrategy[dict[str, bool]] = flag_answers
) -> dict[str, Any]:
    sex = draw(st.sampled_from(["female", "male", "other"]))
    pregnant = draw(st.none() | st.integers(0, 42)) if sex != "male" else None
    return {
        "schema": "spinewise.intake/1",
        "age": draw(st.integers(1, 100)),
        "sex": sex,
        "pregnant_weeks": pregnant,
        "areas": draw(_subset(BodyArea)),
        "pain_qualities": draw(_subset(PainQuality)),
        "intensity": draw(st.integers(0, 10)),
        "onset": draw(st.sampled_from([o.value for o in Onset])),
        "injury": draw(st.sampled_from([i.value for i in Injury])),
        "onset_severe": draw(st.booleans()),
        "duration_days": draw(st.integers(0, 2000)),
        "trend": draw(st.sampled_from([t.value for t in Trend])),
        "worse_with": draw(_subset(Aggravator)),
        "better_with": draw(_subset(Reliever)),
        "time_pattern": draw(_subset(TimePattern)),
        "habits": draw(habits),
        "history": draw(history),
        "red_flags": draw(red_flags),
    }
