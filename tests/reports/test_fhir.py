"""The FHIR R4 export: structure a receiver relies on, resolvable references, stable ids."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from spinewise.core.assessment import assess
from spinewise.core.intake import IntakeError, parse_intake
from spinewise.core.journal import DailyEntry, PsfsRating
from spinewise.reports.fhir import (
    INTAKE_QUESTIONNAIRE,
    PAIN_CODE,
    PSFS_TEXT,
    bundle_days,
    fhir_bundle,
    validate_bundle_structure,
)

VIGNETTES = Path(__file__).parents[1] / "vignettes"
START = date(2025, 3, 3)
GENERATED = datetime(2025, 5, 1, 10, 0, tzinfo=UTC)
ENTRIES = [DailyEntry(day=START + timedelta(days=i), pain=6 - i // 5) for i in range(20)]
RATINGS = [
    PsfsRating(week=1, week_start=START, activities=[{"name": "Sitting", "score": 3}]),
    PsfsRating(
        week=3,
        activities=[{"name": "Sitting", "score": 6}, {"name": "Lifting a child", "score": 4}],
    ),
]


@pytest.fixture(scope="module")
def intake() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VIGNETTES / "P01.json").read_text())
    return data


def export(intake: dict[str, Any], **changes: Any) -> dict[str, Any]:
    options: dict[str, Any] = {
        "patient_ref": "user-42",
        "intake": intake,
        "assessment": assess(parse_intake(intake)).to_json_dict(),
        "entries": ENTRIES,
        "ratings": RATINGS,
        "generated": GENERATED,
        **changes,
    }
    return fhir_bundle(**options)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_a_real_export_has_no_problems(intake: dict[str, Any]) -> None:
    bundle = export(intake)
    assert validate_bundle_structure(bundle) == []
    assert bundle["type"] == "collection" and bundle["timestamp"] == "2025-05-01T10:00:00+00:00"
    json.dumps(bundle)  # JSON-ready


def test_every_reference_resolves_to_a_urn_in_the_bundle(intake: dict[str, Any]) -> None:
    bundle = export(intake)
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert all(url.startswith("urn:uuid:") for url in urls)
    assert len(urls) == len(bundle["entry"])
    (patient,) = resources(bundle, "Patient")
    patient_url = next(e["fullUrl"] for e in bundle["entry"] if e["resource"] is patient)
    assert "name" not in patient and patient["identifier"][0]["value"] == "user-42"
    for kind in ("QuestionnaireResponse", "Observation", "RiskAssessment"):
        for resource in resources(bundle, kind):
            assert resource["subject"]["reference"] == patient_url


def test_pain_observations_use_loinc_and_ucum(intake: dict[str, Any]) -> None:
    bundle = export(intake)
    assert bundle_days(bundle) == [e.day for e in ENTRIES]
    pain = [r for r in resources(bundle, "Observation") if "coding" in r["code"]]
    first = pain[0]
    assert first["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": PAIN_CODE,
        "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    }
    assert first["status"] == "final"
    assert first["category"][0]["coding"][0]["code"] == "survey"
    assert first["effectiveDateTime"] == "2025-03-03"
    assert first["valueQuantity"] == {
        "value": 6,
        "unit": "{score}",
        "system": "http://unitsofmeasure.org",
        "code": "{score}",
    }


def test_psfs_observations_have_a_component_per_activity_and_no_invented_code(
    intake: dict[str, Any],
) -> None:
    psfs = [r for r in resources(export(intake), "Observation") if r["code"] == {"text": PSFS_TEXT}]
    assert len(psfs) == 2
    assert psfs[1]["valueQuantity"]["value"] == 5.0
    assert [c["code"]["text"] for c in psfs[1]["component"]] == ["Sitting", "Lifting a child"]
    assert psfs[0]["effectiveDateTime"] == START.isoformat()


def test_the_intake_becomes_a_questionnaire_response(intake: dict[str, Any]) -> None:
    (response,) = resources(export(intake), "QuestionnaireResponse")
    assert response["status"] == "completed"
    assert response["questionnaire"] == INTAKE_QUESTIONNAIRE
    items = {item["linkId"]: item for item in response["item"]}
    assert items["age"]["answer"] == [{"valueInteger": 35}]
    assert [a["valueCoding"]["code"] for a in items["areas"]["answer"]] == [
        "lower_back_centre",
        "upper_back_centre",
    ]
    habits = {item["linkId"]: item for item in items["habits"]["item"]}
    assert habits["habits.sitting_hours"]["answer"] == [{"valueDecimal": 9.0}]
    flags = {item["linkId"]: item for item in items["red_flags"]["item"]}
    assert flags["red_flags.fever"]["answer"] == [{"valueBoolean": False}]
    assert "habits.sport" not in habits  # unanswered optional questions are left out


def test_the_triage_is_a_risk_assessment_based_on_the_answers(intake: dict[str, Any]) -> None:
    bundle = export(intake)
    (risk,) = resources(bundle, "RiskAssessment")
    response_url = next(
        e["fullUrl"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "QuestionnaireResponse"
    )
    assert risk["basis"] == [{"reference": response_url}]
    assert risk["prediction"][0]["outcome"]["coding"][0]["code"] == "self_care"


def test_exports_are_stable_and_differ_per_person(intake: dict[str, Any]) -> None:
    assert export(intake) == export(intake)
    other = export(intake, patient_ref="user-43")
    assert {e["fullUrl"] for e in other["entry"]}.isdisjoint(
        {e["fullUrl"] for e in export(intake)["entry"]}
    )


def test_an_invalid_intake_is_refused(intake: dict[str, Any]) -> None:
    broken = copy.deepcopy(intake)
    del broken["red_flags"]["fever"]
    with pytest.raises(IntakeError):
        export(broken)


def test_broken_bundles_are_caught(intake: dict[str, Any]) -> None:
    bundle = export(intake)
    no_patient = copy.deepcopy(bundle)
    no_patient["entry"] = no_patient["entry"][1:]
    problems = validate_bundle_structure(no_patient)
    assert problems and all("does not resolve" in p for p in problems)

    mangled = copy.deepcopy(bundle)
    mangled["entry"][1]["resource"]["resourceType"] = "Spaceship"
    observation = next(
        e["resource"] for e in mangled["entry"] if e["resource"]["resourceType"] == "Observation"
    )
    del observation["status"]
    observation["code"] = {"coding": [{"display": "no system or code"}]}
    observation["valueQuantity"].pop("system")
    mangled["entry"][2]["fullUrl"] = mangled["entry"][3]["fullUrl"]
    problems = validate_bundle_structure(mangled)
    joined = "\n".join(problems)
    assert "unknown resourceType 'Spaceship'" in joined
    assert "Observation.status is required" in joined
    assert "Observation.code needs a coding" in joined
    assert "valueQuantity is missing system" in joined
    assert "appears twice" in joined
    assert validate_bundle_structure({"resourceType": "Patient"}) != []


def test_the_recovery_screen_answers_are_coded_items() -> None:
    s03: dict[str, Any] = json.loads((VIGNETTES / "S03.json").read_text())
    bundle = export(s03)
    assert validate_bundle_structure(bundle) == []
    (response,) = resources(bundle, "QuestionnaireResponse")
    items = {item["linkId"]: item for item in response["item"]}
    recovery = {item["linkId"]: item for item in items["recovery"]["item"]}
    assert recovery["recovery.worry"]["answer"][0]["valueCoding"]["code"] == "mostly"


# --- Instruments: a Questionnaire each, a QuestionnaireResponse per completed rating ---------


def _interference_answers() -> list[Any]:
    from spinewise.core.instruments import packaged_instrument
    from spinewise.reports.fhir import InstrumentAnswers

    instrument = packaged_instrument("pain_interference")
    return [
        InstrumentAnswers(
            instrument, {"pain": "7", "enjoyment": "6", "activity": "8"}, date(2025, 4, 7)
        ),
        InstrumentAnswers(
            instrument, {"pain": "3", "enjoyment": "2", "activity": "4"}, date(2025, 4, 28)
        ),
    ]


def test_each_instrument_is_a_questionnaire_and_each_rating_a_response_that_validates(
    intake: dict[str, Any],
) -> None:
    bundle = export(intake, instrument_answers=_interference_answers())
    assert validate_bundle_structure(bundle) == []
    (questionnaire,) = [
        q for q in resources(bundle, "Questionnaire") if "pain-interference" in q["url"]
    ]
    assert [item["linkId"] for item in questionnaire["item"]] == ["pain", "enjoyment", "activity"]
    assert len(questionnaire["item"][0]["answerOption"]) == 11
    assert "MIT" in questionnaire["copyright"]
    responses = [
        r
        for r in resources(bundle, "QuestionnaireResponse")
        if r["questionnaire"] == questionnaire["url"]
    ]
    assert [r["authored"] for r in responses] == ["2025-04-07", "2025-04-28"]
    assert all(r["status"] == "completed" for r in responses)
    scores = [o for o in resources(bundle, "Observation") if "derivedFrom" in o]
    assert [o["valueQuantity"]["value"] for o in scores] == [7.0, 3.0]


def test_an_answer_that_is_not_an_option_of_its_questionnaire_is_a_problem(
    intake: dict[str, Any],
) -> None:
    bundle = export(intake, instrument_answers=_interference_answers())
    broken = copy.deepcopy(bundle)
    response = next(
        e["resource"]
        for e in broken["entry"]
        if e["resource"]["resourceType"] == "QuestionnaireResponse"
        and "pain-interference" in e["resource"]["questionnaire"]
    )
    response["item"][0]["answer"][0]["valueCoding"]["code"] = "11"
    response["item"][1]["linkId"] = "mood"
    problems = validate_bundle_structure(broken)
    assert any("answer '11' is not an option" in p for p in problems)
    assert any("item 'mood' is not in its Questionnaire" in p for p in problems)


def test_a_questionnaire_without_items_is_a_problem(intake: dict[str, Any]) -> None:
    bundle = export(intake, instrument_answers=_interference_answers())
    broken = copy.deepcopy(bundle)
    questionnaire = next(
        e["resource"] for e in broken["entry"] if e["resource"]["resourceType"] == "Questionnaire"
    )
    del questionnaire["item"]
    assert any("Questionnaire.item is required" in p for p in validate_bundle_structure(broken))
