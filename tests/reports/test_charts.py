"""SVG charts: valid, accessible, safe to inline under a strict CSP, and bounded in size."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from spinewise.core.journal import DailyEntry
from spinewise.core.progress import PainPoint, PsfsPoint, WeekAdherence, pain_series
from spinewise.reports.charts import adherence_chart, pain_chart, psfs_chart, terminal_chart

SVG = "{http://www.w3.org/2000/svg}"
START = date(2025, 3, 3)


def series(pains: list[int], start: date = START) -> list[PainPoint]:
    return pain_series(
        DailyEntry(day=start + timedelta(days=i), pain=p) for i, p in enumerate(pains)
    )


IMPROVING = series([6, 6, 7, 6, 5, 6, 5] + [5, 4, 4, 5, 4, 4, 3] * 5)
WEEKS = [
    WeekAdherence(
        number=n, start=START, end=START + timedelta(6), planned=5, done=d, ratio=d / 5, checkins=7
    )
    for n, d in zip(range(1, 7), [3, 5, 4, 6, 2, 5], strict=True)
]
PSFS = [PsfsPoint(1, 3.3), PsfsPoint(3, 4.5), PsfsPoint(6, 6.7)]


def check_svg(svg: str) -> ET.Element:
    """Parses the SVG and checks what every chart promises; returns the root."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox")
    children = list(root)
    assert children[0].tag == f"{SVG}title" and (children[0].text or "").strip()
    assert children[1].tag == f"{SVG}desc" and (children[1].text or "").strip()
    ids = root.get("aria-labelledby", "").split()
    assert ids == [children[0].get("id"), children[1].get("id")]
    for element in root.iter():
        assert element.tag not in (f"{SVG}script", f"{SVG}style", f"{SVG}foreignObject")
        assert element.tag not in (f"{SVG}image", f"{SVG}use", f"{SVG}a")  # no external refs
        for name, value in element.attrib.items():
            assert name != "style"
            assert not name.lower().startswith("on"), name
            assert "href" not in name
            assert "url(" not in value and "javascript:" not in value.lower()
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    return root


def desc(root: ET.Element) -> str:
    return root.find(f"{SVG}desc").text or ""  # type: ignore[union-attr]


def test_pain_chart_draws_dots_mean_line_axes_and_target() -> None:
    root = check_svg(pain_chart(IMPROVING, 6))
    assert len(root.findall(f".//{SVG}circle")) == len(IMPROVING) + 1  # + the legend dot
    assert root.find(f".//{SVG}polyline[@class='sw-mean']") is not None
    target = root.find(f".//{SVG}line[@class='sw-target']")
    assert target is not None and target.get("stroke-dasharray")
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert {"0", "2", "4", "6", "8", "10"} <= set(labels)
    assert "3 Mar" in labels and "Meaningful: 4 or below" in labels
    text = desc(root)
    assert "Pain fell from 6 to 4.1 over 42 days" in text
    assert "4 or below" in text


def test_pain_chart_says_when_pain_rose() -> None:
    root = check_svg(pain_chart(series([3, 3, 4, 5, 6, 6, 7, 7]), 3))
    assert "Pain rose from 3 to" in desc(root)


def test_no_target_line_when_the_baseline_is_too_low_to_improve_by_two() -> None:
    root = check_svg(pain_chart(series([1, 1, 0]), 1.5))
    assert root.find(f".//{SVG}line[@class='sw-target']") is None


@pytest.mark.parametrize("data", [[], [5]])
def test_empty_and_single_point_charts_are_valid(data: list[int]) -> None:
    check_svg(pain_chart(series(data), None))


def test_ten_years_draw_at_most_120_points() -> None:
    long = series([(i // 365) % 11 for i in range(3650)])
    root = check_svg(pain_chart(long, 8))
    dots = root.find(f".//{SVG}g[@class='sw-daily']")
    assert dots is not None and len(dots) <= 120
    assert "monthly averages" in desc(root)


def test_text_is_escaped() -> None:
    svg = pain_chart(IMPROVING, 6, title='<script>alert("x")</script> & co', id_prefix="a&b")
    root = check_svg(svg)
    assert root.find(f"{SVG}title").text == '<script>alert("x")</script> & co'  # type: ignore[union-attr]


def test_adherence_chart_has_a_bar_pair_per_week() -> None:
    root = check_svg(adherence_chart(WEEKS))
    assert len(root.findall(f".//{SVG}rect[@class='sw-done']")) == 6
    assert len(root.findall(f".//{SVG}rect[@class='sw-planned']")) == 6
    text = desc(root)
    assert "week 1, 3 of 5" in text and "In total 25 of 30 (83%)" in text
    check_svg(adherence_chart([]))


def test_psfs_chart_states_the_change() -> None:
    root = check_svg(psfs_chart(PSFS))
    assert len(root.findall(f".//{SVG}circle[@class='sw-psfs']")) == 3
    assert "Function rose from 3.3 in week 1 to 6.7 in week 6: 3.4 points, a real change" in desc(
        root
    )
    assert "less than the 2 points" in desc(
        check_svg(psfs_chart([PsfsPoint(1, 4), PsfsPoint(2, 5)]))
    )
    check_svg(psfs_chart([]))


def test_terminal_chart_is_plain_text_with_axes() -> None:
    text = terminal_chart(IMPROVING, width=30, height=8)
    lines = text.splitlines()
    assert len(lines) == 8 + 2
    assert lines[0].startswith("10 ┤") and lines[7].startswith(" 0 ┤")
    assert "2025-03-03" in lines[-1] and "2025-04-13" in lines[-1]
    assert all(len(line) <= 4 + 30 for line in lines)
    assert "█" in text
    # Early (higher) columns are taller than late ones.
    heights = [
        sum(line[4 + col] != " " for line in lines[:8] if len(line) > 4 + col) for col in (0, 29)
    ]
    assert heights[0] > heights[1]
    assert terminal_chart([]) == "No check-ins yet."
