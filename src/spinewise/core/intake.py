"""The intake: one person's answers to the questionnaire (contract ``spinewise.intake/2``).

An intake has two parts, asked in this order:

- the **screening** (``Screening``): where it hurts, who the person is, the basics of this
  pain, and every safety answer (warning signs, pregnancy signs, health background).
  The red-flag rules read only this part, so triage is settled before any advice.
- the **details** (the rest of ``Intake``): what the pain is like, what changes it and the
  person's day, which the causes, habits and the plan use.

A complete intake carries every answer. A client may stop early only where the
questionnaire itself stops: once the answers given reach an emergency, or once every
safety answer is given and the verdict is urgent or the person is under 16
(``parse_intake``). Anything half-valid is rejected with every bad field named.
"""

from __future__ import annotations

import json
import unicodedata
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from spinewise.core.instruments import answer_problems, packaged_instrument

SCHEMA_ID = "spinewise.intake/2"
# The packaged instrument the optional ``recovery`` answers belong to.
RECOVERY_SCREEN = "recovery_screen"
RETIRED_SCHEMAS = ("spinewise.intake/1",)
ADULT_AGE = 16


class BodyArea(StrEnum):
    NECK = "neck"
    UPPER_BACK_CENTRE = "upper_back_centre"
    UPPER_BACK_LEFT = "upper_back_left"
    UPPER_BACK_RIGHT = "upper_back_right"
    MID_BACK_CENTRE = "mid_back_centre"
    MID_BACK_LEFT = "mid_back_left"
    MID_BACK_RIGHT = "mid_back_right"
    LOWER_BACK_CENTRE = "lower_back_centre"
    LOWER_BACK_LEFT = "lower_back_left"
    LOWER_BACK_RIGHT = "lower_back_right"
    BUTTOCK_LEFT = "buttock_left"
    BUTTOCK_RIGHT = "buttock_right"
    LEG_ABOVE_KNEE_LEFT = "leg_above_knee_left"
    LEG_ABOVE_KNEE_RIGHT = "leg_above_knee_right"
    LEG_BELOW_KNEE_LEFT = "leg_below_knee_left"
    LEG_BELOW_KNEE_RIGHT = "leg_below_knee_right"
    CHEST = "chest"
    RIBS_LEFT = "ribs_left"
    RIBS_RIGHT = "ribs_right"
    ABDOMEN = "abdomen"
    FLANK_LEFT = "flank_left"
    FLANK_RIGHT = "flank_right"
    GROIN = "groin"


# Thoracic spine: the upper back between the shoulder blades and the mid-back below it.
UPPER_BACK_AREAS = frozenset(
    {
        BodyArea.UPPER_BACK_CENTRE,
        BodyArea.UPPER_BACK_LEFT,
        BodyArea.UPPER_BACK_RIGHT,
        BodyArea.MID_BACK_CENTRE,
        BodyArea.MID_BACK_LEFT,
        BodyArea.MID_BACK_RIGHT,
    }
)
LOWER_BACK_AREAS = frozenset(
    {BodyArea.LOWER_BACK_CENTRE, BodyArea.LOWER_BACK_LEFT, BodyArea.LOWER_BACK_RIGHT}
)
# Lumbar region in the wide sense: lower back, buttocks and the sides below the ribs.
LOWER_REGION_AREAS = LOWER_BACK_AREAS | {
    BodyArea.BUTTOCK_LEFT,
    BodyArea.BUTTOCK_RIGHT,
    BodyArea.FLANK_LEFT,
    BodyArea.FLANK_RIGHT,
}
CHEST_AREAS = frozenset({BodyArea.CHEST, BodyArea.RIBS_LEFT, BodyArea.RIBS_RIGHT})
FLANK_AREAS = frozenset({BodyArea.FLANK_LEFT, BodyArea.FLANK_RIGHT})
# Where a leaking or torn abdominal aorta is felt: tummy, lower back, sides and groin.
LOWER_TRUNK_AREAS = LOWER_REGION_AREAS | {BodyArea.ABDOMEN, BodyArea.GROIN}
LEFT_LEG_AREAS = frozenset({BodyArea.LEG_ABOVE_KNEE_LEFT, BodyArea.LEG_BELOW_KNEE_LEFT})
RIGHT_LEG_AREAS = frozenset({BodyArea.LEG_ABOVE_KNEE_RIGHT, BodyArea.LEG_BELOW_KNEE_RIGHT})
BELOW_KNEE_AREAS = frozenset({BodyArea.LEG_BELOW_KNEE_LEFT, BodyArea.LEG_BELOW_KNEE_RIGHT})


