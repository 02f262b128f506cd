"""Validation of the triage against clinical vignettes: the release-gating safety figures.

Each case is a person's story with the level a clinician expects (``triage``), every level
that is also safe (``accept``), and the answers that person gives (an intake). Some cases
also list plausible other ways the same person might answer an ambiguous question; the
triage must be robust to them: an emergency stays an emergency, and a self-care case is
never sent to the emergency number.

The figures (clinical reference §4): sensitivity for emergencies and for urgent-or-higher,
under-triage (a level less urgent than every accepted one), over-triage (more urgent than
every accepted one, and self-care cases sent to the emergency number), exact agreement,
and the robustness of the alternatives.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from spinewise.core.assessment import assess
from spinewise.core.intake import IntakeError, parse_intake
from spinewise.core.levels import Level


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Expectation(_Frozen):
    model_config = ConfigDict(frozen=True, extra="allow")

    triage: Level
    accept: list[Level] = Field(min_length=1)
    region: str | None = None

    @model_validator(mode="after")
    def _accepts_its_own_level(self) -> Expectation:
        if self.triage not in self.accept:
            raise ValueError("accept must include triage")
        return self

    @property
    def least_urgent(self) -> Level:
        return min(self.accept, key=lambda level: level.rank)

    @property
    def most_urgent(self) -> Level:
        return max(self.accept, key=lambda level: level.rank)


class Alternative(_Frozen):
    note: str
    changes: dict[str, Any]


class Case(_Frozen):
    """One vignette: the expectation and the answers (intake data as JSON)."""

    id: str
    story: str
    expect: Expectation
    intake: dict[str, Any]
    alternatives: list[Alternative] = []
    source: str = ""  # which set the case comes from


class Outcome(_Frozen):
    id: str
    source: str = ""
    expected: Level
    accept: list[Level]
    got: Level
    reasons: list[str]

    @property
    def accepted(self) -> bool:
        return self.got in self.accept

    @property
    def under_triaged(self) -> bool:
        return self.got.rank < min(level.rank for level in self.accept)

    @property
    def over_triaged(self) -> bool:
        return self.got.rank > max(level.rank for level in self.accept)


class AlternativeOutcome(_Frozen):
    case_id: str
    note: str
    expected: Level
    got: Level

    @property
    def unsafe(self) -> bool:
        """An emergency that is no longer one, or self-care sent to the emergency number."""
        if self.expected is Level.EMERGENCY:
            return self.got is not Level.EMERGENCY
        if self.expected is Level.SELF_CARE:
            return self.got is Level.EMERGENCY
        return False


class Report(_Frozen):
    outcomes: list[Outcome]
    alternatives: list[AlternativeOutcome]

    def _rate(self, hits: int, total: int) -> float | None:
        return hits / total if total else None

    def cases_expecting(self, *levels: Level) -> list[Outcome]:
        return [o for o in self.outcomes if o.expected in levels]

    @property
    def emergency_sensitivity(self) -> float | None:
        cases = self.cases_expecting(Level.EMERGENCY)
        return self._rate(sum(o.got is Level.EMERGENCY for o in cases), len(cases))

    @property
    def urgent_or_higher_sensitivity(self) -> float | None:
        cases = self.cases_expecting(Level.EMERGENCY, Level.URGENT)
        hits = sum(o.got.rank >= Level.URGENT.rank for o in cases)
        return self._rate(hits, len(cases))

    @property
    def under_triaged(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.under_triaged]

    @property
    def over_triaged(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.over_triaged]

    @property
    def self_care_to_emergency(self) -> float | None:
        cases = self.cases_expecting(Level.SELF_CARE)
        return self._rate(sum(o.got is Level.EMERGENCY for o in cases), len(cases))

    @property
    def over_triage_rate(self) -> float | None:
        return self._rate(len(self.over_triaged), len(self.outcomes))

    @property
    def exact_agreement(self) -> float | None:
        return self._rate(sum(o.got is o.expected for o in self.outcomes), len(self.outcomes))

    @property
    def accepted_rate(self) -> float | None:
        return self._rate(sum(o.accepted for o in self.outcomes), len(self.outcomes))

    @property
    def unsafe_alternatives(self) -> list[AlternativeOutcome]:
        return [a for a in self.alternatives if a.unsafe]

    def confusion(self) -> dict[Level, dict[Level, int]]:
        """Counts by expected level (rows) and the level given (columns)."""
        table = {row: dict.fromkeys(Level, 0) for row in Level}
        for outcome in self.outcomes:
            table[outcome.expected][outcome.got] += 1
        return table


def apply_changes(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Intake data with dotted-path answers replaced (``"red_flags.fever": true``)."""
    out = copy.deepcopy(data)
    for path, value in changes.items():
        head, _, tail = path.partition(".")
        if tail:
            section = out.get(head)
            if not isinstance(section, dict) or tail not in section:
                raise KeyError(f"no answer {path!r} in the intake")
            section[tail] = value
        else:
            if head not in out:
                raise KeyError(f"no answer {path!r} in the intake")
            out[head] = value
    return out


def _level_of(data: dict[str, Any], emergency_number: str) -> tuple[Level, list[str]]:
    triage = assess(parse_intake(data), emergency_number=emergency_number).triage
    return triage.level, triage.reasons


