"""The intake: one person's answers to the questionnaire (contract ``spinewise.intake/1``).

Every red-flag answer is required: a client cannot skip the safety questions by leaving
them out. Anything half-valid is rejected with every bad field named.
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
    ValidationError,
    model_validator,
)

SCHEMA_ID = "spinewise.intake/1"


class BodyArea(StrEnum):
    NECK = "neck"
    UPPER_BACK_CENTRE = "upper_back_centre"
    UPPER_BACK_LEFT = "upper_back_left"
    UPPER_BACK_RIGHT = "upper_back_right"
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
    ABDOMEN = "abdomen"
    FLANK_LEFT = "flank_left"
    FLANK_RIGHT = "flank_right"


UPPER_BACK_AREAS = frozenset(
    {BodyArea.UPPER_BACK_CENTRE, BodyArea.UPPER_BACK_LEFT, BodyArea.UPPER_BACK_RIGHT}
)
LOWER_BACK_AREAS = frozenset(
    {BodyArea.LOWER_BACK_CENTRE, BodyArea.LOWER_BACK_LEFT, BodyArea.LOWER_BACK_RIGHT}
)
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
    TEARING = "tearing"
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
    WALKING = "walking"
    LYING_DOWN = "lying_down"
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


class History(_Strict):
    cancer: bool = Field(description="Has had cancer (any type, at any time).")
    osteoporosis: bool = Field(description="Has osteoporosis or thin bones.")
    long_term_steroids: bool = Field(description="Takes or took steroid tablets for 3+ months.")
    immunosuppressed: bool = Field(
        description="Weakened immune system (chemotherapy, biologics, HIV, transplant drugs)."
    )
    iv_drug_use: bool = Field(description="Injects drugs.")
    aortic_aneurysm: bool = Field(description="Has a known aortic aneurysm.")
    heart_risk: bool = Field(
        description="Heart disease, high blood pressure, diabetes, high cholesterol or smokes."
    )
    recent_spinal_surgery: bool = Field(description="Spine surgery or injection in the last year.")
    recent_immobility: bool = Field(
        description="Long flight, surgery, or bed-bound in the last 4 weeks (clot risk)."
    )


class RedFlags(_Strict):
    """Answers to the screening questions. All are required (yes/no)."""

    saddle_numbness: bool = Field(
        description="Numbness or tingling around the genitals, buttocks or inner thighs."
    )
    bladder_change: bool = Field(
        description="New trouble passing urine, not feeling it, or leaking."
    )
    bowel_change: bool = Field(description="New loss of bowel control or rectal feeling.")
    sexual_dysfunction: bool = Field(description="New loss of sexual function or sensation.")
    both_legs_symptoms: bool = Field(
        description="Pain, numbness, tingling or weakness in both legs."
    )
    leg_weakness: bool = Field(description="A leg or foot feels weak or gives way.")
    weakness_worsening: bool = Field(
        description="Leg or foot weakness is getting worse, or the foot slaps or drags."
    )
    unsteady_walking: bool = Field(description="New unsteady, clumsy walking or stiff legs.")
    trunk_band_numbness: bool = Field(description="A numb band around the chest or tummy.")
    major_trauma: bool = Field(description="Started after a serious accident or fall.")
    fever: bool = Field(description="Fever, feeling hot and shivery, or chills.")
    very_unwell: bool = Field(description="Confused, drowsy or very unwell.")
    weight_loss: bool = Field(description="Lost weight without trying.")
    night_pain: bool = Field(
        description="Constant pain, worse at night, not eased by rest or changing position."
    )
    chest_pain: bool = Field(description="Chest pain, tightness, pressure or heaviness.")
    breathless: bool = Field(description="Short of breath.")
    sweating_nausea: bool = Field(description="Cold sweat, feeling sick or vomiting.")
    arm_jaw_pain: bool = Field(description="Pain spreading to an arm, the neck or the jaw.")
    tearing_pain: bool = Field(description="Sudden, severe, tearing or ripping pain.")
    faint_dizzy: bool = Field(description="Feeling faint, dizzy, or has passed out.")
    pulsating_abdomen: bool = Field(description="A pulsing feeling in the tummy.")
    pain_on_breathing: bool = Field(description="Sharp pain when breathing in.")
    coughing_blood: bool = Field(description="Coughing up blood.")
    calf_swelling: bool = Field(description="A swollen, painful calf.")
    rash_band: bool = Field(description="A blistery rash or burning band on one side of the body.")
    urinary_symptoms: bool = Field(description="Burning or frequent urine, or blood in it.")
    jaundice: bool = Field(description="Yellow skin or eyes.")
    deformity: bool = Field(description="A new lump, step or change in the shape of the spine.")


class Intake(_Strict):
    """One person's answers. ``schema`` names the contract version."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        json_schema_extra={"$id": "https://spinewise.example/schemas/spinewise.intake-1.json"},
    )

    schema_id: Literal["spinewise.intake/1"] = Field(alias="schema")
    age: int = Field(ge=1, le=120)
    sex: Literal["female", "male", "other"]
    pregnant_weeks: int | None = Field(
        default=None, ge=0, le=45, description="Weeks pregnant, or null when not pregnant."
    )
    areas: list[BodyArea] = Field(description="Where it hurts (body map).", **_UNIQUE)
    pain_qualities: list[PainQuality] = Field(**_UNIQUE)
    intensity: int = Field(ge=0, le=10, description="Pain now, 0 (none) to 10 (worst possible).")
    onset: Onset
    injury: Injury
    onset_severe: bool = Field(description="Reached its worst within minutes.")
    duration_days: int = Field(ge=0, le=36500)
    trend: Trend
    worse_with: list[Aggravator] = Field(default_factory=list, **_UNIQUE)
    better_with: list[Reliever] = Field(default_factory=list, **_UNIQUE)
    time_pattern: list[TimePattern] = Field(default_factory=list, **_UNIQUE)
    habits: Habits
    history: History
    red_flags: RedFlags

    @model_validator(mode="after")
    def _consistent(self) -> Intake:
        if self.pregnant_weeks is not None and self.sex == "male":
            raise ValueError("pregnant_weeks must be null when sex is male")
        for name in ("areas", "pain_qualities", "worse_with", "better_with", "time_pattern"):
            values = getattr(self, name)
            if len(values) != len(set(values)):
                raise ValueError(f"{name} lists the same answer twice")
        return self

    # Derived facts the rules read; kept here so every rule reads them the same way.
    @property
    def back_areas(self) -> set[BodyArea]:
        return {a for a in self.areas if a in UPPER_BACK_AREAS | LOWER_BACK_AREAS}

    @property
    def has_upper_back(self) -> bool:
        return any(a in UPPER_BACK_AREAS for a in self.areas)

    @property
    def has_lower_back(self) -> bool:
        lowerish = LOWER_BACK_AREAS | {
            BodyArea.BUTTOCK_LEFT,
            BodyArea.BUTTOCK_RIGHT,
            BodyArea.FLANK_LEFT,
            BodyArea.FLANK_RIGHT,
        }
        return any(a in lowerish for a in self.areas)

    @property
    def leg_sides(self) -> int:
        left = any(a in LEFT_LEG_AREAS for a in self.areas)
        right = any(a in RIGHT_LEG_AREAS for a in self.areas)
        return int(left) + int(right)

    @property
    def has_leg_pain(self) -> bool:
        return self.leg_sides > 0

    @property
    def pain_below_knee(self) -> bool:
        return any(a in BELOW_KNEE_AREAS for a in self.areas)

    @property
    def weeks(self) -> float:
        return self.duration_days / 7


