"""The clinician PDF: a real PDF, the same numbers as the summary, every screening answer."""

from __future__ import annotations

import contextlib
import copy
import json
import re
import zlib
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from spinewise.core.assessment import assess
from spinewise.core.intake import RedFlags, parse_intake
from spinewise.core.journal import DailyEntry, PsfsRating
from spinewise.core.plan import Preferences, build_programme
from spinewise.core.progress import fmt, summary
from spinewise.core.review import WeeklyReview, review_week
from spinewise.reports.pdf import clinician_report, pdf_text

VIGNETTES = Path(__file__).parents[1] / "vignettes"
START = date(2025, 3, 3)
GENERATED = datetime(2025, 4, 10, 9, 30)
WOBBLE = [0, 1, -1, 0, 1, 0, -1]


def journal() -> list[DailyEntry]:
    entries = []
    for i in range(40):
        pain = round(6 - 3 * i / 39 + WOBBLE[i % 7])
        note = "Felt “better” — walked 2 km × 2 😀 café 日本" if i == 38 else ""
        entries.append(
            DailyEntry(
                day=START + timedelta(days=i), pain=pain, sessions_done=int(i % 7 < 4), note=note
            )
        )
    return entries


def build(intake_data: dict[str, Any], **options: Any) -> tuple[bytes, Any]:
    intake = parse_intake(intake_data)
    assessment = assess(intake)
    programme = (
        build_programme(assessment, intake, Preferences(), START)
        if assessment.allows_exercise
        else None
    )
    entries = journal()
    ratings = [
        PsfsRating(week=1, activities=[{"name": "Sitting through a meeting", "score": 3}]),
        PsfsRating(week=5, activities=[{"name": "Sitting through a meeting", "score": 7}]),
    ]
    result = summary(entries, programme, ratings, intake.intensity)
    reviews: list[WeeklyReview] = []
    if programme is not None:
        for week in range(1, 6):
            checkins = list(entries)
            reviews.append(review_week(programme, week, checkins, intake.intensity, reviews))
    pdf = clinician_report(
        person_label=options.pop("person_label", "Person 42 — “A”"),
        assessment=assessment.to_json_dict(),
        intake=intake_data,
        programme=programme,
        summary=result,
        reviews=reviews,
        generated=GENERATED,
        **options,
    )
    return pdf, result


def page_text(pdf: bytes) -> str:
    """The text shown by the page streams: every (string) operand, joined."""
    raw = pdf.decode("latin-1")
    streams = re.findall(r"stream\r?\n(.*?)\r?\nendstream", raw, flags=re.DOTALL)
    chunks = []
    for stream in streams:
        data = stream.encode("latin-1")
        with contextlib.suppress(zlib.error):  # compress=False leaves streams plain
            data = zlib.decompress(data)
        text = data.decode("latin-1")
        for literal in re.findall(r"\(((?:\\.|[^\\)])*)\)\s*Tj", text):
            chunks.append(re.sub(r"\\(.)", r"\1", literal))
    return " ".join(chunks)


@pytest.fixture(scope="module")
def p01() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VIGNETTES / "P01.json").read_text())
    return data


@pytest.fixture(scope="module")
def report(p01: dict[str, Any]) -> tuple[bytes, Any]:
    return build(p01, compress=False)


def test_it_is_a_pdf_and_deterministic(p01: dict[str, Any]) -> None:
    first, _ = build(p01)
    again, _ = build(p01)
    assert first.startswith(b"%PDF-") and first.rstrip().endswith(b"%%EOF")
    assert first == again
    assert b"D:20250410093000" in build(p01, compress=False)[0]  # creation date = generated


def test_first_page_has_the_header_disclaimer_and_triage(report: tuple[bytes, Any]) -> None:
    text = page_text(report[0])
    assert "Spinewise clinician summary" in text
    assert "not a diagnosis" in text
    assert "Safe to look after at home" in text
    assert f"Warning signs: all {len(RedFlags.model_fields)} questions answered no." in text
    assert "Cancer at some time" in text  # history answers are listed
    assert "Region: Both lower (lumbar) and upper (thoracic) back" in text
    assert "Likely causes" in text