def validate_cases(cases: Iterable[Case], emergency_number: str = "999") -> Report:
    """Runs every case and every alternative through the engine. An intake that does not
    parse raises IntakeError naming the case."""
    outcomes, alternatives = [], []
    for case in cases:
        try:
            got, reasons = _level_of(case.intake, emergency_number)
        except IntakeError as error:
            raise IntakeError([(f"{case.id}.{f}", r) for f, r in error.problems]) from error
        outcomes.append(
            Outcome(
                id=case.id,
                source=case.source,
                expected=case.expect.triage,
                accept=case.expect.accept,
                got=got,
                reasons=reasons,
            )
        )
        for alternative in case.alternatives:
            data = apply_changes(case.intake, alternative.changes)
            alt_level, _ = _level_of(data, emergency_number)
            alternatives.append(
                AlternativeOutcome(
                    case_id=case.id,
                    note=alternative.note,
                    expected=case.expect.triage,
                    got=alt_level,
                )
            )
    return Report(outcomes=outcomes, alternatives=alternatives)


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def summary_lines(report: Report) -> list[tuple[str, str, str]]:
    """(measure, value, target) rows, the figures a safety case report quotes."""
    self_care = len(report.cases_expecting(Level.SELF_CARE))
    return [
        ("Cases", str(len(report.outcomes)), "at least 120"),
        ("Sensitivity for emergencies", _percent(report.emergency_sensitivity), "100%"),
        (
            "Sensitivity for urgent or emergency",
            _percent(report.urgent_or_higher_sensitivity),
            "100%",
        ),
        ("Under-triaged cases", str(len(report.under_triaged)), "0"),
        (
            f"Self-care cases sent to the emergency number (of {self_care})",
            _percent(report.self_care_to_emergency),
            "at most 2%",
        ),
        (
            "Over-triage (more urgent than every accepted level)",
            _percent(report.over_triage_rate),
            "as low as safety allows",
        ),
        ("Exact agreement with the clinician's level", _percent(report.exact_agreement), "-"),
        ("Within the accepted levels", _percent(report.accepted_rate), "-"),
        (
            f"Alternative answers tested (unsafe of {len(report.alternatives)})",
            str(len(report.unsafe_alternatives)),
            "0",
        ),
    ]


def passes(report: Report) -> bool:
    """The release gate: every emergency caught, no under-triage, no unsafe alternative,
    and at most 2% of self-care cases sent to the emergency number."""
    return (
        report.emergency_sensitivity in (None, 1.0)
        and not report.under_triaged
        and not report.unsafe_alternatives
        and (report.self_care_to_emergency or 0.0) <= 0.02
    )


def _by_set(report: Report) -> list[str]:
    rows = []
    for source in dict.fromkeys(o.source for o in report.outcomes):
        part = Report(outcomes=[o for o in report.outcomes if o.source == source], alternatives=[])
        emergencies = part.cases_expecting(Level.EMERGENCY)
        caught = sum(o.got is Level.EMERGENCY for o in emergencies)
        rows.append(
            f"| {source or '-'} | {len(part.outcomes)} | {caught} of {len(emergencies)} | "
            f"{len(part.under_triaged)} | {_percent(part.exact_agreement)} |"
        )
    return rows


def markdown(report: Report, sources: Sequence[str]) -> str:
    """The validation report as Markdown (docs/clinical-safety/validation.md)."""
    lines = [
        "# Triage validation on the public vignettes",
        "",
        "Written by `spinewise validate` (`make validate`); do not edit by hand. Each case is a",
        "person's story with the level a clinician expects and every level that is also safe;",
        "the answers are the ones that person gives to the questionnaire. Sources: "
        + ", ".join(f"`{s}`" for s in sources)
        + ".",
        "",
        f"**Release gate: {'PASS' if passes(report) else 'FAIL'}** (every emergency caught, no "
        "under-triage, no unsafe alternative answer, at most 2% of self-care cases sent to the "
        "emergency number).",
        "",
        "| Measure | Value | Target |",
        "|---|---|---|",
        *(f"| {name} | {value} | {target} |" for name, value, target in summary_lines(report)),
        "",
        "## By set",
        "",
        "| Set | Cases | Emergencies caught | Under-triaged | Exact agreement |",
        "|---|---|---|---|---|",
        *_by_set(report),
        "",
        "## Levels given, by the level a clinician expects",
        "",
        "| Expected \\ given | " + " | ".join(level.value for level in Level) + " |",
        "|---|" + "---|" * len(Level),
    ]
    for expected, row in report.confusion().items():
        lines.append(f"| {expected.value} | " + " | ".join(str(row[g]) for g in Level) + " |")
    lines += ["", "## Cases outside the accepted levels", ""]
    outside = [o for o in report.outcomes if not o.accepted]
    if not outside:
        lines.append("None: every case got a level a clinician accepts.")
    for outcome in outside:
        kind = "UNDER-TRIAGE" if outcome.under_triaged else "over-triage"
        lines.append(
            f"- {outcome.id} ({kind}): expected {outcome.expected.value} "
            f"(accepts {', '.join(a.value for a in outcome.accept)}), "
            f"got {outcome.got.value}."
        )
    lines += ["", "## Alternative answers that change the safety outcome", ""]
    if not report.unsafe_alternatives:
        lines.append(
            f"None of the {len(report.alternatives)} alternative answers sends an emergency "
            "below emergency or a self-care case to the emergency number."
        )
    for alt in report.unsafe_alternatives:
        lines.append(f"- {alt.case_id}: {alt.note} -> {alt.got.value}")
    return "\n".join(lines) + "\n"
