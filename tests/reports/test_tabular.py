"""CSV and JSON exports of the check-ins: readable, round-trippable, formula-safe."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from spinewise.core.journal import DailyEntry
from spinewise.reports.tabular import (
    CHECKINS_SCHEMA,
    CSV_COLUMNS,
    checkins_csv,
    checkins_json,
    parse_checkins_json,
)

ENTRIES = [
    DailyEntry(day=date(2025, 3, 4), pain=4, note='Said "ouch", then, walked\non', worst=6),
    DailyEntry(day=date(2025, 3, 3), pain=5, sessions_done=1, sitting_hours=7.5),
    DailyEntry(day=date(2025, 3, 5), pain=3, note='=HYPERLINK("http://evil","x")'),
    DailyEntry(day=date(2025, 3, 6), pain=3, note="+1 -2 @home", new_red_flags=["fever"]),
    DailyEntry(day=date(2025, 3, 7), pain=2, note="-ve day", flare_up=True),
]


def rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(checkins_csv(ENTRIES), newline="")))


def test_csv_has_a_header_and_one_row_per_day_oldest_first() -> None:
    text = checkins_csv(ENTRIES)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    table = rows()
    assert [r["day"] for r in table] == [f"2025-03-0{d}" for d in range(3, 8)]
    assert table[0]["sitting_hours"] == "7.5" and table[0]["worst"] == ""
    assert table[1]["worst"] == "6"
    assert table[3]["new_red_flags"] == "fever"
    assert table[4]["flare_up"] == "yes"


def test_notes_with_quotes_commas_and_newlines_survive() -> None:
    assert rows()[1]["note"] == 'Said "ouch", then, walked\non'


@pytest.mark.parametrize(
    ("index", "expected"),
    [(2, '\'=HYPERLINK("http://evil","x")'), (3, "'+1 -2 @home"), (4, "'-ve day")],
)
def test_formula_cells_are_defused(index: int, expected: str) -> None:
    assert rows()[index]["note"] == expected


def test_no_cell_starts_like_a_formula() -> None:
    for row in rows():
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@"))


def test_json_export_is_versioned_and_round_trips() -> None:
    text = checkins_json(ENTRIES)
    document = json.loads(text)
    assert document["schema"] == CHECKINS_SCHEMA == "spinewise.checkins/1"
    assert document["count"] == 5
    assert document["entries"][0]["day"] == "2025-03-03"
    assert document["entries"][2]["note"] == '=HYPERLINK("http://evil","x")'  # JSON is exact
    assert parse_checkins_json(text) == sorted(ENTRIES, key=lambda e: e.day)


def test_json_of_another_schema_is_refused() -> None:
    with pytest.raises(ValueError, match=r"spinewise\.checkins/1"):
        parse_checkins_json('{"schema": "other/1", "entries": []}')