def known_red_flags(names: list[str]) -> list[str]:
    """The names, each once, if all are screening questions; ValueError naming any other."""
    unknown = [name for name in names if name not in RedFlags.model_fields]
    if unknown:
        raise ValueError(f"unknown red-flag question(s): {', '.join(unknown)}")
    return list(dict.fromkeys(names))


def describe_red_flags(names: list[str]) -> list[str]:
    """Each screening question's plain wording, without the full stop."""
    fields = RedFlags.model_fields
    return [(fields[name].description or name).rstrip(".") for name in names]


class IntakeError(ValueError):
    """An intake that does not match the contract; ``problems`` names every bad field."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in problems))


def _field_problems(exc: ValidationError) -> list[tuple[str, str]]:
    problems = []
    for error in exc.errors():
        loc = [str(part) for part in error["loc"]]
        if loc and loc[0] == "schema_id":
            loc[0] = "schema"
        problems.append((".".join(loc) or "(intake)", error["msg"]))
    return problems


def parse_intake(data: Any) -> Intake:
    """Validates raw JSON data as an intake, or raises IntakeError naming each bad field."""
    if not isinstance(data, dict):
        raise IntakeError([("(intake)", "must be a JSON object")])
    try:
        return Intake.model_validate(data)
    except ValidationError as exc:
        raise IntakeError(_field_problems(exc)) from exc


def load_intake(path: Path) -> Intake:
    """Reads an intake JSON file; unreadable or invalid files raise IntakeError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise IntakeError([("(file)", f"{path} not found")]) from exc
    except json.JSONDecodeError as exc:
        raise IntakeError([("(file)", f"{path} is not valid JSON: {exc}")]) from exc
    return parse_intake(data)


def intake_json_schema() -> dict[str, Any]:
    """The JSON Schema of the intake contract, as ``spinewise intake-schema`` prints it."""
    schema = Intake.model_json_schema(by_alias=True)
    schema["title"] = SCHEMA_ID
    return schema
