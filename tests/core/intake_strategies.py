"""Hypothesis strategies that build any valid intake."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from spinewise.core.intake import (
    Aggravator,
    BagCarrying,
    BodyArea,
    Breaks,
    Episodes,
    History,
    Injury,
    Onset,
    PainkillerEffect,
    PainQuality,
    PregnancySigns,
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
pregnancy = st.fixed_dictionaries({name: st.booleans() for name in PregnancySigns.model_fields})


@st.composite
def intake_data(
    draw: st.DrawFn, red_flags: st.SearchStrategy[dict[str, bool]] = flag_answers
) -> dict[str, Any]:
    sex = draw(st.sampled_from(["female", "male", "other"]))
    pregnant = draw(st.none() | st.integers(1, 42)) if sex != "male" else None
    return {
        "schema": "spinewise.intake/2",
        "areas": draw(_subset(BodyArea)),
        "age": draw(st.integers(1, 100)),
        "sex": sex,
        "pregnant_weeks": pregnant,
        "duration_days": draw(st.integers(0, 2000)),
        "onset": draw(st.sampled_from([o.value for o in Onset])),
        "injury": draw(st.sampled_from([i.value for i in Injury])),
        "intensity": draw(st.integers(0, 10)),
        "trend": draw(st.sampled_from([t.value for t in Trend])),
        "red_flags": draw(red_flags),
        "pregnancy": draw(pregnancy) if pregnant is not None else None,
        "history": draw(history),
        "pain_qualities": draw(
            st.lists(st.sampled_from(list(PainQuality)), min_size=1, unique=True).map(
                lambda qs: [q.value for q in qs]
            )
        ),
        "worse_with": draw(_subset(Aggravator)),
        "better_with": draw(_subset(Reliever)),
        "time_pattern": draw(_subset(TimePattern)),
        "episodes": draw(st.sampled_from([e.value for e in Episodes])),
        "painkiller_effect": draw(st.sampled_from([p.value for p in PainkillerEffect])),
        "habits": draw(habits),
    }
