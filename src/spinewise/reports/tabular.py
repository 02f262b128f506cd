"""Check-ins as CSV (for spreadsheets) and JSON (``spinewise.checkins/1``, to keep or move).

CSV cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) get a leading single quote: notes are user input, and a shared export
must not execute anything when opened.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from pydantic import TypeAdapter

from spinewise.core.journal import DailyEntry
from spinewise.core.progress import normalise

CHECKINS_SCHEMA = "spinewise.checkins/1"
CSV_COLUMNS = (
    "day",
    "pain",
    "worst",
    "sessions_done",
    "sitting_hours",
    "flare_up",
    "new_red_flags",
    "note",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell text, with a leading ' when a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def checkins_csv(entries: Iterable[DailyEntry]) -> str:
    """A header row, then one row per day, oldest first; ISO dates; red flags joined by ;."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in normalise(entries):
        writer.writerow(
            [
                safe_cell(entry.day.isoformat()),
                safe_cell(entry.pain),
                safe_cell(entry.worst),
                safe_cell(entry.sessions_done),
                safe_cell(entry.sitting_hours),
                safe_cell(entry.flare_up),
                safe_cell(";".join(entry.new_red_flags)),
                safe_cell(entry.note),
            ]
        )
    return out.getvalue()


def checkins_json(entries: Iterable[DailyEntry]) -> str:
    """``{"schema": "spinewise.checkins/1", "count": n, "entries": [...]}``, oldest first."""
    days = normalise(entries)
    document: dict[str, Any] = {
        "schema": CHECKINS_SCHEMA,
        "count": len(days),
        "entries": [entry.model_dump(mode="json") for entry in days],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


_ENTRIES = TypeAdapter(list[DailyEntry])


def parse_checkins_json(text: str) -> list[DailyEntry]:
    """Reads ``checkins_json`` output back; raises ValueError for another schema or bad data."""
    document = json.loads(text)
    if not isinstance(document, dict) or document.get("schema") != CHECKINS_SCHEMA:
        raise ValueError(f"not a {CHECKINS_SCHEMA} document")
    return _ENTRIES.validate_python(document.get("entries", []))
