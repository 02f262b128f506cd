"""Numbers in words: singular for exactly one, whole-number percentages."""

from __future__ import annotations

import pytest

from spinewise.core.wording import counted, number, percent


@pytest.mark.parametrize(
    ("value", "words"),
    [(1, "1 point"), (1.0, "1 point"), (0, "0 points"), (1.5, "1.5 points"), (2, "2 points")],
)
def test_one_point_is_singular_and_every_other_amount_plural(value: float, words: str) -> None:
    assert counted(value, "point") == words


def test_a_day_count_reads_naturally() -> None:
    assert counted(1, "day") == "1 day" and counted(0, "day") == "0 days"


@pytest.mark.parametrize(("value", "words"), [(45.8, "46%"), (30.0, "30%"), (0.4, "0%")])
def test_percentages_are_whole_numbers(value: float, words: str) -> None:
    assert percent(value) == words


def test_numbers_keep_one_decimal_at_most_and_never_read_minus_zero() -> None:
    assert (number(6.0), number(3.44), number(-0.01)) == ("6", "3.4", "0")


def test_a_result_quotes_one_day_in_the_singular() -> None:
    import json
    from pathlib import Path

    from spinewise.core.assessment import assess
    from spinewise.core.intake import complete_intake

    data = json.loads((Path(__file__).parents[1] / "vignettes" / "P01.json").read_text())
    data["habits"]["exercise_days"] = 1
    data["duration_days"] = 1
    reasons = [r for cause in assess(complete_intake(data)).causes for r in cause.reasons]
    assert "exercise on 1 day a week" in reasons
    assert not any("1 days" in r or "(s)" in r for r in reasons)
