"""The rule behind each red flag in ``content/red_flags.yaml``.

Each rule reads the screening part of an intake and returns the evidence that fired it:
plain phrases naming the answers. An empty list means the flag did not fire. Rules only
ever ask whether an answer is *yes* (or a number is past a threshold); none fires on a
*no*, so answering yes to one more safety question can never lower the triage level, and
a question not yet asked (counted as no) can only leave a flag unfired.

``RULES`` read only the screening, so emergency and urgent verdicts are settled by the
time the safety questions end. ``DETAIL_RULES`` read the later answers (what the pain is
like and what changes it) and may only add "see someone soon" flags; a test holds them
to that.

The thresholds are named below and each is pinned by a test on both sides of it.
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
    PregnancySigns,
    RedFlags,
    Reliever,
    Screening,
    TimePattern,
    Trend,
)
from spinewise.core.wording import counted

Rule = Callable[[Screening], list[str]]
DetailRule = Callable[[Intake], list[str]]

# "New" bilateral leg symptoms: within about two weeks (BASS; NHS "sciatica on both sides").
NEW_BILATERAL_DAYS = 14
# Heart attack risk rises from 40 (MedlinePlus; HSE: consider dissection at 40+).
HEART_AGE = 40
# A leaking aortic aneurysm is considered from 60 or with vascular risk (NHS AAA: 65+,
# smoking, high blood pressure; a margin below 65 because women and younger smokers rupture too).
AAA_AGE = 60
# Fragility fracture: older age on its own raises the chance (Downie 2013).
FRAGILITY_AGE = 70
SEVERE_PAIN = 7
VERY_SEVERE_PAIN = 8
# Failure to improve after about a month is a cancer warning sign (Finucane 2020), more so
# from the age of 50.
CANCER_NOT_IMPROVING_DAYS = 28
OLDER_AGE = 50
NOT_IMPROVING_DAYS = 42
WORSENING_DAYS = 14
INFLAMMATORY_MIN_DAYS = 90
INFLAMMATORY_ONSET_BEFORE = 45

_CES_SIGNS = ("saddle_numbness", "bladder_change", "bowel_change", "sexual_dysfunction")
_UNWELL_SIGNS = ("breathless", "cold_sweat", "nausea", "faint_dizzy")
_NERVE_SIGNS = ("leg_weakness", "weakness_worsening", "unsteady_walking", "trunk_band_numbness")
_INFECTION_RISKS = (
    "iv_drug_use",
    "recent_infection",
    "immunosuppressed",
    "long_term_steroids",
    "recent_spinal_surgery",
)
# A fragility fracture starts suddenly: with a fall or a cough or sneeze, or with a sudden
# pain during a lift or a movement (reference §3b: "sudden back pain after minor strain").
_FRACTURE_TRIGGERS = {
    Injury.MINOR_FALL: "the pain started after a minor fall",
    Injury.COUGH_SNEEZE: "the pain started with a cough or sneeze",
}
_STRAINS = frozenset(
    {
        Injury.LIFTING,
        Injury.AWKWARD_MOVEMENT,
        Injury.SPORT,
        Injury.UNUSUAL_ACTIVITY,
        Injury.COUGH_SNEEZE,
    }
)


def _said(field: str) -> str:
    return f"you said: {RedFlags.model_fields[field].description}"


def _history(field: str) -> str:
    return f"your health background: {History.model_fields[field].description}"


def _yes(s: Screening, *fields: str) -> list[str]:
    return [_said(f) for f in fields if getattr(s.red_flags, f)]


def _risks(s: Screening, *fields: str) -> list[str]:
    return [_history(f) for f in fields if getattr(s.history, f)]


def _aaa_risk(s: Screening) -> list[str]:
    """Why a leaking aortic aneurysm is worth considering: age or vascular risk."""
    risk = _risks(s, "aortic_aneurysm", "heart_risk")
    if s.age >= AAA_AGE:
        risk.append(f"age {s.age}")
    return risk


def _heart_risk(s: Screening) -> list[str]:
    risk = _risks(s, "heart_risk")
    if s.age >= HEART_AGE:
        risk.append(f"age {s.age}")
    return risk


# --- emergency ---------------------------------------------------------------------------


def cauda_equina(s: Screening) -> list[str]:
    return _yes(s, *_CES_SIGNS)


def _new_pain_in_both_legs(s: Screening) -> list[str]:
    """Both legs on the body map, new or getting worse (the answer, not the checkbox)."""
    if s.leg_sides == 2 and s.duration_days <= NEW_BILATERAL_DAYS:
        return [
            f"pain in both legs on the body map, starting {counted(s.duration_days, 'day')} ago"
        ]
    if s.leg_sides == 2 and s.trend is Trend.WORSE:
        return ["pain in both legs on the body map, getting worse"]
    return []


def bilateral_leg_symptoms(s: Screening) -> list[str]:
    evidence = _yes(s, "both_legs_symptoms")
    # The body map alone counts when the pain reaches below a knee, as sciatica does; pain in
    # both thighs only is often referred from the back or sore muscles (new_pain_both_thighs).
    if s.pain_below_knee:
        evidence += _new_pain_in_both_legs(s)
    return evidence


def major_trauma(s: Screening) -> list[str]:
    if s.injury is Injury.MAJOR_TRAUMA:
        return ["the pain started after a serious accident"]
    return []


def _heart_signs(s: Screening) -> list[list[str]]:
    """The heart attack signs present; a cold sweat and sickness count as one sign, as the
    single question about them did before they were asked apart."""
    groups = [
        _yes(s, "breathless"),
        _yes(s, "cold_sweat", "nausea"),
        _yes(s, "arm_jaw_pain"),
        _yes(s, "faint_dizzy"),
    ]
    return [group for group in groups if group]


def heart_attack(s: Screening) -> list[str]:
    flags = s.red_flags
    present = _heart_signs(s)
    signs = [phrase for group in present for phrase in group]
    if flags.chest_pain:
        return [*_yes(s, "chest_pain"), *signs]
    if len(present) >= 2:
        return signs
    risk = _heart_risk(s)
    upper = s.has_upper_back or s.has_chest
    if flags.arm_jaw_pain and risk and upper:
        return [*signs, *risk, "pain in the upper back or chest"]
    # Atypical heart attacks (women, diabetes): back pressure with a cold sweat (MedlinePlus),
    # or with sickness, breathlessness or faintness together with unusual tiredness (NHS).
    if flags.cold_sweat and risk and upper:
        return [*signs, *risk, "pain in the upper back or chest"]
    if flags.unusual_tiredness and present and risk and upper:
        return [*signs, *_yes(s, "unusual_tiredness"), *risk, "pain in the upper back or chest"]
    unwell = _yes(s, *_UNWELL_SIGNS)
    if flags.exertion_pain and unwell:
        return [*_yes(s, "exertion_pain"), *unwell]
    return []


def aortic_dissection(s: Screening) -> list[str]:
    flags = s.red_flags
    if flags.tearing_pain:
        because = _yes(s, *_UNWELL_SIGNS) + _risks(s, "aortic_aneurysm")
        if s.injury is Injury.NONE:
            because.append("it came on with no injury")
        if because:
            return [*_yes(s, "tearing_pain"), *because]
    if flags.sudden_severe and (s.has_upper_back or s.has_chest):
        return [*_yes(s, "sudden_severe"), "pain in the upper back or chest"]
    return []


def aortic_aneurysm_rupture(s: Screening) -> list[str]:
    flags, history = s.red_flags, s.history
    risk = _aaa_risk(s)
    if flags.sudden_severe and s.has_lower_trunk and risk:
        return [*_yes(s, "sudden_severe"), "pain in the lower back, side, tummy or groin", *risk]
    if flags.faint_dizzy and flags.sudden_severe:
        return _yes(s, "sudden_severe", "faint_dizzy")
    severe = [f"pain of {s.intensity}/10"] if s.intensity >= SEVERE_PAIN else []
    alarm = _yes(s, "faint_dizzy") + severe
    if history.aortic_aneurysm and alarm:
        return [_history("aortic_aneurysm"), *alarm]
    if flags.pulsating_abdomen and risk and alarm:
        return [*_yes(s, "pulsating_abdomen"), *alarm, *risk]
    return []


def lung_clot_or_collapse(s: Screening) -> list[str]:
    flags = s.red_flags
    if flags.coughing_blood:
        return _yes(s, "coughing_blood", "breathless")
    clot_risk = _risks(s, "recent_immobility")
    if s.is_pregnant:
        clot_risk.append("pregnancy")
    if flags.breathless:
        companions = _yes(s, "pain_on_breathing", "calf_swelling", "chest_pain")
        companions += _risks(s, "recent_immobility")
        if companions:
            return [*_yes(s, "breathless"), *companions]
    if flags.pain_on_breathing:
        companions = _yes(s, "calf_swelling") + clot_risk
        if companions:
            return [*_yes(s, "pain_on_breathing"), *companions]
    return []


def severe_abdominal_pain(s: Screening) -> list[str]:
    if BodyArea.ABDOMEN not in s.area_set or s.intensity < SEVERE_PAIN:
        return []
    signs = _yes(s, "cold_sweat", "nausea", "faint_dizzy")
    return [f"tummy pain of {s.intensity}/10", *signs] if signs else []


def cancer_with_nerve_symptoms(s: Screening) -> list[str]:
    if not s.history.cancer:
        return []
    signs = _yes(s, *_NERVE_SIGNS, *_CES_SIGNS, "both_legs_symptoms")
    return [_history("cancer"), *signs] if signs else []


def serious_infection(s: Screening) -> list[str]:
    flags = s.red_flags
    if flags.very_unwell:
        return _yes(s, "very_unwell", "fever")
    if flags.fever:
        signs = _yes(s, *_NERVE_SIGNS, "colicky_pain")
        return [*_yes(s, "fever"), *signs] if signs else []
    # A suspected spine infection (a risk factor with worrying pain) that has reached the
    # nerves is an emergency with or without a fever (reference §2a).
    suspected = infection_risk(s)
    nerves = _yes(s, *_NERVE_SIGNS)
    return [*suspected, *nerves] if suspected and nerves else []


def pregnancy_warning(s: Screening) -> list[str]:
    if s.pregnancy is None:
        return []
    signs = [
        f"you said: {PregnancySigns.model_fields[name].description}"
        for name in PregnancySigns.model_fields
        if getattr(s.pregnancy, name)
    ]
    # Pain in waves may be labour whatever its cause; a fever needs the maternity team too.
    signs += _yes(s, "colicky_pain", "fever")
    weeks = s.pregnant_weeks
    pregnant = "pregnant" if weeks is None else f"{counted(weeks, 'week')} pregnant"
    return [pregnant, *signs] if signs else []


def anticoagulant_bleed(s: Screening) -> list[str]:
    if s.history.anticoagulants and s.red_flags.sudden_severe:
        return [_history("anticoagulants"), *_yes(s, "sudden_severe")]
    return []


# --- urgent ------------------------------------------------------------------------------


def spinal_infection(s: Screening) -> list[str]:
    return _yes(s, "fever")


def kidney_infection(s: Screening) -> list[str]:
    if not s.red_flags.fever:
        return []
    evidence = _yes(s, "urinary_symptoms")
    if s.area_set & {BodyArea.FLANK_LEFT, BodyArea.FLANK_RIGHT}:
        evidence.append("pain in the side, under the ribs")
    return [*_yes(s, "fever"), *evidence] if evidence else []


def kidney_stone(s: Screening) -> list[str]:
    return _yes(s, "colicky_pain")


def _infection_warning(s: Screening) -> list[str]:
    warning = _yes(s, "night_pain", "night_sweats")
    if s.trend is Trend.WORSE:
        warning.append("the pain is getting worse")
    return warning


def infection_risk(s: Screening) -> list[str]:
    risks = _risks(s, *_INFECTION_RISKS)
    warning = _infection_warning(s)
    return [*risks, *warning] if risks and warning else []


def _cancer_features(s: Screening) -> list[str]:
    """NICE NG234's pain features that raise concern after cancer."""
    features = _yes(s, "night_pain", "weight_loss", "night_sweats")
    if s.has_upper_back:
        features.append("pain in the upper or middle back")
    if s.has_leg_pain:
        features.append("pain spreading into a leg")
    if s.trend is Trend.WORSE:
        features.append("the pain is getting worse")
    if s.intensity >= SEVERE_PAIN:
        features.append(f"pain of {s.intensity}/10")
    if s.duration_days >= CANCER_NOT_IMPROVING_DAYS and s.trend is not Trend.BETTER:
        features.append(f"pain for {counted(s.duration_days, 'day')} that is not getting better")
    return features


