"""``spinewise plan`` as a person or a script uses it."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar
from typer.testing import CliRunner

from spinewise.cli.main import app

VIGNETTES = Path(__file__).parents[1] / "vignettes"
runner = CliRunner()


def _plan(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["plan", *args])
    return result.exit_code, result.output


def test_p01_json_has_six_weeks_covering_both_regions_with_breaks_and_reasons() -> None:
    code, output = _plan(
        "--answers", str(VIGNETTES / "P01.json"), "--json", "--start", "2025-03-03"
    )
    assert code == 0, output
    data = json.loads(output)
    assert data["schema"] == "spinewise.programme/1"
    assert data["start"] == "2025-03-03" and data["region"] == "both"
    assert [week["number"] for week in data["weeks"]] == [1, 2, 3, 4, 5, 6]
    for week in data["weeks"]:
        assert len(week["sessions"]) == 5
        for session in week["sessions"]:
            regions = {r for item in session["exercises"] for r in item["regions"]}
            assert {"lower", "upper"} <= regions
            assert all(item["why"] and item["dosage"] for item in session["exercises"])
        assert week["education"]["title"]
    assert data["movement_breaks"]["every_minutes"] == 30
    assert any(habit["id"] == "walking" for habit in data["habits"])


def test_p07_gets_no_programme_and_the_emergency_advice_again() -> None:
    code, output = _plan("--answers", str(VIGNETTES / "P07.json"))
    assert code == 3
    flat = " ".join(output.split())
    assert "EMERGENCY" in flat and "Call 999" in flat
    assert "No exercise programme for now" in flat
    assert "Week 1" not in flat


def test_p07_json_says_no_programme() -> None:
    code, output = _plan(
        "--answers", str(VIGNETTES / "P07.json"), "--json", "--emergency-number", "112"
    )
    assert code == 3
    data = json.loads(output)
    assert data["programme"] is None and data["triage"]["level"] == "emergency"
    assert "112" in data["triage"]["advice"]


def test_text_output_reads_week_by_week() -> None:
    code, output = _plan(
        "--answers", str(VIGNETTES / "P01.json"), "--start", "2025-03-03", "--minutes", "10"
    )
    assert code == 0, output
    flat = " ".join(output.split())
    for number in range(1, 7):
        assert f"Week {number}" in flat
    assert "Calm things down" in flat and "Build" in flat and "Strengthen" in flat
    assert "Chosen for your lower back" in flat and "Chosen for your upper back" in flat
    assert "Get up every 30 minutes" in flat
    assert "This week's read: What back pain is" in flat
    assert "up to 10 minutes each" in flat


def test_soon_prints_the_booking_advice_before_the_plan() -> None:
    code, output = _plan("--answers", str(VIGNETTES / "P20.json"))
    assert code == 0
    flat = " ".join(output.split())
    assert flat.index("Book an appointment") < flat.index("Your six-week plan")


def test_ics_option_writes_a_calendar(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    code, output = _plan(
        "-a", str(VIGNETTES / "P01.json"), "--ics", str(target), "--days", "3",
        "--timezone", "Europe/Berlin", "--start", "2025-03-03",
    )  # fmt: skip
    assert code == 0, output
    calendar = Calendar.from_ical(target.read_bytes())
    sessions = [e for e in calendar.walk("VEVENT") if "Back exercises" in str(e["SUMMARY"])]
    assert len(sessions) == 18
    assert "Calendar saved to" in " ".join(output.split())


def test_invalid_answers_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "spinewise.intake/2", "age": 200}))
    code, output = _plan("--answers", str(bad))
    assert code == 2
    assert "age" in output


def test_invalid_options_exit_2() -> None:
    p01 = str(VIGNETTES / "P01.json")
    assert _plan("-a", p01, "--timezone", "Mars/Olympus")[0] == 2
    assert _plan("-a", p01, "--minutes", "2")[0] == 2
    assert _plan("-a", p01, "--start", "next tuesday")[0] == 2
