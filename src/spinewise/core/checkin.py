"""The daily check-in's safety re-check, and re-triage when something new appears.

NICE NG59 1.1.1: think again about serious causes when symptoms are new or changed. Every
check-in re-asks each warning sign that can appear or get worse after the assessment,
grouped so it stays quick: a person answers one question per group and only opens a group
when something in it is new. Any yes re-runs triage at once.

A leg weakness first reported at a check-in is new since the assessment, so it counts as
weakness that is getting worse (urgent), never as "stable weakness".
"""

from __future__ import annotations

from dataclasses import dataclass

from spinewise.core.intake import PregnancySigns, RedFlags, Screening, screening_so_far
from spinewise.core.knowledge import KnowledgeBase
from spinewise.core.questionnaire import questionnaire
from spinewise.core.triage import DEFAULT_EMERGENCY_NUMBER, Triage, triage_intake


@dataclass(frozen=True)
class CheckinGroup:
    id: str
    question: str
    flags: tuple[str, ...]


CHECKIN_GROUPS: tuple[CheckinGroup, ...] = (
    CheckinGroup(
        "nerves",
        "Any new numbness, tingling or weakness, or a change in your bladder, bowels or sex life?",
        (
            "saddle_numbness",
            "bladder_change",
            "bowel_change",
            "sexual_dysfunction",
            "both_legs_symptoms",
            "leg_weakness",
            "weakness_worsening",
            "unsteady_walking",
            "trunk_band_numbness",
        ),
    ),
    CheckinGroup(
        "chest",
        "Any new chest pain, breathing trouble, faintness, unusual tiredness or a swollen calf?",
        (
            "chest_pain",
            "arm_jaw_pain",
            "exertion_pain",
            "breathless",
            "pain_on_breathing",
            "coughing_blood",
            "calf_swelling",
            "cold_sweat",
            "nausea",
            "unusual_tiredness",
            "faint_dizzy",
        ),
    ),
    CheckinGroup(
        "general",
        "Any fever, night sweats, weight loss, or pain that no position eases?",
        ("fever", "very_unwell", "weight_loss", "night_sweats", "night_pain", "urinary_symptoms"),
    ),
    CheckinGroup(
        "pain",
        "Any sudden, severe or unusual new pain, a rash, or a change in the shape of your spine?",
        (
            "sudden_severe",
            "tearing_pain",
            "pulsating_abdomen",
            "colicky_pain",
            "rash_band",
            "deformity",
            "jaundice",
        ),
    ),
)
# Asked only of someone who said at the assessment that she is pregnant.
PREGNANCY_GROUP = CheckinGroup(
    "pregnancy",
    "Any pain in waves, bleeding, leaking fluid, or a bad headache or blurred vision?",
    tuple(PregnancySigns.model_fields),
)

CHECKIN_FLAGS: tuple[str, ...] = tuple(
    f for group in (*CHECKIN_GROUPS, PREGNANCY_GROUP) for f in group.flags
)

# Used only when a person has no saved assessment: the new answers are judged on their own,
# for a neutral adult with lower back pain.
_NO_HISTORY: dict[str, object] = {
    "schema": "spinewise.intake/2",
    "areas": ["lower_back_centre"],
    "age": 30,
    "sex": "other",
    "duration_days": 0,
    "onset": "gradual",
    "injury": "none",
    "intensity": 0,
    "trend": "same",
}


def _section(name: str) -> str:
    return "red_flags" if name in RedFlags.model_fields else "pregnancy"


def checkin_groups(base: Screening | None) -> list[CheckinGroup]:
    """The groups this person is asked (pregnancy signs only in pregnancy)."""
    pregnant = base is not None and base.is_pregnant
    return [*CHECKIN_GROUPS, PREGNANCY_GROUP] if pregnant else list(CHECKIN_GROUPS)


def checkin_questions(base: Screening | None = None) -> list[tuple[str, str]]:
    """(field name, question) for each re-check, worded as in the questionnaire."""
    return [
        (name, questionnaire().label(f"{_section(name)}.{name}"))
        for group in checkin_groups(base)
        for name in group.flags
    ]


def checkin_choice_groups(base: Screening | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """The re-check grouped for a form: (group question, [(field name, question), ...])."""
    return [
        (
            group.question,
            [(name, questionnaire().label(f"{_section(name)}.{name}")) for name in group.flags],
        )
        for group in checkin_groups(base)
    ]


def unasked_flags(base: Screening | None, new_flags: list[str]) -> list[str]:
    """The named signs this person is not asked at a check-in (pregnancy signs outside
    pregnancy, or names that are no check-in question), in the order given."""
    asked = {name for group in checkin_groups(base) for name in group.flags}
    return [name for name in new_flags if name not in asked]


def retriage(
    base: Screening | None,
    new_flags: list[str],
    kb: KnowledgeBase | None = None,
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
) -> Triage | None:
    """Triage with today's new warning signs added to the saved answers; None when none."""
    unknown = unasked_flags(base, new_flags)
    if unknown:
        raise ValueError(f"not a check-in question: {', '.join(unknown)}")
    if not new_flags:
        return None
    if base is None:
        base = screening_so_far(dict(_NO_HISTORY))
    new = set(new_flags)
    if "leg_weakness" in new:
        new.add("weakness_worsening")
    update: dict[str, object] = {
        "red_flags": base.red_flags.model_copy(
            update=dict.fromkeys(new & set(RedFlags.model_fields), True)
        )
    }
    pregnancy_signs = new & set(PregnancySigns.model_fields)
    if base.pregnancy is not None:
        update["pregnancy"] = base.pregnancy.model_copy(update=dict.fromkeys(pregnancy_signs, True))
    return triage_intake(base.model_copy(update=update), kb, emergency_number)