def cancer_warning(s: Screening) -> list[str]:
    if not s.history.cancer:
        return []
    features = _cancer_features(s)
    return [_history("cancer"), *features] if features else []


def weight_loss(s: Screening) -> list[str]:
    return _yes(s, "weight_loss")


def night_pain(s: Screening) -> list[str]:
    return _yes(s, "night_pain")


def fragility_fracture(s: Screening) -> list[str]:
    risks = _risks(s, "osteoporosis", "long_term_steroids")
    if s.age >= FRAGILITY_AGE:
        risks.append(f"age {s.age}")
    if not risks:
        return []
    trigger = _FRACTURE_TRIGGERS.get(s.injury)
    if trigger is None and s.onset is Onset.SUDDEN:
        trigger = "the pain started suddenly"  # with a lift, a movement or by itself
    return [*risks, trigger] if trigger else []


def spinal_deformity(s: Screening) -> list[str]:
    return _yes(s, "deformity")


def progressive_weakness(s: Screening) -> list[str]:
    return _yes(s, "weakness_worsening")


def spinal_cord_symptoms(s: Screening) -> list[str]:
    return _yes(s, "unsteady_walking", "trunk_band_numbness")


def shingles(s: Screening) -> list[str]:
    return _yes(s, "rash_band")


def known_aneurysm(s: Screening) -> list[str]:
    if s.history.aortic_aneurysm:
        return [_history("aortic_aneurysm")]
    risk = _aaa_risk(s)
    if s.red_flags.pulsating_abdomen and risk:
        return [*_yes(s, "pulsating_abdomen"), *risk]
    return []


