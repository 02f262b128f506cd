"""Red-flag triage: the first decision, made before any advice."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from spinewise.core.intake import Intake, Screening, safety_fields
from spinewise.core.knowledge import KnowledgeBase, knowledge
from spinewise.core.levels import Level, most_urgent
from spinewise.core.red_flags import DETAIL_RULES, RULES

DEFAULT_EMERGENCY_NUMBER = "999"

_SELF_CARE_ADVICE = (
    "Your answers show none of the warning signs we ask about, so it is safe to look after "
    "this at home for now. Keep moving and carry on with normal activities as much as you "
    "can; bed rest slows recovery. Most back pain eases within a few weeks. Get help if the "
    "pain is not starting to improve within a few weeks, stops you doing everyday things, is "
    "very severe or getting worse, or if you notice any of the warning signs. Call "
    "{emergency_number} if you get numbness around your genitals or bottom, lose control of "
    "your bladder or bowels, get chest pain or struggle to breathe."
)
_SOON_FOOTER = (
    " In the meantime you can follow the gentle plan below. Get help at once if you notice "
    "any of the warning signs, and call {emergency_number} for numbness around your genitals "
    "or bottom, bladder or bowel changes, chest pain or trouble breathing."
)


class FiredFlag(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    level: Level
    evidence: list[str]
    advice: str
    sources: list[str]
    no_plan: bool = False


class Triage(BaseModel):
    model_config = ConfigDict(frozen=True)

    level: Level
    label: str
    reasons: list[str]
    advice: str
    flags: list[FiredFlag]

    @property
    def allows_plan(self) -> bool:
        """An exercise plan is offered for self-care and "soon", unless a flag rules it out
        (a child gets no adult plan)."""
        return self.level.allows_exercise and not any(f.no_plan for f in self.flags)


def _evidence(flag_id: str, intake: Screening) -> list[str]:
    if flag_id in RULES:
        return RULES[flag_id](intake)
    if isinstance(intake, Intake):
        return DETAIL_RULES[flag_id](intake)
    return []


def fired_flags(
    intake: Screening,
    kb: KnowledgeBase | None = None,
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
) -> list[FiredFlag]:
    """Every red flag the answers fire, most urgent first (then in content order).

    A complete intake is checked by every rule; a screening that stopped early only by the
    rules that read the screening (the others need answers it does not have).
    """
    kb = kb or knowledge()
    fired = []
    for flag in kb.red_flags.values():
        evidence = _evidence(flag.id, intake)
        if evidence:
            fired.append(
                FiredFlag(
                    id=flag.id,
                    name=flag.name,
                    level=flag.level,
                    evidence=evidence,
                    advice=flag.advice.format(emergency_number=emergency_number).strip(),
                    sources=flag.sources,
                    no_plan=flag.no_plan,
                )
            )
    return sorted(fired, key=lambda f: -f.level.rank)


def triage_intake(
    intake: Screening,
    kb: KnowledgeBase | None = None,
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
) -> Triage:
    """The most urgent level any red flag reaches, with the answers that led there."""
    flags = fired_flags(intake, kb, emergency_number)
    level = most_urgent([f.level for f in flags])
    if not flags:
        count = len(safety_fields(intake.is_pregnant))
        return Triage(
            level=Level.SELF_CARE,
            label=Level.SELF_CARE.label,
            reasons=[f"No warning signs in your answers to the {count} safety questions."],
            advice=_SELF_CARE_ADVICE.format(emergency_number=emergency_number),
            flags=[],
        )
    reasons = [f"{f.name}: {'; '.join(f.evidence)}." for f in flags]
    top = [f for f in flags if f.level is level]
    advice = " ".join(dict.fromkeys(f.advice for f in top))
    if level is Level.SOON and not any(f.no_plan for f in flags):
        advice += _SOON_FOOTER.format(emergency_number=emergency_number)
    return Triage(level=level, label=level.label, reasons=reasons, advice=advice, flags=flags)
