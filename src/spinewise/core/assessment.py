"""The assessment: triage first, then region, likely causes and common mistakes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from spinewise.core.causes import MIN_SCORE, SCORERS
from spinewise.core.intake import Intake, Screening
from spinewise.core.knowledge import KnowledgeBase, knowledge
from spinewise.core.levels import Level
from spinewise.core.mistakes import DETECTORS
from spinewise.core.pathway import Pathway, choose_pathway
from spinewise.core.triage import DEFAULT_EMERGENCY_NUMBER, Triage, triage_intake

ASSESSMENT_SCHEMA = "spinewise.assessment/1"
Region = Literal["lower", "upper", "both"]

_WITHHELD = (
    "Causes, habits and exercises are not shown until a clinician has seen you: "
    "the warning signs come first."
)
_WITHHELD_CHILD = (
    "Spinewise's explanations of causes and its exercise plans are written for adults, so "
    "they are not shown for people under 16. A GP can advise what is safe."
)
_NEXT_STEP_CHILD = (
    "Book a GP appointment in the next week or two, with a parent or carer. Spinewise does "
    "not give exercise plans to under-16s."
)
_NEXT_STEP = {
    Level.EMERGENCY: "Call {emergency_number} now. Do not exercise.",
    Level.URGENT: "Get medical help today. Do not start an exercise plan until you have been seen.",
    Level.SOON: (
        "Book a doctor or physiotherapist appointment within 1-2 weeks, and start the gentle "
        "six-week plan meanwhile."
    ),
    Level.SELF_CARE: "Start your six-week plan: short daily sessions and more movement.",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class LikelyCause(_Frozen):
    id: str
    name: str
    score: float
    reasons: list[str]
    explanation: str


class FlaggedMistake(_Frozen):
    id: str
    name: str
    reasons: list[str]
    tip: str


class Assessment(_Frozen):
    schema_id: str = ASSESSMENT_SCHEMA
    triage: Triage
    region: Region | None
    causes: list[LikelyCause]
    mistakes: list[FlaggedMistake]
    withheld: str | None
    next_step: str
    # False when the questionnaire stopped early (core.stopping); `unanswered` lists the
    # safety questions it never reached.
    complete: bool = True
    unanswered: list[str] = []
    # The care pathway from the recovery screen (core.pathway); None when no plan is given.
    pathway: Pathway | None = None

    @property
    def allows_exercise(self) -> bool:
        """Whether a plan may be offered: self-care or "soon", and not withheld (children)."""
        return self.triage.allows_plan

    @property
    def region_name(self) -> str:
        """The region as every face names it (``regions.yaml``)."""
        return knowledge().region_name(self.region)

    def to_json_dict(self) -> dict[str, object]:
        data = self.model_dump(mode="json")
        data["schema"] = data.pop("schema_id")
        return data


def region_of(intake: Screening) -> Region | None:
    """lower, upper or both from the body map; None when no back area was marked."""
    upper, lower = intake.has_upper_back, intake.has_lower_back
    if upper and lower:
        return "both"
    if upper:
        return "upper"
    if lower:
        return "lower"
    return None


def rank_causes(intake: Intake, region: Region | None, kb: KnowledgeBase) -> list[LikelyCause]:
    """Causes worth showing, most likely first; ties keep the seed guide's order."""
    person_regions = {"both": {"lower", "upper"}, None: {"lower", "upper"}}.get(
        region, {str(region)}
    )
    ranked = []
    for order, (cause_id, scorer) in enumerate(SCORERS.items()):
        evidence = scorer(intake)
        score = sum(points for points, _ in evidence)
        cause = kb.causes[cause_id]
        if not person_regions & set(cause.regions):
            score /= 2  # a cause the guide links to the other region is a weaker fit
        if score >= MIN_SCORE:
            ranked.append(
                (
                    -score,
                    order,
                    LikelyCause(
                        id=cause_id,
                        name=cause.name,
                        score=round(score, 2),
                        reasons=[reason for _, reason in evidence],
                        explanation=cause.explanation.strip(),
                    ),
                )
            )
    return [cause for *_, cause in sorted(ranked, key=lambda item: (item[0], item[1]))]


def flag_mistakes(intake: Intake, kb: KnowledgeBase) -> list[FlaggedMistake]:
    flagged = []
    for mistake_id, detect in DETECTORS.items():
        reasons = detect(intake)
        if reasons:
            mistake = kb.mistakes[mistake_id]
            flagged.append(
                FlaggedMistake(
                    id=mistake_id, name=mistake.name, reasons=reasons, tip=mistake.tip.strip()
                )
            )
    return flagged


def assess(
    intake: Screening,
    kb: KnowledgeBase | None = None,
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
) -> Assessment:
    """Triage, region, ranked causes and mistakes for one intake. Deterministic.

    A screening that stopped early is triaged on the answers it has; it never reaches the
    causes or a plan, since it only stops at an emergency, an urgent verdict or a child.
    """
    kb = kb or knowledge()
    triage = triage_intake(intake, kb, emergency_number)
    region = region_of(intake)
    next_step = _NEXT_STEP[triage.level].format(emergency_number=emergency_number)
    progress = {"complete": intake.is_complete, "unanswered": sorted(intake.unanswered)}
    if triage.level.allows_exercise and not triage.allows_plan:
        return Assessment(
            triage=triage,
            region=region,
            causes=[],
            mistakes=[],
            withheld=_WITHHELD_CHILD,
            next_step=_NEXT_STEP_CHILD,
            **progress,
        )
    if not triage.allows_plan or not isinstance(intake, Intake):
        return Assessment(
            triage=triage,
            region=region,
            causes=[],
            mistakes=[],
            withheld=_WITHHELD,
            next_step=next_step,
            **progress,
        )
    return Assessment(
        triage=triage,
        region=region,
        causes=rank_causes(intake, region, kb),
        mistakes=flag_mistakes(intake, kb),
        withheld=None,
        next_step=next_step,
        pathway=choose_pathway(intake.recovery),
        **progress,
    )
