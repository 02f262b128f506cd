"""The intake contract: valid answers pass, anything half-valid is refused field by field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from spinewise.core.intake import IntakeError, intake_json_schema, load_intake, parse_intake


def test_a_complete_intake_is_accepted(neutral_data: dict[str, Any]) -> None:
    intake = parse_intake(neutral_data)
    assert intake.age == 30 and intake.has_lower_back and not intake.has_upper_back


def test_every_bad_field_is_named(neutral_data: dict[str, Any]) -> None:
    neutral_data["age"] = 200
    neutral_data["intensity"] = 11
    neutral_data["areas"] = ["elbow"]
    neutral_data["habits"]["stress"] = -1
    with pytest.raises(IntakeError) as caught:
        parse_intake(neutral_data)
    fields = {field for field, _ in caught.value.problems}
    assert {"age", "intensity", "areas.0", "habits.stress"} <= fields


def test_a_missing_safety_answer_is_refused(neutral_data: dict[str, Any]) -> None:
    del neutral_data["red_flags"]["saddle_numbness"]
    with pytest.raises(IntakeError) as caught:
        parse_intake(neutral_data)
    assert ("red_flags.saddle_numbness", "Field required") in caught.value.problems


def test_unknown_fields_and_wrong_schema_versions_are_refused(neutral_data: dict[str, Any]) -> None:
    neutral_data["schema"] = "spinewise.intake/0"
    neutral_data["favourite_colour"] = "blue"
    with pytest.raises(IntakeError) as caught:
        parse_intake(neutral_data)
    fields = {field for field, _ in caught.value.problems}
    assert {"schema", "favourite_colour"} <= fields


def test_pregnancy_is_refused_for_a_male_intake(neutral_data: dict[str, Any]) -> None:
    neutral_data.update(sex="male", pregnant_weeks=12)
    with pytest.raises(IntakeError, match="pregnant_weeks"):
        parse_intake(neutral_data)


def test_repeated_answers_are_refused(neutral_data: dict[str, Any]) -> None:
    neutral_data["areas"] = ["lower_back_centre", "lower_back_centre"]
    with pytest.raises(IntakeError, match="areas"):
        parse_intake(neutral_data)


def test_non_object_json_and_missing_files_get_clear_errors(tmp_path: Any) -> None:
    with pytest.raises(IntakeError, match="JSON object"):
        parse_intake([1, 2])
    with pytest.raises(IntakeError, match="not found"):
        load_intake(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(IntakeError, match="not valid JSON"):
        load_intake(broken)


def test_the_json_schema_names_the_contract_and_requires_every_safety_answer() -> None:
    schema = intake_json_schema()
    assert schema["title"] == "spinewise.intake/1"
    assert "schema" in schema["properties"]
    red_flags = schema["$defs"]["RedFlags"]
    assert set(red_flags["required"]) == set(red_flags["properties"])
    json.dumps(schema)  # serialisable as printed by the CLI


def test_free_text_refuses_control_characters(neutral_data: dict[str, Any]) -> None:
    neutral_data["habits"]["sport"] = "ten\x00nis"
    with pytest.raises(IntakeError, match=r"habits\.sport"):
        parse_intake(neutral_data)
