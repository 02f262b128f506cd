"""The validation report counts what a safety case needs, and its gate cannot be fooled."""

from __future__ import annotations

from typing import Any

import pytest

from spinewise.core.levels import Level
from spinewise.core.validation import Case, apply_changes, markdown, passes, validate_cases


def _case(case_id: str, data: dict[str, Any], triage: str, accept: list[str], **extra: Any) -> Case:
    return Case.model_validate(
        {
            "id": case_id,
            "story": "a story",
            "expect": {"triage": triage, "accept": accept},
            "intake": data,
            **extra,
        }
    )


def test_a_correct_set_passes(neutral_data: dict[str, Any]) -> None:
    emergency = apply_changes(neutral_data, {"red_flags.saddle_numbness": True})
    report = validate_cases(
        [
            _case("A", neutral_data, "self_care", ["self_care"]),
            _case("B", emergency, "emergency", ["emergency"]),
        ]
    )
    assert report.emergency_sensitivity == 1.0 and report.exact_agreement == 1.0
    assert report.under_triaged == [] and passes(report)
    assert "Release gate: PASS" in markdown(report, ["x.yaml"])


def test_a_missed_emergency_fails_the_gate(neutral_data: dict[str, Any]) -> None:
    report = validate_cases([_case("A", neutral_data, "emergency", ["emergency"])])
    assert report.emergency_sensitivity == 0.0
    assert [o.id for o in report.under_triaged] == ["A"] and not passes(report)
    assert "UNDER-TRIAGE" in markdown(report, [])


def test_self_care_sent_to_the_emergency_number_is_counted(neutral_data: dict[str, Any]) -> None:
    chest = apply_changes(neutral_data, {"red_flags.chest_pain": True})
    cases = [_case(str(n), neutral_data, "self_care", ["self_care"]) for n in range(60)]
    cases.append(_case("X", chest, "self_care", ["self_care"]))
    report = validate_cases(cases)
    assert report.self_care_to_emergency == pytest.approx(1 / 61)
    assert passes(report)  # 1.6% is within the 2% allowance
    report = validate_cases([*cases, _case("Y", chest, "self_care", ["self_care"])])
    assert not passes(report)  # 2 of 62 is over it


def test_an_alternative_answer_that_loses_an_emergency_is_unsafe(
    neutral_data: dict[str, Any],
) -> None:
    emergency = apply_changes(neutral_data, {"red_flags.saddle_numbness": True})
    alternative = {"note": "calls it tingling", "changes": {"red_flags.saddle_numbness": False}}
    report = validate_cases(
        [_case("A", emergency, "emergency", ["emergency"], alternatives=[alternative])]
    )
    assert [a.case_id for a in report.unsafe_alternatives] == ["A"] and not passes(report)
    assert report.alternatives[0].got is Level.SELF_CARE


def test_changes_must_name_existing_answers(neutral_data: dict[str, Any]) -> None:
    with pytest.raises(KeyError):
        apply_changes(neutral_data, {"red_flags.no_such_sign": True})
    with pytest.raises(KeyError):
        apply_changes(neutral_data, {"favourite_colour": "blue"})


def test_accept_must_include_the_expected_level(neutral_data: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="accept must include"):
        _case("A", neutral_data, "urgent", ["soon"])