class PainQuality(StrEnum):
    DULL_ACHE = "dull_ache"
    STIFFNESS = "stiffness"
    SHARP = "sharp"
    SHOOTING = "shooting"
    BURNING = "burning"
    TIGHT_TENSE = "tight_tense"
    TINGLING = "tingling"
    NUMBNESS = "numbness"
    BAND_LIKE = "band_like"
    THROBBING = "throbbing"


class Onset(StrEnum):
    GRADUAL = "gradual"
    SUDDEN = "sudden"


class Injury(StrEnum):
    NONE = "none"
    LIFTING = "lifting"
    AWKWARD_MOVEMENT = "awkward_movement"
    SPORT = "sport"
    UNUSUAL_ACTIVITY = "unusual_activity"
    COUGH_SNEEZE = "cough_sneeze"
    MINOR_FALL = "minor_fall"
    MAJOR_TRAUMA = "major_trauma"


class Trend(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


class Aggravator(StrEnum):
    SITTING = "sitting"
    STANDING = "standing"
    BENDING = "bending"
    LIFTING = "lifting"
    TWISTING = "twisting"
    LEANING_BACK = "leaning_back"
    WALKING = "walking"
    LYING_DOWN = "lying_down"
    RESTING = "resting"
    COUGH_SNEEZE = "cough_sneeze"
    BREATHING_IN = "breathing_in"
    SCREEN_WORK = "screen_work"
    CARRYING_BAGS = "carrying_bags"
    SPORT = "sport"
    STRESS = "stress"
    END_OF_DAY = "end_of_day"
    FATTY_MEALS = "fatty_meals"


class Reliever(StrEnum):
    WALKING = "walking"
    MOVING_AROUND = "moving_around"
    EXERCISE = "exercise"
    REST = "rest"
    LYING_DOWN = "lying_down"
    CHANGING_POSITION = "changing_position"
    SITTING_LEANING_FORWARD = "sitting_leaning_forward"
    HEAT = "heat"
    MASSAGE = "massage"
    DAYS_OFF = "days_off"
    NOTHING = "nothing"


class TimePattern(StrEnum):
    NO_PATTERN = "no_pattern"
    MORNING_STIFFNESS_SHORT = "morning_stiffness_short"
    MORNING_STIFFNESS_LONG = "morning_stiffness_long"
    WORSE_END_OF_DAY = "worse_end_of_day"
    WORSE_AT_NIGHT = "worse_at_night"
    WAKES_SECOND_HALF_NIGHT = "wakes_second_half_night"
    CONSTANT = "constant"


class Episodes(StrEnum):
    FIRST_TIME = "first_time"
    BEFORE_RECOVERED = "before_recovered"
    BEFORE_ONGOING = "before_ongoing"


class PainkillerEffect(StrEnum):
    NOT_TRIED = "not_tried"
    HELP = "help"
    HELP_LITTLE = "help_little"
    NO_HELP = "no_help"


class BagCarrying(StrEnum):
    NONE = "none"
    LIGHT = "light"
    BACKPACK_BOTH_SHOULDERS = "backpack_both_shoulders"
    HEAVY_ONE_SHOULDER = "heavy_one_shoulder"


class Breaks(StrEnum):
    REGULAR = "regular"
    SOMETIMES = "sometimes"
    RARELY = "rarely"


def _printable(value: str) -> str:
    """Free text may hold line breaks and tabs, but no other control characters (a NUL
    cannot even be stored in PostgreSQL)."""
    bad = [c for c in value if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    if bad:
        raise ValueError("must not contain control characters")
    return value


FreeText = Annotated[str, AfterValidator(_printable)]

# Each list answer names a choice at most once; the JSON Schema says so too.
_UNIQUE: Any = {"json_schema_extra": {"uniqueItems": True}}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Habits(_Strict):
    sitting_hours: float = Field(ge=0, le=24, description="Hours a day spent sitting.")
    screen_hours: float = Field(ge=0, le=24, description="Hours a day looking at screens.")
    sitting_breaks: Breaks = Field(description="How often long sitting is broken up.")
    exercise_days: int = Field(ge=0, le=7, description="Days a week with 30+ minutes of exercise.")
    strength_days: int = Field(ge=0, le=7, description="Days a week with strength training.")
    painkiller_days: int = Field(ge=0, le=7, description="Days a week painkillers are taken.")
    bag_carrying: BagCarrying
    stress: int = Field(ge=0, le=10, description="Stress lately, 0 (none) to 10 (extreme).")
    slouching: bool = Field(description="Often slouches or hunches over screens or a phone.")
    head_forward: bool = Field(description="Head pokes forward towards the screen.")
    repetitive_work: bool = Field(description="Work repeats the same movement or lifting.")
    sport: FreeText | None = Field(default=None, max_length=80, description="Main sport, if any.")
    training_increase: bool = Field(
        description="Training or physical work increased sharply in the last two months."
    )


# Each description below is the plain phrase the result quotes back ("you said yes: ...").


class History(_Strict):
    """Health background: facts that make some warning signs more or less likely."""

    cancer: bool = Field(
        description="cancer at some time (not counting a minor skin cancer that was only removed)"
    )
    minor_skin_cancer: bool = Field(
        description="only a minor skin cancer (not melanoma) that was removed from the skin"
    )
    osteoporosis: bool = Field(description="osteoporosis or thin bones")
    long_term_steroids: bool = Field(description="steroid tablets for 3 months or more")
    immunosuppressed: bool = Field(
        description="a weakened immune system (chemotherapy, biologics, HIV, transplant drugs)"
    )
    anticoagulants: bool = Field(
        description="blood-thinning medicine such as warfarin, apixaban or rivaroxaban"
    )
    iv_drug_use: bool = Field(description="injecting drugs")
    recent_infection: bool = Field(
        description="a serious infection, such as an abscess or an infected wound, in the last "
        "3 months"
    )
    recent_spinal_surgery: bool = Field(
        description="an operation, injection, epidural or spinal anaesthetic, or a lumbar "
        "puncture in the last 12 months"
    )
    aortic_aneurysm: bool = Field(description="a known aortic aneurysm")
    heart_risk: bool = Field(
        description="heart disease, high blood pressure, diabetes, high cholesterol or smoking"
    )
    recent_immobility: bool = Field(
        description="a long journey, an operation or days in bed in the last 4 weeks"
    )
    usual_leaks: bool = Field(
        description="leaking a little when coughing, sneezing or laughing, as before this pain"
    )
    usual_breathlessness: bool = Field(
        description="getting out of breath with exercise or asthma, the same as usual"
    )


class RedFlags(_Strict):
    """The warning-sign answers, each yes or no."""

    # nerves, bladder and bowel
    saddle_numbness: bool = Field(
        description="new numbness or tingling around the genitals, bottom or inner thighs"
    )
    bladder_change: bool = Field(
        description="new trouble peeing that is not normal for you (hard to start, can't go, "
        "can't feel it, or wetting yourself without warning)"
    )
    bowel_change: bool = Field(
        description="new loss of bowel control or of feeling in the back passage"
    )
    sexual_dysfunction: bool = Field(
        description="new loss of feeling in the genitals or new trouble with erection or "
        "ejaculation"
    )
    both_legs_symptoms: bool = Field(
        description="pain, numbness, tingling or weakness in both legs that is new or getting worse"
    )
    leg_weakness: bool = Field(description="a leg or foot that feels weak or gives way")
    weakness_worsening: bool = Field(
        description="leg weakness that is getting worse, or a foot that slaps or drags"
    )
    unsteady_walking: bool = Field(
        description="new unsteady or clumsy walking, tripping or stumbling, or stiff, heavy legs"
    )
    trunk_band_numbness: bool = Field(description="a band of numbness around the chest or tummy")
    # heart and breathing
    chest_pain: bool = Field(description="new chest pain, pressure, tightness or heaviness")
    arm_jaw_pain: bool = Field(
        description="an ache, heaviness or tightness spreading to the arm, jaw or throat"
    )
    exertion_pain: bool = Field(
        description="pain or tightness in the chest, upper back, arm or jaw that comes on with "
        "effort and goes with rest"
    )
    breathless: bool = Field(
        description="new shortness of breath at rest or with very little effort"
    )
    pain_on_breathing: bool = Field(
        description="new sharp pain in the chest, side or back when breathing in"
    )
    coughing_blood: bool = Field(description="coughing up blood")
    calf_swelling: bool = Field(description="one calf swollen, painful, warm or red")
    cold_sweat: bool = Field(description="cold sweats or clammy skin with the pain")
    nausea: bool = Field(description="feeling sick or being sick with the pain")
    unusual_tiredness: bool = Field(
        description="new, unusual tiredness or exhaustion that came on with the pain"
    )
    faint_dizzy: bool = Field(description="feeling faint or light-headed, or passing out")
    # sudden or unusual pain
    sudden_severe: bool = Field(
        description="pain that came on suddenly by itself and was severe within minutes"
    )
    tearing_pain: bool = Field(
        description="sudden, severe tearing or ripping pain in the chest, back or tummy"
    )
    pulsating_abdomen: bool = Field(description="a new pulsing or throbbing feeling in the tummy")
    colicky_pain: bool = Field(
        description="severe pain in the side or back that comes in waves, perhaps into the groin "
        "(not period pains)"
    )
    rash_band: bool = Field(
        description="a rash, blisters or a strip of burning skin on one side of the body"
    )
    deformity: bool = Field(description="a new lump, step or change in the shape of the spine")
    # infection and general health
    fever: bool = Field(description="a high temperature, or feeling hot and shivery")
    very_unwell: bool = Field(description="confusion, great drowsiness or feeling very unwell")
    weight_loss: bool = Field(description="losing weight without trying")
    night_sweats: bool = Field(description="night sweats that soak the bedclothes")
    night_pain: bool = Field(
        description="constant pain that does not ease with lying still, changing position or "
        "getting up, often worse at night"
    )
    urinary_symptoms: bool = Field(
        description="burning or stinging when peeing, peeing much more often, or blood in the pee"
    )
    jaundice: bool = Field(description="yellow skin or yellow whites of the eyes")


class PregnancySigns(_Strict):
    """Warning signs asked only in pregnancy."""

    contractions: bool = Field(
        description="tightenings or back pain that keep coming back regularly, or pain in waves "
        "like contractions"
    )
    bleeding: bool = Field(description="bleeding from the vagina")
    fluid_leak: bool = Field(description="fluid leaking from the vagina")
    preeclampsia_signs: bool = Field(
        description="a bad headache, blurred vision or flashing lights, or pain just below the "
        "ribs on the right"
    )


# The sections of the safety answers, in the order a person is asked them.
SAFETY_SECTIONS: dict[str, type[_Strict]] = {
    "red_flags": RedFlags,
    "pregnancy": PregnancySigns,
    "history": History,
}


class Screening(_Strict):
    """The first part of an intake: everything the red-flag rules read."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_id: Literal["spinewise.intake/2"] = Field(alias="schema")
    areas: list[BodyArea] = Field(description="Where it hurts (body map).", **_UNIQUE)
    age: int = Field(ge=1, le=120)
    sex: Literal["female", "male", "other"]
    pregnant_weeks: int | None = Field(
        default=None, ge=1, le=45, description="Weeks pregnant, or null when not pregnant."
    )
    duration_days: int = Field(ge=0, le=36500, description="Days since the pain started.")
    onset: Onset
    injury: Injury = Field(description="What set the pain off, if anything.")
    intensity: int = Field(ge=0, le=10, description="Pain now, 0 (none) to 10 (worst possible).")
    trend: Trend = Field(description="Over the last few days.")
    red_flags: RedFlags
    pregnancy: PregnancySigns | None = Field(
        default=None, description="Pregnancy warning signs: required in pregnancy, else null."
    )
    history: History

    # Safety answers a client left out because the questionnaire had already stopped
    # (parse_intake); each counts as "no", which can only lower a rule's chance to fire.
    _unanswered: frozenset[str] = PrivateAttr(default=frozenset())

    @model_validator(mode="after")
    def _consistent(self) -> Screening:
        if self.pregnant_weeks is not None and self.sex == "male":
            raise ValueError("pregnant_weeks must be null when sex is male")
        if self.pregnant_weeks is None and self.pregnancy is not None:
            raise ValueError("pregnancy must be null when pregnant_weeks is null")
        if self.pregnant_weeks is not None and self.pregnancy is None:
            raise ValueError("pregnancy is required when pregnant_weeks is given")
        if len(self.areas) != len(set(self.areas)):
            raise ValueError("areas lists the same answer twice")
        return self

    @property
    def unanswered(self) -> frozenset[str]:
        """Dotted names of safety questions not asked because the questionnaire stopped."""
        return self._unanswered

    @property
    def is_complete(self) -> bool:
        return False

    def as_data(self) -> dict[str, Any]:
        """These answers in the contract's JSON shape, leaving out questions never asked."""
        data = self.model_dump(mode="json", by_alias=True)
        for dotted in self._unanswered:
            section, name = dotted.split(".")
            data[section].pop(name, None)
        return data

    # Derived facts the rules read; kept here so every rule reads them the same way.
    @property
    def area_set(self) -> frozenset[BodyArea]:
        return frozenset(self.areas)

    @property
    def has_upper_back(self) -> bool:
        return bool(self.area_set & UPPER_BACK_AREAS)

    @property
    def has_lower_back(self) -> bool:
        return bool(self.area_set & LOWER_REGION_AREAS)

    @property
    def has_chest(self) -> bool:
        return bool(self.area_set & CHEST_AREAS)

    @property
    def has_lower_trunk(self) -> bool:
        return bool(self.area_set & LOWER_TRUNK_AREAS)

    @property
    def leg_sides(self) -> int:
        left = bool(self.area_set & LEFT_LEG_AREAS)
        right = bool(self.area_set & RIGHT_LEG_AREAS)
        return int(left) + int(right)

    @property
    def has_leg_pain(self) -> bool:
        return self.leg_sides > 0

    @property
    def pain_below_knee(self) -> bool:
        return bool(self.area_set & BELOW_KNEE_AREAS)

    @property
    def is_pregnant(self) -> bool:
        return self.pregnant_weeks is not None

    @property
    def is_child(self) -> bool:
        return self.age < ADULT_AGE

    @property
    def weeks(self) -> float:
        return self.duration_days / 7


class Intake(Screening):
    """A complete intake: the screening plus the details the advice and the plan use."""

    pain_qualities: list[PainQuality] = Field(min_length=1, **_UNIQUE)
    worse_with: list[Aggravator] = Field(default=[], **_UNIQUE)
    better_with: list[Reliever] = Field(default=[], **_UNIQUE)
    time_pattern: list[TimePattern] = Field(default=[], **_UNIQUE)
    episodes: Episodes = Field(description="Whether back pain like this has happened before.")
    painkiller_effect: PainkillerEffect = Field(description="Whether painkillers help.")
    habits: Habits
    recovery: dict[str, str] | None = Field(
        default=None,
        description=(
            "Answers to the recovery screen (content/instruments/recovery_screen.yaml), item "
            "id to answer value; null or absent when the person was not screened."
        ),
    )

    @field_validator("recovery")
    @classmethod
    def _screen_answers(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        if value is not None:
            problems = answer_problems(packaged_instrument(RECOVERY_SCREEN), value)
            if problems:
                raise ValueError("; ".join(f"{item}: {reason}" for item, reason in problems))
        return value

    @model_validator(mode="after")
    def _no_repeats(self) -> Intake:
        for name in ("pain_qualities", "worse_with", "better_with", "time_pattern"):
            values = getattr(self, name)
            if len(values) != len(set(values)):
                raise ValueError(f"{name} lists the same answer twice")
        return self

    @property
    def is_complete(self) -> bool:
        return True


SCREENING_FIELDS = tuple(Screening.model_fields)
DETAIL_FIELDS = tuple(name for name in Intake.model_fields if name not in SCREENING_FIELDS)
# The part of the screening asked before any safety question: where, who, this pain.
ABOUT_FIELDS = tuple(
    name for name in SCREENING_FIELDS if name not in SAFETY_SECTIONS and name != "schema_id"
)


def safety_fields(pregnant: bool) -> list[str]:
    """Dotted names of every safety question a person is asked."""
    return [
        f"{section}.{name}"
        for section, model in SAFETY_SECTIONS.items()
        if pregnant or section != "pregnancy"
        for name in model.model_fields
    ]


def known_red_flags(names: list[str]) -> list[str]:
    """The names, each once, if all are warning signs; ValueError naming any other."""
    known = {*RedFlags.model_fields, *PregnancySigns.model_fields}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(f"unknown red-flag question(s): {', '.join(unknown)}")
    return list(dict.fromkeys(names))


def describe_red_flags(names: list[str]) -> list[str]:
    """Each warning sign's plain wording, as a sentence start ("A high temperature...")."""
    fields = {**RedFlags.model_fields, **PregnancySigns.model_fields}
    phrases = [fields[name].description or name for name in names]
    return [phrase[:1].upper() + phrase[1:] for phrase in phrases]


class IntakeError(ValueError):
    """An intake that does not match the contract; ``problems`` names every bad field."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in problems))


def _field_problems_with_kind(exc: ValidationError) -> list[tuple[str, str, str]]:
    problems = []
    for error in exc.errors():
        loc = [str(part) for part in error["loc"]]
        if loc and loc[0] == "schema_id":
            loc[0] = "schema"
        problems.append((".".join(loc) or "(intake)", error["msg"], error["type"]))
    return problems


def _field_problems(exc: ValidationError) -> list[tuple[str, str]]:
    return [(field, reason) for field, reason, _ in _field_problems_with_kind(exc)]


def _validate(model: type[Screening], data: dict[str, Any], strict: bool = False) -> Screening:
    try:
        return _checked(model, data, strict)
    except ValidationError as exc:
        raise IntakeError(_field_problems(exc)) from exc


def _checked(model: type[Screening], data: dict[str, Any], strict: bool) -> Screening:
    """Validates ``data``; strictly as JSON (true is not 1, "4" is not 4) when asked."""
    if strict:
        return model.model_validate_json(json.dumps(data), strict=True)
    return model.model_validate(data)


def _missing_answers(data: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(safety answers left out, detail answers left out) of raw intake data."""
    pregnant = data.get("pregnant_weeks") is not None
    missing_safety = []
    for dotted in safety_fields(pregnant):
        section, name = dotted.split(".")
        answers = data.get(section)
        if not isinstance(answers, dict) or name not in answers:
            missing_safety.append(dotted)
    missing_details = [
        name
        for name in DETAIL_FIELDS
        if name not in data and Intake.model_fields[name].is_required()
    ]
    return missing_safety, missing_details


def _with_safety_filled(data: dict[str, Any], missing: list[str]) -> dict[str, Any]:
    kept = {key: value for key, value in data.items() if key in Screening.model_fields}
    if "schema" in data:
        kept["schema"] = data["schema"]
    for dotted in missing:
        section, name = dotted.split(".")
        given = kept.get(section)
        kept[section] = {**(given if isinstance(given, dict) else {}), name: False}
    return kept


def screening_so_far(data: dict[str, Any], strict: bool = False) -> Screening:
    """The screening from answers that may not include every safety answer yet.

    Unanswered safety questions count as no (and are listed in ``unanswered``): the rules
    fire only on yes, so this can show what the answers given already mean, never more.
    Raises IntakeError when the answers before the safety questions are incomplete.
    """
    missing_safety, _ = _missing_answers(data)
    screening = _validate(Screening, _with_safety_filled(data, missing_safety), strict)
    screening._unanswered = frozenset(missing_safety)
    return screening


def parse_intake(data: Any, strict: bool = False) -> Intake | Screening:
    """Validates raw JSON data as an intake, or raises IntakeError naming each bad field.

    A complete intake comes back as ``Intake``. Data that leaves answers out comes back as
    a ``Screening`` only when the questionnaire would have stopped at that point (see
    ``core.stopping``); otherwise every missing answer is named, with every bad one.
    ``strict`` reads the data as JSON's own types (for the API: true is not a number).
    """
    # The stopping rule needs triage, which sits above this module.
    from spinewise.core.stopping import stop_reason

    if not isinstance(data, dict):
        raise IntakeError([("(intake)", "must be a JSON object")])
    if data.get("schema") in RETIRED_SCHEMAS:
        raise IntakeError(
            [
                (
                    "schema",
                    f"{data['schema']} is retired: it lacks safety questions added since; "
                    f"send {SCHEMA_ID} (see `spinewise intake-schema`)",
                )
            ]
        )
    try:
        return _checked(Intake, data, strict)
    except ValidationError as exc:
        errors = exc
    missing_safety, missing_details = _missing_answers(data)
    may_be_missing = {*missing_safety, *missing_details}
    may_be_missing |= {field.split(".")[0] for field in missing_safety}  # a whole section
    wrong = [
        (field, reason)
        for field, reason, kind in _field_problems_with_kind(errors)
        if not (kind == "missing" and field in may_be_missing)
    ]
    if wrong or not may_be_missing:
        # Something is wrong besides answers left out: name every problem, missing ones too.
        raise IntakeError(_field_problems(errors))
    screening = screening_so_far(data, strict)
    if stop_reason(screening, safety_complete=not missing_safety) is not None:
        return screening
    reason = "required: the answers given do not reach a verdict that ends the questionnaire"
    raise IntakeError([(field, reason) for field in [*missing_safety, *missing_details]])


def complete_intake(data: Any) -> Intake:
    """Like ``parse_intake`` but insists on every answer (for plans and saved programmes)."""
    parsed = parse_intake(data)
    if not isinstance(parsed, Intake):
        raise IntakeError([("(intake)", "the questionnaire stopped early: no plan is made")])
    return parsed


def load_intake(path: Path) -> Intake | Screening:
    """Reads an intake JSON file; unreadable or invalid files raise IntakeError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise IntakeError([("(file)", f"{path} not found")]) from exc
    except json.JSONDecodeError as exc:
        raise IntakeError([("(file)", f"{path} is not valid JSON: {exc}")]) from exc
    return parse_intake(data)


def _recovery_schema() -> dict[str, Any]:
    """The recovery answers' shape, read from the screen itself (one definition)."""
    screen = packaged_instrument(RECOVERY_SCREEN)
    return {
        "title": screen.title,
        "type": "object",
        "description": f"{screen.intro} {screen.note or ''}".strip(),
        "properties": {
            item.id: {"description": item.text, "enum": [o.value for o in item.options]}
            for item in screen.items
        },
        "required": [item.id for item in screen.items],
        "additionalProperties": False,
    }


def intake_json_schema() -> dict[str, Any]:
    """The JSON Schema of the intake contract, as ``spinewise intake-schema`` prints it.

    Two shapes are accepted: a complete intake, and one that stops early. The second is
    accepted only when its answers end the questionnaire (an emergency answer, or every
    safety answer given with an urgent verdict or an age under 16); the engine checks that,
    since a schema cannot.
    """
    complete = Intake.model_json_schema(by_alias=True)
    defs = complete.pop("$defs", {})
    screening = Screening.model_json_schema(by_alias=True)
    defs.update(screening.pop("$defs", {}))
    for name in ("RedFlags", "PregnancySigns", "History"):
        # In an early stop, any safety answer not yet asked may be left out.
        defs[f"Partial{name}"] = {**defs[name], "required": []}
    # Details already answered may come along (each checked as in a complete intake).
    partial_props = {**complete["properties"], **screening["properties"]}
    for key, name in (
        ("red_flags", "RedFlags"),
        ("history", "History"),
    ):
        partial_props[key] = {"$ref": f"#/$defs/Partial{name}"}
    partial_props["pregnancy"] = {
        "anyOf": [{"$ref": "#/$defs/PartialPregnancySigns"}, {"type": "null"}],
        "default": None,
    }
    stopped = {
        "title": "Stopped early",
        "type": "object",
        "description": (
            "An intake that stops where the questionnaire stops. Every answer about where it "
            "hurts, the person and this pain is required; safety answers may be left out once "
            "the ones given reach an emergency, and the details (some or all) may be left "
            "out once every safety answer is given and the verdict is urgent or the person "
            "is under 16. "
            "Anything else is rejected, naming each missing answer."
        ),
        "properties": partial_props,
        "required": [
            name if name != "schema_id" else "schema"
            for name in ("schema_id", *ABOUT_FIELDS)
            if name != "pregnant_weeks"
        ],
        "additionalProperties": False,
    }
    complete["title"] = "Complete"
    defs["RecoveryAnswers"] = _recovery_schema()
    recovery = {
        "anyOf": [{"$ref": "#/$defs/RecoveryAnswers"}, {"type": "null"}],
        "default": None,
        "description": complete["properties"]["recovery"].get("description", ""),
    }
    complete["properties"]["recovery"] = recovery
    partial_props["recovery"] = recovery
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://spinewise.example/schemas/spinewise.intake-2.json",
        "title": SCHEMA_ID,
        "description": (
            "One person's answers to the Spinewise questionnaire. Send the complete shape; "
            "the stopped-early shape mirrors the questionnaire ending at an emergency."
        ),
        "anyOf": [complete, stopped],
        "$defs": defs,
    }
