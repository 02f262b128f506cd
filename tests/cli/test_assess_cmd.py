"""``spinewise assess``, ``compare`` and ``intake-schema`` as a person or a script uses them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from spinewise.cli.main import app
from spinewise.core.questionnaire import is_visible, questionnaire

VIGNETTES = Path(__file__).parents[1] / "vignettes"
runner = CliRunner()


def test_p07_is_an_emergency_in_json() -> None:
    result = runner.invoke(app, ["assess", "--answers", str(VIGNETTES / "P07.json"), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["triage"]["level"] == "emergency"
    assert data["region"] == "lower" and data["causes"] == [] and data["mistakes"] == []
    assert {"level", "reasons", "advice"} <= set(data["triage"])


def test_p01_json_has_ranked_causes_and_mistakes_with_reasons() -> None:
    result = runner.invoke(app, ["assess", "-a", str(VIGNETTES / "P01.json"), "--json"])
    data = json.loads(result.stdout)
    assert data["triage"]["level"] == "self_care" and data["region"] == "both"
    for cause in data["causes"]:
        assert {"id", "name", "score", "reasons"} <= set(cause) and cause["reasons"]
    for mistake in data["mistakes"]:
        assert {"id", "name", "reasons", "tip"} <= set(mistake)


def test_the_text_result_puts_the_verdict_first() -> None:
    result = runner.invoke(app, ["assess", "-a", str(VIGNETTES / "P08.json")])
    assert result.exit_code == 0
    first_lines = result.stdout.splitlines()[:3]
    assert any("EMERGENCY" in line for line in first_lines)
    assert "Call 999" in result.stdout


def test_the_emergency_number_can_be_set_for_the_country() -> None:
    result = runner.invoke(
        app,
        ["assess", "-a", str(VIGNETTES / "P09.json"), "--json"],
        env={"SPINEWISE_EMERGENCY_NUMBER": "112"},
    )
    assert "Call 112" in json.loads(result.stdout)["triage"]["advice"]


def test_an_invalid_intake_names_each_bad_field_and_exits_2(tmp_path: Path) -> None:
    data: dict[str, Any] = json.loads((VIGNETTES / "P01.json").read_text())
    data["age"] = -3
    data["red_flags"]["fever"] = "maybe"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    result = runner.invoke(app, ["assess", "-a", str(bad)])
    assert result.exit_code == 2
    assert "age" in result.stderr and "red_flags.fever" in result.stderr


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["assess", "-a", str(tmp_path / "nope.json")])
    assert result.exit_code == 2 and "not found" in result.stderr


def _typed_answers(overrides: dict[str, str]) -> str:
    """What a person with no warning signs would type, question by question (a checklist
    is answered by its field: "0" for none of these, or item numbers)."""
    defaults = {
        "number": "3",
        "scale": "4",
        "yes_no": "n",
        "single": "1",
        "multi": "",
        "body_map": "9",  # lower back, middle
        "text": "",
        "checklist": "0",
    }
    lines, answers = [], {"sex": "female"}
    for question in questionnaire().questions:
        if not is_visible(question, answers) or question.field == "check_pregnancy":
            continue
        typed = overrides.get(question.field, defaults[question.type])
        if question.field == "age":
            typed = overrides.get("age", "30")
        if question.field == "pregnant_weeks":
            typed = ""
        if question.field == "pain_qualities":
            typed = "1"
        lines.append(typed)
    return "\n".join(lines) + "\n"


def test_interactive_assessment_re_asks_bad_answers_and_shows_a_verdict() -> None:
    # After the body map: "abc" for the age, then a safety page left empty at first.
    typed = _typed_answers({"age": "abc\n30", "check_nerves": "\n0"})
    result = runner.invoke(app, ["assess"], input=typed)
    assert result.exit_code == 0, result.stdout
    assert "enter a number" in result.stdout
    assert 'or "None of these"' in result.stdout  # the empty checklist is asked again
    assert "Step 11 of 11" in result.stdout
    assert "SAFE TO LOOK AFTER AT HOME" in result.stdout


def test_interactive_safety_answer_yes_gives_an_emergency_at_once() -> None:
    result = runner.invoke(app, ["assess"], input=_typed_answers({"check_nerves": "1"}))
    assert result.exit_code == 0
    assert "EMERGENCY" in result.stdout and "questions stop here" in result.stdout
    # No question after the first safety page was asked.
    assert "heart, breathing" not in result.stdout and "Your day" not in result.stdout


def test_compare_prints_every_row_of_the_seed_table() -> None:
    result = runner.invoke(app, ["compare"])
    assert result.exit_code == 0
    for feature in ("Location", "Common causes", "Pain type", "Common triggers", "Treatment"):
        assert feature in result.stdout


def test_intake_schema_prints_the_contract() -> None:
    result = runner.invoke(app, ["intake-schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "spinewise.intake/2"
    complete, stopped = schema["anyOf"]
    assert "red_flags" in complete["required"] and "red_flags" not in stopped["required"]


def test_every_command_has_help() -> None:
    for command in ("assess", "compare", "intake-schema"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_the_text_result_leads_with_the_three_points_of_the_web_result() -> None:
    result = runner.invoke(
        app, ["assess", "-a", str(VIGNETTES / "P01.json")], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    headings = ["What to do now:", "When to see a GP:", "When to call 999:"]
    found = [next(i for i, line in enumerate(lines) if heading in line) for heading in headings]
    assert found == sorted(found) and found[-1] < 8  # in the verdict box, in this order


def test_a_habit_is_told_once_under_the_cause_it_feeds() -> None:
    result = runner.invoke(
        app, ["assess", "-a", str(VIGNETTES / "P01.json")], env={"COLUMNS": "200"}
    )
    out = result.stdout
    assert out.count("Sitting for too long without a break") == 1
    causes = out.index("Likely causes")
    assert causes < out.index("Habit to change: Sitting for too long without a break")


def test_the_emergency_number_names_the_third_point() -> None:
    result = runner.invoke(
        app,
        ["assess", "-a", str(VIGNETTES / "P01.json")],
        env={"SPINEWISE_EMERGENCY_NUMBER": "112", "COLUMNS": "200"},
    )
    assert "When to call 112:" in result.stdout and "999" not in result.stdout
