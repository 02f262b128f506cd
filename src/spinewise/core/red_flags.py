"""The rule behind each red flag in ``content/red_flags.yaml``.

Each rule reads an intake and returns the evidence that fired it: plain phrases naming
the answers. An empty list means the flag did not fire. Rules only ever ask whether an
answer is *yes*; none of them fires on a *no*, so answering yes to one more screening
question can never lower the triage level.
"""

from __future__ import annotations

from collections.abc import Callable

from spinewise.core.intake import (
    Aggravator,
    BodyArea,
    History,
    Injury,
    Intake,
    Onset,
    PainQuality,
    RedFlags,
    Reliever,
    TimePattern,
    Trend,
)

Rule = Callable[[Intake], list[str]]

_CES_SIGNS = ("saddle_numbness", "bladder_change", "bowel_change", "sexual_dysfunction")
_HEART_SIGNS = ("breathless", "sweating_nausea", "arm_jaw_pain", "faint_dizzy")
_NERVE_SIGNS = ("leg_weakness", "weakness_worsening", "unsteady_walking", "trunk_band_numbness")
_MECHANICAL = frozenset(
    {
        Aggravator.SITTING,
        Aggravator.STANDING,
        Aggravator.BENDING,
        Aggravator.LIFTING,
        Aggravator.TWISTING,
        Aggravator.WALKING,
        Aggravator.SCREEN_WORK,
        Aggravator.CARRYING_BAGS,
        Aggravator.SPORT,
        Aggravator.END_OF_DAY,
    }
)
_EASED_BY_MOVING = frozenset(
    {Reliever.WALKING, Reliever.MOVING_AROUND, Reliever.EXERCISE, Reliever.CHANGING_POSITION}
)


def _said(field: str) -> str:
    """The plain wording of a yes answer to a screening question."""
    description = RedFlags.model_fields[field].description or field
    return f"you said yes: {description[0].lower()}{description[1:].rstrip('.')}"


def _history(field: str) -> str:
    description = History.model_fields[field].description or field
    return f"your history: {description[0].lower()}{description[1:].rstrip('.')}"


def _yes(intake: Intake, *fields: str) -> list[str]:
    return [_said(f) for f in fields if getattr(intake.red_flags, f)]


def _sudden_severe(intake: Intake) -> bool:
    return intake.onset is Onset.SUDDEN and intake.onset_severe


# --- emergency ---------------------------------------------------------------------------


def cauda_equina(intake: Intake) -> list[str]:
    return _yes(intake, *_CES_SIGNS)


def bilateral_leg_symptoms(intake: Intake) -> list[str]:
    evidence = _yes(intake, "both_legs_symptoms")
    if intake.leg_sides == 2:
        evidence.append("you marked pain in both legs on the body map")
    return evidence


def major_trauma(intake: Intake) -> list[str]:
    evidence = _yes(intake, "major_trauma")
    if intake.injury is Injury.MAJOR_TRAUMA:
        evidence.append("the pain started after a serious accident or fall")
    return evidence


def heart_attack(intake: Intake) -> list[str]:
    flags = intake.red_flags
    if flags.chest_pain:
        return [*_yes(intake, "chest_pain"), *_yes(intake, *_HEART_SIGNS)]
    signs = _yes(intake, *_HEART_SIGNS)
    if len(signs) >= 2:
        return signs
    at_risk = intake.history.heart_risk or intake.age >= 40
    upper_or_chest = intake.has_upper_back or BodyArea.CHEST in intake.areas
    if flags.arm_jaw_pain and at_risk and upper_or_chest:
        reason = "heart risk factors" if intake.history.heart_risk else f"age {intake.age}"
        return [*signs, f"with {reason} and pain in the upper back or chest"]
    return []


def aortic_dissection(intake: Intake) -> list[str]:
    evidence = _yes(intake, "tearing_pain")
    if PainQuality.TEARING in intake.pain_qualities:
        evidence.append("you described the pain as tearing or ripping")
    trunk = intake.has_upper_back or bool({BodyArea.CHEST, BodyArea.ABDOMEN} & set(intake.areas))
    if _sudden_severe(intake) and intake.injury is Injury.NONE and intake.intensity >= 7 and trunk:
        evidence.append(
            f"sudden pain of {intake.intensity}/10, at its worst within minutes, with no injury"
        )
    return evidence


def aortic_aneurysm_rupture(intake: Intake) -> list[str]:
    flags = intake.red_flags
    if flags.faint_dizzy and intake.onset is Onset.SUDDEN:
        return [*_yes(intake, "faint_dizzy"), "the pain started suddenly"]
    known = intake.history.aortic_aneurysm or flags.pulsating_abdomen
    severe = _sudden_severe(intake) or flags.faint_dizzy or intake.intensity >= 8
    if known and severe:
        evidence = _yes(intake, "pulsating_abdomen", "faint_dizzy")
        if intake.history.aortic_aneurysm:
            evidence.append(_history("aortic_aneurysm"))
        if _sudden_severe(intake):
            evidence.append("the pain came on suddenly and severely")
        elif intake.intensity >= 8:
            evidence.append(f"pain of {intake.intensity}/10")
        return evidence
    return []


