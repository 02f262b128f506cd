"""Stratified care: each person gets the pathway their recovery screen points to, with
plain reasons; no screen means the standard programme, and says so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from spinewise.core.assessment import assess
from spinewise.core.content_loader import ContentError
from spinewise.core.intake import IntakeError, intake_json_schema, parse_intake
from spinewise.core.pathway import PATHWAY_IDS, choose_pathway, lessons, load_pathways, pathways

VIGNETTES = Path(__file__).parents[1] / "vignettes"
CASES = yaml.safe_load((VIGNETTES / "pathways.yaml").read_text())


def intake_of(case_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VIGNETTES / f"{case_id}.json").read_text())
    return data


def test_the_pathway_vignettes_cover_every_pathway() -> None:
    assert {case["expect"]["pathway"] for case in CASES} == set(PATHWAY_IDS)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_each_pathway_vignette_gets_the_pathway_a_clinician_expects(case: dict[str, Any]) -> None:
    result = assess(parse_intake(intake_of(case["id"])))
    assert result.triage.level == case["expect"]["triage"]
    assert result.pathway is not None
    assert result.pathway.id == case["expect"]["pathway"]
    assert result.pathway.reasons


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_each_pathway_vignette_is_its_public_case_plus_the_screen(case: dict[str, Any]) -> None:
    base = intake_of(case["based_on"])
    assert {**base, "recovery": case["recovery"]} == {"recovery": None, **intake_of(case["id"])}


def test_without_the_screen_the_standard_programme_is_given_and_the_reason_shown() -> None:
    pathway = choose_pathway(None)
    assert (pathway.id, pathway.screened, pathway.screen) == ("medium", False, None)
    assert pathway.reasons == ["You have not answered the recovery questions."]
    assert "did not answer the recovery questions" in pathway.summary


def test_the_low_pathway_reassures_with_fewer_check_ins() -> None:
    low = assess(parse_intake(intake_of("S01"))).pathway
    assert low is not None and low.id == "low"
    assert low.checkins_per_week < pathways().pathway("medium").checkins_per_week
    assert any("Keep moving" in line for line in low.advice)
    assert not low.see_physio


def test_the_high_pathway_recommends_a_physiotherapist_and_names_the_answers() -> None:
    high = assess(parse_intake(intake_of("S03"))).pathway
    assert high is not None and high.id == "high" and high.see_physio
    assert high.physio_advice and "physiotherapist" in high.physio_advice
    assert "You think moving more could damage your back." in high.reasons
    assert high.screen is not None and high.screen.scores["worry_mood"] == 5


def test_emergencies_get_no_pathway() -> None:
    assert assess(parse_intake(intake_of("P08"))).pathway is None


def test_an_intake_without_the_screen_stays_valid_and_a_partial_screen_is_named() -> None:
    data = intake_of("P01")
    assert parse_intake(data).recovery is None  # type: ignore[union-attr]
    with pytest.raises(IntakeError) as error:
        parse_intake({**data, "recovery": {"leg_pain": "yes"}})
    field, reason = error.value.problems[0]
    assert field == "recovery" and "worry: required" in reason


def test_the_intake_schema_lists_the_screen_items_and_their_answers() -> None:
    schema = intake_json_schema()
    recovery = schema["$defs"]["RecoveryAnswers"]
    assert recovery["required"][0] == "leg_pain"
    assert recovery["properties"]["bothersome"]["enum"][-1] == "extremely"
    complete = schema["anyOf"][0]
    assert "recovery" in complete["properties"] and "recovery" not in complete["required"]


def test_every_pathway_and_lesson_cites_sources_and_each_week_has_a_lesson() -> None:
    for pathway in pathways().pathways:
        assert pathway.sources
    assert sorted(lessons()) == [1, 2, 3, 4, 5, 6]


def test_a_pathways_file_with_an_unknown_source_fails_loudly(tmp_path: Path) -> None:
    from spinewise.core.content_loader import content_dir

    text = (content_dir() / "pathways.yaml").read_text().replace("pace_2014", "made_up_2030")
    (tmp_path / "pathways.yaml").write_text(text)
    with pytest.raises(ContentError, match="unknown source id 'made_up_2030'"):
        load_pathways(tmp_path)
