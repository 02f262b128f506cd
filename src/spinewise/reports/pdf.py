"""The clinician summary: one PDF a person can hand to their GP or physiotherapist.

Order follows what a clinician asks first: the triage verdict and every screening answer,
then the presentation, likely causes, the programme, and the trends (pain against the
2-points-and-30% rule, adherence, PSFS) with the weekly verdicts.

fpdf2's core font (Helvetica) covers Windows-1252 only and the package ships no Unicode
font, so all text goes through :func:`pdf_text`: typographic characters are kept where
cp1252 has them, common symbols are spelled out, accents are dropped where needed, and
anything else (emoji, other scripts) becomes "?" rather than crashing the export.
The charts are the same SVGs as on the web, drawn by fpdf2's SVG renderer.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from pydantic import BaseModel

from spinewise.core.intake import History, PregnancySigns, RedFlags
from spinewise.core.knowledge import knowledge
from spinewise.core.legacy import LEGACY_SCHEMA
from spinewise.core.personal_outcomes import Measure, PersonalOutcomes
from spinewise.core.plan import Programme, Week
from spinewise.core.progress import ProgressSummary, fmt
from spinewise.core.review import WeeklyReview
from spinewise.core.wording import counted
from spinewise.reports.charts import outcomes_chart, pain_chart, psfs_chart

ENCODING = "cp1252"
DISCLAIMER = (
    "Self-reported by the person using the Spinewise self-care app: answers to a "
    "questionnaire and daily check-ins, screened by fixed rules. It is not a diagnosis or a "
    "clinical record; please read it alongside your own assessment."
)
_REPLACEMENTS = {
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2192": "->",
    "\u2190": "<-",
    "\u2212": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2713": "yes",
    "\u2714": "yes",
    "\u2717": "no",
    "\u0141": "L",
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0131": "i",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
}
_LEVEL_COLOURS = {
    "emergency": (185, 28, 28),
    "urgent": (194, 65, 12),
    "soon": (161, 98, 7),
    "self_care": (4, 120, 87),
}
INK = (31, 41, 55)
MUTED = (75, 85, 99)
RULE = (209, 213, 219)
SHADE = (243, 244, 246)


def pdf_text(text: object) -> str:
    """Text the core font can show: cp1252 kept, the rest spelled out or replaced."""
    out = []
    for char in unicodedata.normalize("NFC", str(text)):
        if char in _REPLACEMENTS:
            out.append(_REPLACEMENTS[char])
            continue
        try:
            char.encode(ENCODING)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            if base:
                out.append(base)
            elif (
                unicodedata.category(char) in ("Mn", "Cf", "Sk", "So")
                or 0xFE00 <= ord(char) <= 0xFE0F
            ):
                continue  # emoji and other symbols, combining marks, joiners, selectors
            else:
                out.append("?")
        else:
            if char == "\t":
                out.append(" ")
            elif unicodedata.category(char) != "Cc" or char == "\n":
                out.append(char)
    return "".join(out)


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _short_date(day: date) -> str:
    return f"{day.day} {day:%b}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]


class _Report(FPDF):
    def __init__(self, person: str, generated: datetime) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.core_fonts_encoding = ENCODING
        self.person = person
        self.generated = generated
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_title("Spinewise clinician summary")
        self.set_author("Spinewise")
        self.set_creator("Spinewise")
        self.set_creation_date(generated)
        self.alias_nb_pages()

    def normalize_text(self, text: str) -> str:
        return super().normalize_text(pdf_text(text))

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 7.5)
        self.set_text_color(*MUTED)
        left = f"Spinewise clinician summary - {self.person} - {self.generated:%d %b %Y}"
        self.cell(120, 5, left)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")

    # --- building blocks ---

    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(3)
        self.set_font("Helvetica", "B", 12)
        self.set_text_color(*INK)
        self.cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)

    def subheading(self, text: str) -> None:
        self.set_font("Helvetica", "B", 10)
        self.set_text_color(*INK)
        self.cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def para(
        self, text: str, size: float = 9.5, style: str = "", colour: tuple[int, ...] = INK
    ) -> None:
        self.set_font("Helvetica", style, size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def bullets(self, items: Sequence[str], size: float = 9.5) -> None:
        self.set_font("Helvetica", "", size)
        self.set_text_color(*INK)
        for item in items:
            self.set_x(self.l_margin + 2)
            self.cell(4, size * 0.5, "\u2022")
            self.multi_cell(0, size * 0.5, item, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def grid(
        self, rows: Sequence[Sequence[str]], widths: Sequence[float], size: float = 8.5
    ) -> None:
        """A table with a shaded header row (the first row); it breaks across pages."""
        self.set_font("Helvetica", "", size)
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)
        with super().table(
            width=sum(widths),
            col_widths=tuple(widths),
            align="LEFT",
            text_align="LEFT",
            line_height=size * 0.5,
            padding=1.2,
            headings_style=_heading_style(),
            borders_layout="HORIZONTAL_LINES",
            first_row_as_headings=True,
        ) as table:
            for row in rows:
                table.row([str(cell) for cell in row])
        self.ln(2)

    def chart(self, svg: str, width: float = 120) -> None:
        height = width * 240 / 400
        if self.get_y() + height > self.h - 20:
            self.add_page()
        # fpdf2 does not read <title>/<desc> (it logs a warning for each): drop them here.
        svg = re.sub(r"<(title|desc)\b[^>]*>.*?</\1>", "", svg, flags=re.DOTALL)
        self.image(io.BytesIO(svg.encode("utf-8")), x=self.l_margin, w=width, h=height)
        self.ln(2)


def _heading_style() -> FontFace:
    return FontFace(emphasis="BOLD", color=INK, fill_color=SHADE)


# --- Sections -------------------------------------------------------------------------------


def _title(pdf: _Report, person: str, generated: datetime) -> None:
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_text_color(*INK)
    pdf.cell(0, 9, "Spinewise clinician summary", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 9.5)
    pdf.set_text_color(*MUTED)
    stamp = generated if generated.tzinfo else generated.replace(tzinfo=UTC)
    pdf.cell(
        0,
        5,
        f"Person: {person}     Generated: {_long_date(stamp.date())} {stamp:%H:%M %Z}".rstrip(),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(2)
    pdf.set_fill_color(*SHADE)
    pdf.set_font("Helvetica", "I", 8.5)
    pdf.set_text_color(*INK)
    pdf.multi_cell(0, 4.2, DISCLAIMER, fill=True, padding=2, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _triage(pdf: _Report, assessment: dict[str, Any]) -> None:
    triage = assessment.get("triage") or {}
    pdf.heading("1. Triage")
    level = str(triage.get("level", ""))
    pdf.set_font("Helvetica", "B", 11)
    pdf.set_text_color(*_LEVEL_COLOURS.get(level, INK))
    pdf.cell(0, 6, str(triage.get("label") or level), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)
    reasons = [str(r) for r in triage.get("reasons") or []]
    if reasons:
        pdf.bullets(reasons)
    if assessment.get("next_step"):
        pdf.para(f"Next step given to the person: {assessment['next_step']}")


def _screening(pdf: _Report, intake: dict[str, Any]) -> None:
    pdf.heading("2. Screening answers")
    if intake.get("schema") == LEGACY_SCHEMA:
        pdf.para(
            "Answered under an earlier questionnaire (intake/1), which asked fewer safety "
            "questions; the questions it did not ask are shown as not asked."
        )
    sections: list[tuple[str, type[BaseModel]]] = [("red_flags", RedFlags)]
    if intake.get("pregnancy") is not None:
        sections.append(("pregnancy", PregnancySigns))
    asked: list[tuple[str, bool]] = []
    not_asked = 0
    for section, model in sections:
        answers = intake.get(section) or {}
        for name, field in model.model_fields.items():
            if name in answers:
                asked.append((field.description or name, answers[name] is True))
            else:
                not_asked += 1
    yes = [text[:1].upper() + text[1:] for text, answer in asked if answer]
    if yes:
        pdf.para(f"Answered yes to {len(yes)} of {len(asked)} warning-sign questions:", style="B")
        pdf.bullets(yes)
        pdf.para(f"The other {len(asked) - len(yes)} were answered no.")
    else:
        pdf.para(f"Warning signs: all {len(asked)} questions answered no.", style="B")
    if not_asked:
        pdf.para(
            f"{not_asked} more were not asked: the questionnaire stops at the first answer "
            "that needs emergency care, or asks them only of some people."
        )
    history = intake.get("history") or {}
    rows = [["Health background", "Answer"]]
    for name, field in History.model_fields.items():
        answer = history.get(name)
        text = field.description or name
        rows.append(
            [text[:1].upper() + text[1:], "-" if answer is None else "Yes" if answer else "No"]
        )
    pdf.subheading("Health background")
    pdf.grid(rows, (150, 28))


def _words(values: Any) -> str:
    if not values:
        return "none"
    if isinstance(values, list):
        return ", ".join(str(v).replace("_", " ") for v in values)
    return str(values).replace("_", " ")


def _presentation(pdf: _Report, intake: dict[str, Any], assessment: dict[str, Any]) -> None:
    pdf.heading("3. Presentation, region and likely causes")
    habits = intake.get("habits") or {}
    pregnant = intake.get("pregnant_weeks")
    rows = [
        ["Question", "Answer"],
        [
            "Age, sex",
            f"{intake.get('age', '-')}, {intake.get('sex', '-')}"
            + (f", {pregnant} weeks pregnant" if pregnant is not None else ""),
        ],
        ["Where it hurts", _words(intake.get("areas"))],
        ["Pain at intake", f"{intake.get('intensity', '-')}/10"],
        [
            "How it started",
            f"{_words(intake.get('onset'))}; injury: {_words(intake.get('injury'))}; "
            f"{intake.get('duration_days', '-')} days ago; trend: {_words(intake.get('trend'))}",
        ],
        ["Feels like", _words(intake.get("pain_qualities"))],
        ["Worse with", _words(intake.get("worse_with"))],
        ["Better with", _words(intake.get("better_with"))],
        ["Time pattern", _words(intake.get("time_pattern"))],
        ["Earlier episodes", _words(intake.get("episodes"))],
        ["Painkillers", _words(intake.get("painkiller_effect"))],
        [
            "Habits",
            f"sits {habits.get('sitting_hours', '-')} h/day; "
            f"exercise {habits.get('exercise_days', '-')} days/week; "
            f"painkillers {habits.get('painkiller_days', '-')} days/week; "
            f"stress {habits.get('stress', '-')}/10",
        ],
    ]
    pdf.grid(rows, (40, 138))
    region = assessment.get("region")
    pdf.para(f"Region: {knowledge().region_name(str(region) if region else None)}", style="B")
    causes = assessment.get("causes") or []
    if causes:
        pdf.subheading("Likely causes, most likely first (rule-based, not a diagnosis)")
        for cause in causes:
            reasons = "; ".join(str(r) for r in cause.get("reasons") or [])
            pdf.bullets([f"{cause.get('name')} (score {cause.get('score')}): {reasons}"])
    elif assessment.get("withheld"):
        pdf.para(str(assessment["withheld"]))
    else:
        pdf.para("No likely cause stood out from the answers.")


def _current_week(programme: Programme, today: date) -> Week:
    for week in programme.weeks:
        if week.start <= today <= week.end:
            return week
    return programme.weeks[-1] if today > programme.end else programme.weeks[0]


def _programme(pdf: _Report, programme: Programme | None, today: date) -> None:
    pdf.heading("4. Programme")
    if programme is None:
        pdf.para("No exercise programme: none has been started.")
        return
    days = ", ".join(d.capitalize() for d in programme.days)
    pdf.para(
        f"Six weeks from {_long_date(programme.start)} to {_long_date(programme.end)}; about "
        f"{programme.minutes_per_day} minutes on {days}."
    )
    rows = [["Phase", "Weeks", "Focus"]]
    rows += [
        [f"{p.number}. {p.name}", ", ".join(str(w) for w in p.weeks), p.focus]
        for p in programme.phases
    ]
    pdf.grid(rows, (45, 18, 115))
    _pathway(pdf, programme)
    week = _current_week(programme, today)
    pdf.subheading(
        f"Week {week.number} ({_short_date(week.start)} - {_short_date(week.end)}): "
        f"{week.phase_name}"
    )
    if week.adjustment:
        pdf.para(week.adjustment, size=9, colour=MUTED)
    if week.planned_note:
        pdf.para(week.planned_note, size=9, colour=MUTED)
    if week.sessions:
        rows = [["Exercise", "Dose", "Why"]]
        rows += [[item.name, item.dosage, item.why] for item in week.sessions[0].exercises]
        pdf.grid(rows, (40, 38, 100))
        pdf.para(
            f"{len(week.sessions)} sessions this week, about {week.sessions[0].estimated_minutes} "
            f"minutes each, plus walking {week.walking_minutes} minutes a day.",
            size=9,
        )


def _pathway(pdf: _Report, programme: Programme) -> None:
    """The care pathway, the recovery screen behind it and any re-screens."""
    pathway = programme.pathway
    if pathway is None:
        return
    pdf.subheading(f"Pathway: {pathway.name}")
    screen = pathway.screen
    if screen is None:
        pdf.para("Recovery screen not answered: standard programme.", size=9)
    else:
        scores = "; ".join(f"{name} {value:g}" for name, value in screen.scores.items())
        pdf.para(
            f"Spinewise recovery screen (own wording, not validated; not the STarT Back Tool): "
            f"{screen.band_label} ({scores}).",
            size=9,
        )
    pdf.bullets(pathway.reasons[1:] if screen is not None else pathway.reasons, size=9)
    for change in programme.rescreens:
        pdf.para(f"{_short_date(change.day)}: {change.reason}", size=9, colour=MUTED)


def _progress(pdf: _Report, summary: ProgressSummary) -> None:
    pdf.heading("5. Pain")
    if summary.red_flag_days:
        pdf.para(
            "Warning signs reported in check-ins:", style="B", colour=_LEVEL_COLOURS["emergency"]
        )
        pdf.bullets(
            [f"{_long_date(d.day)}: {'; '.join(d.descriptions)}" for d in summary.red_flag_days]
        )
    pdf.para(summary.headline)
    pain = summary.pain
    if pain.now is not None and pain.baseline is not None:
        verdict = "meaningful" if pain.meaningful else "not meaningful"
        rows = [
            ["Start", "Now (7-day mean)", "Change", "Verdict"],
            [
                f"{fmt(pain.baseline)}/10"
                + (" (intake)" if pain.baseline_source == "intake" else " (week 1)"),
                f"{fmt(pain.now)}/10 ({counted(pain.now_entries, 'check-in')})",
                f"{fmt(pain.change or 0)} points"
                + (f" ({fmt(pain.percent)}%)" if pain.percent is not None else ""),
                f"{pain.direction}, {verdict}",
            ],
        ]
        pdf.grid(rows, (38, 50, 40, 50))
        pdf.para(pain.threshold, size=8.5, colour=MUTED)
    if summary.series:
        pdf.chart(pain_chart(summary.series, pain.baseline, id_prefix="pdf-pain"))
    if summary.flare_ups:
        pdf.para(f"Flare-ups reported: {summary.flare_ups}.")
    if summary.mean_sitting_hours is not None:
        pdf.para(f"Sitting, last 7 days: {fmt(summary.mean_sitting_hours)} hours a day on average.")


def _adherence(pdf: _Report, summary: ProgressSummary) -> None:
    if not summary.adherence:
        return
    pdf.heading("6. Adherence")
    rows = [["Week", "Dates", "Planned", "Done", "Done %", "Check-ins"]]
    for week in summary.adherence:
        share = f"{round(100 * week.ratio)}%" if week.ratio is not None else "-"
        rows.append(
            [
                str(week.number),
                f"{_short_date(week.start)} - {_short_date(week.end)}",
                str(week.planned),
                str(week.done),
                share,
                str(week.checkins),
            ]
        )
    total = summary.sessions_planned
    share = f"{round(100 * summary.sessions_done / total)}%" if total else "-"
    rows.append(["All", "", str(total), str(summary.sessions_done), share, str(summary.entries)])
    pdf.grid(rows, (18, 44, 28, 28, 28, 32))


def _psfs(pdf: _Report, summary: ProgressSummary) -> None:
    if not summary.psfs:
        return
    pdf.heading("7. Function: Patient-Specific Functional Scale")
    pdf.para(
        'Mean of up to three activities the person chose, each 0 "unable" to 10 "as before". '
        "A change of 2 points in the mean (3 for one activity) is beyond measurement error.",
        size=8.5,
        colour=MUTED,
    )
    if summary.psfs_change is not None:
        pdf.para(summary.psfs_change.verdict)
        if summary.psfs_change.activities_changed:
            pdf.para(
                "Activities changed by 3 or more: "
                + ", ".join(summary.psfs_change.activities_changed)
            )
    rows = [["Week", "PSFS mean"]] + [[str(p.week), fmt(p.mean)] for p in summary.psfs]
    pdf.grid(rows, (30, 30))
    pdf.chart(psfs_chart(summary.psfs, id_prefix="pdf-psfs"), width=110)


def _reviews(pdf: _Report, reviews: Sequence[WeeklyReview]) -> None:
    if not reviews:
        return
    pdf.heading("8. Weekly reviews")
    rows = [["Week", "Verdict", "Mean pain", "Sessions", "Reasons"]]
    for review in sorted(reviews, key=lambda r: r.week_number):
        mean = "-" if review.mean_pain is None else fmt(review.mean_pain)
        rows.append(
            [
                str(review.week_number),
                review.label,
                mean,
                f"{review.sessions_done}/{review.sessions_planned}",
                " ".join(review.reasons),
            ]
        )
    pdf.grid(rows, (14, 28, 20, 20, 96))


def _outcome_mark(measure: Measure) -> str:
    if measure.threshold is None:
        return "not marked"
    if measure.change is None:
        return "one value so far"
    return f"yes, {measure.change.direction}" if measure.change.meaningful else "not yet"


def _outcomes(pdf: _Report, outcomes: PersonalOutcomes | None) -> None:
    if outcomes is None or outcomes.empty:
        return
    pdf.heading("9. Outcomes the person sees")
    rows = [["Measure", "First", "Latest", "Change", "Meaningful"]]
    for measure in outcomes.measures:
        if not measure.points:
            continue
        first, last = measure.points[0], measure.points[-1]
        when = "start" if first.week == 0 else f"wk {first.week}"
        change = measure.change
        rows.append(
            [
                f"{measure.name} ({measure.scale})",
                f"{fmt(first.value)} ({when})",
                f"{fmt(last.value)} (wk {last.week})" if change else "-",
                f"{change.change:+g}" if change else "-",
                _outcome_mark(measure),
            ]
        )
    pdf.grid(rows, (70, 28, 28, 20, 32))
    for measure in outcomes.measures:
        if measure.change is not None:
            pdf.para(measure.change.verdict, size=9)
    for measure in outcomes.measures:
        if measure.threshold is not None and measure.points:
            note = f" {measure.threshold.note}" if measure.threshold.note else ""
            pdf.para(
                f"{measure.name}: meaningful is {measure.threshold.rule}.{note}",
                size=8.5,
                colour=MUTED,
            )
    if outcomes.measure("pain_interference").points:
        pdf.chart(outcomes_chart(outcomes, id_prefix="pdf-outcomes"), width=110)


def _notes(pdf: _Report, summary: ProgressSummary) -> None:
    if not summary.recent_notes:
        return
    pdf.heading("Recent notes from the person")
    pdf.bullets([f"{_long_date(n.day)}: {_sentence(n.text)}" for n in summary.recent_notes], size=9)


def clinician_report(
    *,
    person_label: str,
    assessment: dict[str, Any],
    intake: dict[str, Any],
    programme: Programme | None,
    summary: ProgressSummary,
    reviews: list[WeeklyReview],
    generated: datetime,
    compress: bool = True,
    outcomes: PersonalOutcomes | None = None,
) -> bytes:
    """The clinician summary as PDF bytes (A4). Same inputs, same bytes.

    ``assessment`` is ``Assessment.to_json_dict()``; ``intake`` the intake JSON; the current
    programme week is the one containing ``generated``. ``compress=False`` leaves the page
    streams readable (for tests). ``outcomes`` adds the outcomes the person sees (section 9).
    """
    pdf = _Report(pdf_text(person_label), generated)
    pdf.set_compression(compress)
    pdf.add_page()
    _title(pdf, person_label, generated)
    _triage(pdf, assessment)
    _screening(pdf, intake)
    _presentation(pdf, intake, assessment)
    _programme(pdf, programme, generated.date())
    _progress(pdf, summary)
    _adherence(pdf, summary)
    _psfs(pdf, summary)
    _reviews(pdf, reviews)
    _outcomes(pdf, outcomes)
    _notes(pdf, summary)
    return bytes(pdf.output())
