"""Every clinical vignette is a test: the engine must reach a clinician's verdict.

``public.yaml`` holds the shared cases (identical to ../shared/vignettes/public.yaml);
``round2.yaml`` the cases written for safety round 2 from the literature, each with the
plausible other answers its person might give. Each case's answers are ``<id>.json``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from spinewise.cli.validate_cmd import load_cases
from spinewise.core.assessment import assess
from spinewise.core.intake import parse_intake
from spinewise.core.levels import Level
from spinewise.core.validation import Case, apply_changes

VIGNETTES_DIR = Path(__file__).parents[1] / "vignettes"
PUBLIC = yaml.safe_load((VIGNETTES_DIR / "public.yaml").read_text())
SHARED_COPY = Path(__file__).parents[3] / "shared" / "vignettes" / "public.yaml"
CASES, _ = load_cases(VIGNETTES_DIR)
PLANNABLE_LEVELS = ("self_care", "soon")


def _by_id(case: Case) -> str:
    return case.id


def test_the_22_public_vignettes_are_all_here() -> None:
    assert len(PUBLIC) == 22
    assert {v["id"] for v in PUBLIC} <= {case.id for case in CASES}


def test_the_validation_set_is_large_and_covers_every_level() -> None:
    assert len(CASES) >= 120
    for level in Level:
        assert sum(case.expect.triage is level for case in CASES) >= 15, level
    assert any(case.intake.get("pregnant_weeks") for case in CASES)
    assert any(case.intake["age"] < 16 for case in CASES)
    assert {case.intake["age"] // 10 for case in CASES} >= set(range(1, 10))


@pytest.mark.skipif(not SHARED_COPY.exists(), reason="no ../shared checkout beside this clone")
def test_the_local_copy_matches_the_shared_vignettes() -> None:
    assert yaml.safe_load(SHARED_COPY.read_text()) == PUBLIC


@pytest.mark.parametrize("case", CASES, ids=_by_id)
def test_triage_is_one_a_clinician_accepts(case: Case) -> None:
    result = assess(parse_intake(case.intake))
    assert result.triage.level in case.expect.accept, result.triage.reasons


@pytest.mark.parametrize("case", CASES, ids=_by_id)
def test_region_matches(case: Case) -> None:
    assert assess(parse_intake(case.intake)).region == case.expect.region


@pytest.mark.parametrize("case", CASES, ids=_by_id)
def test_other_plausible_answers_never_lose_an_emergency_or_cry_wolf(case: Case) -> None:
    for alternative in case.alternatives:
        level = assess(parse_intake(apply_changes(case.intake, alternative.changes))).triage.level
        if case.expect.triage is Level.EMERGENCY:
            assert level is Level.EMERGENCY, alternative.note
        if case.expect.triage is Level.SELF_CARE:
            assert level is not Level.EMERGENCY, alternative.note


ADVICE_CASES = [case for case in CASES if case.expect.triage in PLANNABLE_LEVELS]


@pytest.mark.parametrize("case", ADVICE_CASES, ids=_by_id)
def test_expected_causes_are_in_the_top_three(case: Case) -> None:
    result = assess(parse_intake(case.intake))
    top_three = [cause.id for cause in result.causes[:3]]
    for cause in getattr(case.expect, "causes", None) or []:
        assert cause in top_three, f"{cause} not in {top_three}"


@pytest.mark.parametrize("case", ADVICE_CASES, ids=_by_id)
def test_expected_mistakes_are_flagged(case: Case) -> None:
    result = assess(parse_intake(case.intake))
    flagged = {mistake.id for mistake in result.mistakes}
    assert set(getattr(case.expect, "mistakes", None) or []) <= flagged


def test_emergency_and_urgent_verdicts_give_no_causes_mistakes_or_exercise() -> None:
    for case in CASES:
        result = assess(parse_intake(case.intake))
        if result.triage.level in (Level.EMERGENCY, Level.URGENT):
            assert result.causes == [] and result.mistakes == []
            assert result.withheld and not result.allows_exercise


def test_every_emergency_vignette_is_caught() -> None:
    emergencies = [case for case in CASES if case.expect.triage is Level.EMERGENCY]
    missed = [
        case.id
        for case in emergencies
        if assess(parse_intake(case.intake)).triage.level is not Level.EMERGENCY
    ]
    assert emergencies and missed == []
