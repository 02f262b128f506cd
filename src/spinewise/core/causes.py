"""Scores the seed guide's likely causes from an intake.

Each scorer adds points for answers that point to its cause and says why. Points are a
ranking aid, not a probability: they order the explanations a person reads.
"""

from __future__ import annotations

from collections.abc import Callable

from spinewise.core.intake import (
    Aggravator,
    BagCarrying,
    BodyArea,
    Breaks,
    Injury,
    Intake,
    Onset,
    PainQuality,
    Reliever,
    TimePattern,
)
from spinewise.core.wording import counted

Evidence = list[tuple[float, str]]
Scorer = Callable[[Intake], Evidence]

MIN_SCORE = 2.0  # below this a cause is not worth showing


def _has(intake: Intake, *qualities: PainQuality) -> bool:
    return bool(set(qualities) & set(intake.pain_qualities))


def muscle_strain(intake: Intake) -> Evidence:
    out: Evidence = []
    starts = {
        Injury.LIFTING: "it started when lifting",
        Injury.AWKWARD_MOVEMENT: "it started with an awkward movement",
        Injury.SPORT: "it started during sport",
        Injury.UNUSUAL_ACTIVITY: "it started after more work or activity than usual",
    }
    if intake.injury in starts:
        out.append((3.0, starts[intake.injury]))
    if intake.onset is Onset.SUDDEN and intake.injury in starts:
        out.append((1.0, "the pain came on suddenly"))
    if intake.duration_days <= 42 and intake.injury in starts:
        out.append((1.0, f"it began {counted(intake.duration_days, 'day')} ago"))
    moves = {Aggravator.BENDING, Aggravator.LIFTING, Aggravator.TWISTING} & set(intake.worse_with)
    if moves:
        out.append((1.0, "bending, lifting or twisting makes it worse"))
    if _has(intake, PainQuality.SHARP, PainQuality.STIFFNESS) and out:
        out.append((0.5, "sharp or stiff pain"))
    if not intake.has_leg_pain and out:
        out.append((0.5, "no leg pain"))
    return out


def herniated_disc(intake: Intake) -> Evidence:
    out: Evidence = []
    if intake.has_leg_pain and intake.has_lower_back:
        out.append((1.5, "pain spreads from the lower back into a leg"))
    if Aggravator.COUGH_SNEEZE in intake.worse_with:
        out.append((2.0, "coughing or sneezing makes it worse"))
    if Aggravator.SITTING in intake.worse_with and intake.has_leg_pain:
        out.append((1.0, "sitting makes it worse"))
    if Aggravator.BENDING in intake.worse_with and intake.has_leg_pain:
        out.append((0.5, "bending makes it worse"))
    if _has(intake, PainQuality.TINGLING, PainQuality.NUMBNESS) and intake.has_leg_pain:
        out.append((1.0, "tingling or numbness"))
    return out


def sciatica(intake: Intake) -> Evidence:
    out: Evidence = []
    if intake.leg_sides == 1:
        out.append((2.5, "pain in one leg"))
    if intake.pain_below_knee:
        out.append((1.5, "the pain goes below the knee"))
    if intake.has_leg_pain and _has(
        intake, PainQuality.SHOOTING, PainQuality.TINGLING, PainQuality.BURNING
    ):
        out.append((1.5, "shooting, burning or tingling pain"))
    return out


def weak_core(intake: Intake) -> Evidence:
    out: Evidence = []
    habits = intake.habits
    if habits.strength_days == 0:
        out.append((1.5, "no strength training in a usual week"))
    if habits.exercise_days <= 1:
        out.append((1.0, f"exercise on {counted(habits.exercise_days, 'day')} a week"))
    if intake.has_lower_back and out:
        out.append((1.0, "pain in the lower back"))
    if intake.duration_days >= 42 and out:
        out.append((1.0, "pain for more than six weeks"))
    if {Aggravator.STANDING, Aggravator.END_OF_DAY} & set(intake.worse_with) and out:
        out.append((0.5, "it builds up over the day or with standing"))
    return out


def sedentary_lifestyle(intake: Intake) -> Evidence:
    out: Evidence = []
    habits = intake.habits
    if habits.sitting_hours >= 8:
        out.append((2.5, f"about {habits.sitting_hours:g} hours sitting a day"))
    elif habits.sitting_hours >= 6:
        out.append((1.5, f"about {habits.sitting_hours:g} hours sitting a day"))
    if habits.sitting_breaks is Breaks.RARELY and habits.sitting_hours >= 4:
        out.append((1.0, "rarely takes breaks from sitting"))
    if habits.exercise_days <= 1 and out:
        out.append((0.5, "little regular exercise"))
    if Aggravator.SITTING in intake.worse_with:
        out.append((1.0, "sitting makes it worse"))
    if {Reliever.WALKING, Reliever.MOVING_AROUND} & set(intake.better_with):
        out.append((1.0, "walking or moving around helps"))
    return out