def lung_clot_or_collapse(intake: Intake) -> list[str]:
    flags = intake.red_flags
    if flags.coughing_blood:
        return _yes(intake, "coughing_blood", "breathless")
    if not flags.breathless:
        return []
    companions = _yes(intake, "pain_on_breathing", "calf_swelling", "chest_pain")
    if Aggravator.BREATHING_IN in intake.worse_with:
        companions.append("the pain is worse when breathing in")
    if intake.onset is Onset.SUDDEN:
        companions.append("the pain started suddenly")
    if intake.history.recent_immobility:
        companions.append(_history("recent_immobility"))
    if intake.has_upper_back or BodyArea.CHEST in intake.areas:
        companions.append("the pain is in the upper back or chest")
    return [*_yes(intake, "breathless"), *companions] if companions else []


def severe_abdominal_pain(intake: Intake) -> list[str]:
    if BodyArea.ABDOMEN not in intake.areas or intake.intensity < 7:
        return []
    signs = _yes(intake, "sweating_nausea", "faint_dizzy")
    return [f"tummy pain of {intake.intensity}/10", *signs] if signs else []


def cancer_with_nerve_symptoms(intake: Intake) -> list[str]:
    if not intake.history.cancer:
        return []
    signs = _yes(intake, *_NERVE_SIGNS, *_CES_SIGNS, "both_legs_symptoms")
    return [_history("cancer"), *signs] if signs else []


def infection_with_nerve_symptoms(intake: Intake) -> list[str]:
    flags = intake.red_flags
    if flags.very_unwell:
        return _yes(intake, "very_unwell", "fever")
    if flags.fever:
        signs = _yes(intake, *_NERVE_SIGNS)
        return [*_yes(intake, "fever"), *signs] if signs else []
    return []


# --- urgent ------------------------------------------------------------------------------


def spinal_infection(intake: Intake) -> list[str]:
    return _yes(intake, "fever")


def kidney_infection(intake: Intake) -> list[str]:
    if not intake.red_flags.fever:
        return []
    flank = {BodyArea.FLANK_LEFT, BodyArea.FLANK_RIGHT} & set(intake.areas)
    evidence = _yes(intake, "urinary_symptoms")
    if flank:
        evidence.append("pain in the side (flank)")
    return [*_yes(intake, "fever"), *evidence] if evidence else []


def _infection_risks(intake: Intake) -> list[str]:
    return [
        _history(field)
        for field in ("iv_drug_use", "immunosuppressed", "recent_spinal_surgery")
        if getattr(intake.history, field)
    ]


def infection_risk(intake: Intake) -> list[str]:
    risks = _infection_risks(intake)
    if not risks:
        return []
    worrying = _yes(intake, "night_pain")
    if TimePattern.CONSTANT in intake.time_pattern:
        worrying.append("the pain is constant")
    if TimePattern.WORSE_AT_NIGHT in intake.time_pattern:
        worrying.append("the pain is worse at night")
    if intake.trend is Trend.WORSE:
        worrying.append("the pain is getting worse")
    return [*risks, *worrying] if worrying else []


def cancer_history(intake: Intake) -> list[str]:
    return [_history("cancer")] if intake.history.cancer else []


def weight_loss(intake: Intake) -> list[str]:
    return _yes(intake, "weight_loss")


def night_pain(intake: Intake) -> list[str]:
    return _yes(intake, "night_pain")


def new_non_mechanical_pain_over_50(intake: Intake) -> list[str]:
    if intake.age < 50 or intake.duration_days > 90:
        return []
    patterns = {TimePattern.CONSTANT, TimePattern.WORSE_AT_NIGHT} & set(intake.time_pattern)
    mechanical = _MECHANICAL & set(intake.worse_with) or _EASED_BY_MOVING & set(intake.better_with)
    if not patterns or mechanical:
        return []
    return [
        f"age {intake.age}, pain for {intake.duration_days} days",
        "the pain is constant or worse at night and movement does not change it",
    ]


def fragility_fracture(intake: Intake) -> list[str]:
    risks = [
        _history(f) for f in ("osteoporosis", "long_term_steroids") if getattr(intake.history, f)
    ]
    if intake.age >= 70:
        risks.append(f"age {intake.age}")
    if not risks:
        return []
    triggers = {
        Injury.MINOR_FALL: "the pain started after a minor fall",
        Injury.LIFTING: "the pain started after lifting",
        Injury.AWKWARD_MOVEMENT: "the pain started after an awkward movement",
    }
    trigger = triggers.get(intake.injury)
    if trigger is None and intake.onset is Onset.SUDDEN:
        trigger = "the pain started suddenly"
    return [*risks, trigger] if trigger else []