def jaundice(s: Screening) -> list[str]:
    return _yes(s, "jaundice")


def breathless(s: Screening) -> list[str]:
    return _yes(s, "breathless")


def faint(s: Screening) -> list[str]:
    return _yes(s, "faint_dizzy")


def possible_dvt(s: Screening) -> list[str]:
    return _yes(s, "calf_swelling")


def pain_on_breathing(s: Screening) -> list[str]:
    return _yes(s, "pain_on_breathing")


def possible_angina(s: Screening) -> list[str]:
    return _yes(s, "exertion_pain")


def tearing_after_strain(s: Screening) -> list[str]:
    if not s.red_flags.tearing_pain or s.injury not in _STRAINS:
        return []
    risk = _heart_risk(s)
    return [*_yes(s, "tearing_pain"), *risk] if risk else []


def anticoagulant_fall(s: Screening) -> list[str]:
    if s.history.anticoagulants and s.injury is Injury.MINOR_FALL:
        return [_history("anticoagulants"), "the pain started after a fall"]
    return []


def sudden_severe_pain(s: Screening) -> list[str]:
    return _yes(s, "sudden_severe")


def new_pain_both_thighs(s: Screening) -> list[str]:
    # Below a knee, bilateral_leg_symptoms (emergency) speaks instead.
    if s.pain_below_knee:
        return []
    return _new_pain_in_both_legs(s)


