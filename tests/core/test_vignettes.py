"""Every public clinical vignette is a test: the engine must reach a clinician's verdict."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from spinewise.core.assessment import assess
from spinewise.core.intake import load_intake
from spinewise.core.levels import Level

VIGNETTES_DIR = Path(__file__).parents[1] / "vignettes"
VIGNETTES = yaml.safe_load((VIGNETTES_DIR / "public.yaml").read_text())
SHARED_COPY = Path(__file__).parents[3] / "shared" / "vignettes" / "public.yaml"


def _by_id(vignette: dict[str, object]) -> str:
    return str(vignette["id"])


def test_there_are_22_public_vignettes_each_with_an_intake_file() -> None:
    assert len(VIGNETTES) == 22
    for vignette in VIGNETTES:
        assert (VIGNETTES_DIR / f"{vignette['id']}.json").is_file()


@pytest.mark.skipif(not SHARED_COPY.exists(), reason="no ../shared checkout beside this clone")
def test_the_local_copy_matches_the_shared_vignettes() -> None:
    assert yaml.safe_load(SHARED_COPY.read_text()) == VIGNETTES


@pytest.mark.parametrize("vignette", VIGNETTES, ids=_by_id)
def test_triage_is_one_a_clinician_accepts(vignette: dict[str, object]) -> None:
    expect = vignette["expect"]
    assert isinstance(expect, dict)
    result = assess(load_intake(VIGNETTES_DIR / f"{vignette['id']}.json"))
    assert result.triage.level.value in expect["accept"], result.triage.reasons


@pytest.mark.parametrize("vignette", VIGNETTES, ids=_by_id)
def test_no_vignette_is_under_triaged(vignette: dict[str, object]) -> None:
    expect = vignette["expect"]
    assert isinstance(expect, dict)
    result = assess(load_intake(VIGNETTES_DIR / f"{vignette['id']}.json"))
    least_urgent_safe = min(Level(level).rank for level in expect["accept"])
    assert result.triage.level.rank >= least_urgent_safe


@pytest.mark.parametrize("vignette", VIGNETTES, ids=_by_id)
def test_region_matches(vignette: dict[str, object]) -> None:
    expect = vignette["expect"]
    assert isinstance(expect, dict)
    result = assess(load_intake(VIGNETTES_DIR / f"{vignette['id']}.json"))
    assert result.region == expect["region"]


SELF_CARE_CASES = [
    v
    for v in VIGNETTES
    if isinstance(v["expect"], dict) and v["expect"]["triage"] in ("self_care", "soon")
]


@pytest.mark.parametrize("vignette", SELF_CARE_CASES, ids=_by_id)
def test_expected_causes_are_in_the_top_three(vignette: dict[str, object]) -> None:
    expect = vignette["expect"]
    assert isinstance(expect, dict)
    result = assess(load_intake(VIGNETTES_DIR / f"{vignette['id']}.json"))
    top_three = [cause.id for cause in result.causes[:3]]
    for cause in expect.get("causes", []):
        assert cause in top_three, f"{cause} not in {top_three}"


@pytest.mark.parametrize("vignette", SELF_CARE_CASES, ids=_by_id)
def test_expected_mistakes_are_flagged(vignette: dict[str, object]) -> None:
    expect = vignette["expect"]
    assert isinstance(expect, dict)
    result = assess(load_intake(VIGNETTES_DIR / f"{vignette['id']}.json"))
    flagged = {mistake.id for mistake in result.mistakes}
    assert set(expect.get("mistakes", [])) <= flagged


def test_emergency_and_urgent_verdicts_give_no_causes_mistakes_or_exercise() -> None:
    for vignette in VIGNETTES:
        result = assess(load_intake(VIGNETTES_DIR / f"{vignette['id']}.json"))
        if result.triage.level in (Level.EMERGENCY, Level.URGENT):
            assert result.causes == [] and result.mistakes == []
            assert result.withheld and not result.allows_exercise


def test_every_emergency_vignette_is_caught() -> None:
    emergencies = [v for v in VIGNETTES if v["expect"]["triage"] == "emergency"]
    caught = [
        v
        for v in emergencies
        if assess(load_intake(VIGNETTES_DIR / f"{v['id']}.json")).triage.level is Level.EMERGENCY
    ]
    assert len(caught) == len(emergencies) == 5