def spinal_deformity(intake: Intake) -> list[str]:
    return _yes(intake, "deformity")


def progressive_weakness(intake: Intake) -> list[str]:
    return _yes(intake, "weakness_worsening")


def spinal_cord_symptoms(intake: Intake) -> list[str]:
    return _yes(intake, "unsteady_walking", "trunk_band_numbness")


def shingles(intake: Intake) -> list[str]:
    evidence = _yes(intake, "rash_band")
    qualities = set(intake.pain_qualities)
    if {PainQuality.BURNING, PainQuality.BAND_LIKE} <= qualities:
        evidence.append("you described the pain as burning and band-like")
    return evidence


def possible_aneurysm(intake: Intake) -> list[str]:
    evidence = _yes(intake, "pulsating_abdomen")
    if intake.history.aortic_aneurysm:
        evidence.append(_history("aortic_aneurysm"))
    return evidence


def gallbladder_warning(intake: Intake) -> list[str]:
    evidence = _yes(intake, "jaundice")
    if Aggravator.FATTY_MEALS in intake.worse_with and intake.red_flags.fever:
        evidence += ["pain after fatty meals", *_yes(intake, "fever")]
    return evidence


def breathless(intake: Intake) -> list[str]:
    return _yes(intake, "breathless")


def faint(intake: Intake) -> list[str]:
    return _yes(intake, "faint_dizzy")


# --- soon --------------------------------------------------------------------------------


def under_16(intake: Intake) -> list[str]:
    return [f"age {intake.age}"] if intake.age < 16 else []


def inflammatory_pattern(intake: Intake) -> list[str]:
    years = intake.duration_days / 365.25
    if intake.duration_days < 90 or intake.age - years >= 45:
        return []
    features = []
    if TimePattern.MORNING_STIFFNESS_LONG in intake.time_pattern:
        features.append("morning stiffness lasting over 30 minutes")
    eased_by_exercise = {Reliever.EXERCISE, Reliever.MOVING_AROUND, Reliever.WALKING} & set(
        intake.better_with
    )
    if eased_by_exercise and Reliever.REST not in intake.better_with:
        features.append("eases with exercise or movement but not with rest")
    if TimePattern.WAKES_SECOND_HALF_NIGHT in intake.time_pattern:
        features.append("wakes you in the second half of the night")
    if len(features) < 2:
        return []
    return [f"pain for {intake.duration_days // 30} months, starting before age 45", *features]


def not_improving(intake: Intake) -> list[str]:
    if intake.duration_days <= 42 or intake.trend is Trend.BETTER:
        return []
    trend = "getting worse" if intake.trend is Trend.WORSE else "not getting better"
    return [f"pain for {intake.duration_days // 7} weeks and {trend}"]


def stable_leg_weakness(intake: Intake) -> list[str]:
    # Worsening or two-sided weakness fires the more urgent flags instead; this one
    # covers the rest, so it never speaks of "not getting worse" when it is.
    flags = intake.red_flags
    if flags.weakness_worsening or flags.both_legs_symptoms:
        return []
    return _yes(intake, "leg_weakness")


def infection_risk_factor(intake: Intake) -> list[str]:
    return _infection_risks(intake)


def urinary_symptoms(intake: Intake) -> list[str]:
    return _yes(intake, "urinary_symptoms")


def gallbladder_pattern(intake: Intake) -> list[str]:
    return ["pain after fatty meals"] if Aggravator.FATTY_MEALS in intake.worse_with else []


def severe_worsening(intake: Intake) -> list[str]:
    if intake.intensity >= 8 and intake.trend is Trend.WORSE:
        return [f"pain of {intake.intensity}/10 that is getting worse"]
    return []


RULES: dict[str, Rule] = {
    rule.__name__: rule
    for rule in (
        cauda_equina,
        bilateral_leg_symptoms,
        major_trauma,
        heart_attack,
        aortic_dissection,
        aortic_aneurysm_rupture,
        lung_clot_or_collapse,
        severe_abdominal_pain,
        cancer_with_nerve_symptoms,
        infection_with_nerve_symptoms,
        spinal_infection,
        kidney_infection,
        infection_risk,
        cancer_history,
        weight_loss,
        night_pain,
        new_non_mechanical_pain_over_50,
        fragility_fracture,
        spinal_deformity,
        progressive_weakness,
        spinal_cord_symptoms,
        shingles,
        possible_aneurysm,
        gallbladder_warning,
        breathless,
        faint,
        under_16,
        inflammatory_pattern,
        not_improving,
        stable_leg_weakness,
        infection_risk_factor,
        urinary_symptoms,
        gallbladder_pattern,
        severe_worsening,
    )
}