def test_it_carries_the_summary_numbers(report: tuple[bytes, Any]) -> None:
    text = page_text(report[0])
    result = report[1]
    pain = result.pain
    assert f"{fmt(pain.now)}/10 ({pain.now_entries} check-ins)" in text
    assert f"{fmt(pain.baseline)}/10 (intake)" in text
    assert pain.threshold in text
    for week in result.adherence:
        assert f"{week.start.day} {week.start:%b} - {week.end.day} {week.end:%b}" in text
    assert f"{result.sessions_done}" in text and f"{result.sessions_planned}" in text
    assert result.psfs_change.verdict in text
    assert "Week 6" in text or "Week 5" in text  # the current programme week's exercises
    assert "Weekly reviews" in text


def test_user_text_outside_latin1_does_not_crash(report: tuple[bytes, Any]) -> None:
    text = page_text(report[0])
    assert "Person 42" in text
    assert "walked 2 km" in text and "caf" in text


def test_yes_answers_are_listed_one_by_one(p01: dict[str, Any]) -> None:
    data = copy.deepcopy(p01)
    data["red_flags"]["fever"] = True
    data["red_flags"]["weight_loss"] = True
    text = page_text(build(data, compress=False)[0])
    total = len(RedFlags.model_fields)
    assert f"Answered yes to 2 of {total} warning-sign questions:" in text
    assert "A high temperature, or feeling hot and shivery" in text
    assert "Losing weight without trying" in text
    assert f"The other {total - 2} were answered no." in text


def test_questions_never_asked_are_not_reported_as_no(p01: dict[str, Any]) -> None:
    data = copy.deepcopy(p01)
    data["red_flags"] = {"saddle_numbness": True}  # the questionnaire stopped here
    for detail in ("pain_qualities", "episodes", "painkiller_effect", "habits", "history"):
        data.pop(detail, None)
    text = page_text(build(data, compress=False)[0])
    assert "Answered yes to 1 of 1 warning-sign questions:" in text
    assert f"{len(RedFlags.model_fields) - 1} more were not asked" in text


def test_urgent_triage_has_no_programme(p01: dict[str, Any]) -> None:
    data = copy.deepcopy(p01)
    data["red_flags"]["saddle_numbness"] = True
    text = page_text(build(data, compress=False)[0])
    assert "Emergency" in text
    assert "No exercise programme" in text


def test_pdf_text_keeps_cp1252_and_replaces_the_rest() -> None:
    assert pdf_text("“quoted” — 5 × 2 ≤ 3 → café") == "“quoted” — 5 × 2 <= 3 -> café"
    assert pdf_text("ok 😀👍🏽 Łódź 日本") == "ok  Lódz ??"
    pdf_text("".join(chr(c) for c in range(0, 0x3000, 7))).encode("cp1252")


def test_the_pathway_and_the_screen_behind_it_are_in_the_report() -> None:
    s03: dict[str, Any] = json.loads((VIGNETTES / "S03.json").read_text())
    text = page_text(build(s03, compress=False)[0])
    assert "Pathway: Exercise programme with extra support" in text
    assert "not the STarT Back Tool" in text
    assert "You think moving more could damage your back." in text


def test_an_unscreened_person_is_reported_as_such(report: tuple[bytes, Any]) -> None:
    text = page_text(report[0])
    assert "Pathway: Graded exercise programme" in text
    assert "Recovery screen not answered" in text


def test_the_outcomes_section_shows_each_measure_with_its_mark_and_the_borrowed_rule(
    p01: dict[str, Any],
) -> None:
    from spinewise.core.journal import InterferenceRating
    from spinewise.core.personal_outcomes import personal_outcomes

    intake = parse_intake(p01)
    programme = build_programme(assess(intake), intake, Preferences(), START)
    outcomes = personal_outcomes(
        programme=programme,
        interference=[
            InterferenceRating(week_start=START, pain=8, enjoyment=7, activity=8),
            InterferenceRating(
                week_start=START + timedelta(weeks=4), pain=3, enjoyment=3, activity=4
            ),
        ],
        psfs=[],
        entries=journal(),
        until=GENERATED.date(),
    )
    pdf, _ = build(p01, compress=False, outcomes=outcomes)
    text = " ".join(page_text(pdf).split())
    assert "9. Outcomes the person sees" in text
    assert "Pain interference" in text and "yes, better" in text
    assert "Borrowed from the 0-10 pain scale" in text
    assert "Sessions done" in text


def test_without_outcomes_there_is_no_outcomes_section(report: tuple[bytes, Any]) -> None:
    assert "Outcomes the person sees" not in page_text(report[0])