# --- soon --------------------------------------------------------------------------------


def under_16(s: Screening) -> list[str]:
    return [f"age {s.age}"] if s.is_child else []


def cancer_history(s: Screening) -> list[str]:
    # With any NG234 pain feature, cancer_warning (urgent) speaks instead.
    if s.history.cancer and not _cancer_features(s):
        return [_history("cancer")]
    return []


def not_improving_over_50(s: Screening) -> list[str]:
    # New pain after 50 that has not improved in a month: a weak cancer flag on its own
    # (Finucane 2020; Downie 2013), worth a GP's look but not the same day.
    if s.age < OLDER_AGE or s.trend is Trend.BETTER:
        return []
    if not CANCER_NOT_IMPROVING_DAYS <= s.duration_days <= NOT_IMPROVING_DAYS:
        return []  # longer than that, not_improving speaks for everyone
    return [f"age {s.age}, pain for {counted(s.duration_days, 'day')} that is not getting better"]


def not_improving(s: Screening) -> list[str]:
    if s.duration_days <= NOT_IMPROVING_DAYS or s.trend is Trend.BETTER:
        return []
    trend = "getting worse" if s.trend is Trend.WORSE else "not getting better"
    return [f"pain for {s.duration_days // 7} weeks and {trend}"]


def getting_worse(s: Screening) -> list[str]:
    # NHS: see a GP if back pain gets worse over time; two weeks lets a fresh strain settle.
    if s.trend is Trend.WORSE and s.duration_days >= WORSENING_DAYS:
        return [f"pain for {counted(s.duration_days, 'day')} that is getting worse"]
    return []