def poor_posture(intake: Intake) -> Evidence:
    out: Evidence = []
    habits = intake.habits
    if habits.slouching:
        out.append((2.0, "often slouches or hunches over screens"))
    if habits.screen_hours >= 8:
        out.append((1.5, f"about {habits.screen_hours:g} hours a day at screens"))
    elif habits.screen_hours >= 6:
        out.append((1.0, f"about {habits.screen_hours:g} hours a day at screens"))
    if {Aggravator.SCREEN_WORK, Aggravator.END_OF_DAY} & set(intake.worse_with) or (
        TimePattern.WORSE_END_OF_DAY in intake.time_pattern
    ):
        out.append((1.0, "worse with screen work or by the end of the day"))
    if Aggravator.SITTING in intake.worse_with and habits.sitting_hours >= 6:
        out.append((0.5, "long sitting makes it worse"))
    if intake.has_upper_back and habits.screen_hours >= 6:
        out.append((1.0, "upper back ache alongside long screen hours"))
    return out


def muscle_tension(intake: Intake) -> Evidence:
    out: Evidence = []
    stress = intake.habits.stress
    if stress >= 6:
        out.append((2.0, f"stress at {stress}/10"))
    elif stress >= 4:
        out.append((1.0, f"stress at {stress}/10"))
    if Aggravator.STRESS in intake.worse_with:
        out.append((1.0, "stress makes it worse"))
    if _has(intake, PainQuality.TIGHT_TENSE, PainQuality.BURNING) and (
        intake.has_upper_back or BodyArea.NECK in intake.areas
    ):
        out.append((1.5, "tight or burning pain in the upper back or neck"))
    if {Reliever.DAYS_OFF, Reliever.MASSAGE, Reliever.HEAT} & set(intake.better_with):
        out.append((1.0, "eases with time off, massage or heat"))
    return out


def forward_head_posture(intake: Intake) -> Evidence:
    out: Evidence = []
    if intake.habits.head_forward:
        out.append((3.0, "the head pokes forward towards the screen"))
    if BodyArea.NECK in intake.areas and out:
        out.append((1.0, "neck pain as well"))
    if intake.has_upper_back and out:
        out.append((1.0, "upper back pain with the head held forward"))
    if intake.habits.screen_hours >= 6 and out:
        out.append((1.0, f"about {intake.habits.screen_hours:g} hours a day at screens"))
    return out


def repetitive_movements(intake: Intake) -> Evidence:
    out: Evidence = []
    habits = intake.habits
    if habits.training_increase:
        out.append((2.5, "training or physical work went up sharply recently"))
    if habits.repetitive_work:
        out.append((2.0, "work repeats the same movement"))
    if habits.sport and out:
        out.append((0.5, f"plays {habits.sport}"))
    if Aggravator.SPORT in intake.worse_with:
        out.append((1.5, "sport makes it worse"))
    return out


def heavy_bags(intake: Intake) -> Evidence:
    out: Evidence = []
    bag = intake.habits.bag_carrying
    if bag is BagCarrying.HEAVY_ONE_SHOULDER:
        out.append((3.0, "carries a heavy bag on one shoulder"))
    elif bag is BagCarrying.BACKPACK_BOTH_SHOULDERS:
        out.append((0.5, "carries a backpack"))
    if Aggravator.CARRYING_BAGS in intake.worse_with:
        out.append((1.5, "carrying bags makes it worse"))
    return out


def spinal_misalignment(intake: Intake) -> Evidence:
    out: Evidence = []
    if _has(intake, PainQuality.STIFFNESS):
        out.append((1.0, "feels stiff"))
    if TimePattern.MORNING_STIFFNESS_SHORT in intake.time_pattern:
        out.append((0.5, "stiff for a short while in the morning"))
    if {Reliever.MOVING_AROUND, Reliever.CHANGING_POSITION} & set(intake.better_with) and out:
        out.append((0.5, "moving loosens it up"))
    return out


SCORERS: dict[str, Scorer] = {
    scorer.__name__: scorer
    for scorer in (
        muscle_strain,
        herniated_disc,
        sciatica,
        weak_core,
        sedentary_lifestyle,
        poor_posture,
        muscle_tension,
        forward_head_posture,
        repetitive_movements,
        heavy_bags,
        spinal_misalignment,
    )
}