def stable_leg_weakness(s: Screening) -> list[str]:
    # Worsening or two-sided weakness fires the more urgent flags instead; this one
    # covers the rest, so it never speaks of "not getting worse" when it is.
    flags = s.red_flags
    if flags.weakness_worsening or flags.both_legs_symptoms:
        return []
    return _yes(s, "leg_weakness")


def stable_bilateral_legs(s: Screening) -> list[str]:
    if s.leg_sides == 2 and s.duration_days > NEW_BILATERAL_DAYS and s.trend is not Trend.WORSE:
        lasted = counted(s.duration_days, "day")
        return [f"pain in both legs on the body map for {lasted}, not getting worse"]
    return []


def infection_risk_factor(s: Screening) -> list[str]:
    # With a warning sign, infection_risk (urgent) speaks instead.
    if _infection_warning(s):
        return []
    return _risks(s, *_INFECTION_RISKS)


def urinary_symptoms(s: Screening) -> list[str]:
    if s.red_flags.fever:
        return []  # kidney_infection (urgent) speaks instead
    return _yes(s, "urinary_symptoms")


def pulsating_tummy(s: Screening) -> list[str]:
    if _aaa_risk(s):
        return []  # known_aneurysm (urgent) speaks instead
    return _yes(s, "pulsating_abdomen")


def night_sweats(s: Screening) -> list[str]:
    return _yes(s, "night_sweats")


def severe_worsening(s: Screening) -> list[str]:
    if s.intensity >= VERY_SEVERE_PAIN and s.trend is Trend.WORSE:
        return [f"pain of {s.intensity}/10 that is getting worse"]
    return []


# --- soon, from the later answers ---------------------------------------------------------


def inflammatory_pattern(intake: Intake) -> list[str]:
    years = intake.duration_days / 365.25
    if (
        intake.duration_days < INFLAMMATORY_MIN_DAYS
        or intake.age - years >= INFLAMMATORY_ONSET_BEFORE
    ):
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
    if Aggravator.RESTING in intake.worse_with:
        features.append("worse when resting")
    if len(features) < 2:
        return []
    return [f"pain for {intake.duration_days // 30} months, starting before age 45", *features]


def gallbladder_pattern(intake: Intake) -> list[str]:
    # With a high temperature or yellow skin, spinal_infection and jaundice (urgent) speak
    # instead, as the trigger says; this flag's "book a GP" advice would contradict them.
    if intake.red_flags.fever or intake.red_flags.jaundice:
        return []
    return ["pain after fatty meals"] if Aggravator.FATTY_MEALS in intake.worse_with else []


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
        serious_infection,
        pregnancy_warning,
        anticoagulant_bleed,
        spinal_infection,
        kidney_infection,
        kidney_stone,
        infection_risk,
        cancer_warning,
        weight_loss,
        night_pain,
        fragility_fracture,
        spinal_deformity,
        progressive_weakness,
        spinal_cord_symptoms,
        shingles,
        known_aneurysm,
        jaundice,
        breathless,
        faint,
        possible_dvt,
        pain_on_breathing,
        possible_angina,
        tearing_after_strain,
        anticoagulant_fall,
        sudden_severe_pain,
        new_pain_both_thighs,
        under_16,
        cancer_history,
        not_improving_over_50,
        not_improving,
        getting_worse,
        stable_leg_weakness,
        stable_bilateral_legs,
        infection_risk_factor,
        urinary_symptoms,
        pulsating_tummy,
        night_sweats,
        severe_worsening,
    )
}

DETAIL_RULES: dict[str, DetailRule] = {
    rule.__name__: rule for rule in (inflammatory_pattern, gallbladder_pattern)
}
