"""Request and response shapes of the API, as documented in its OpenAPI schema.

Assessment and programme bodies are exactly what core's ``to_json_dict()`` writes, so their
models here are core's models with ``schema_id`` published under its JSON name ``schema``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar

from ninja import Schema
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError
from pydantic_core import ValidationError as PydanticValidationError

from spinewise.core.assessment import ASSESSMENT_SCHEMA, Assessment
from spinewise.core.exercises import Exercise
from spinewise.core.intake import (
    FreeText,
    IntakeError,
    Screening,
    intake_json_schema,
    parse_intake,
)
from spinewise.core.journal import DailyEntry, IsoDate, PsfsActivity
from spinewise.core.levels import Level
from spinewise.core.pathway import Pathway
from spinewise.core.plan import PROGRAMME_SCHEMA, Preferences, Programme
from spinewise.core.plan.models import RescreenRecord
from spinewise.core.rescreen import RESCREEN_WEEKS
from spinewise.core.triage import Triage

# Ids beyond a signed 64-bit integer cannot exist; checking first keeps the database from
# raising an overflow error on absurd input.
MAX_ID = 2**63 - 1

ModelT = TypeVar("ModelT", bound=BaseModel)


def _whole(value: Any) -> Any:
    """6.0 is the integer 6 in JSON Schema's eyes, so it is in ours (booleans stay booleans)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _whole(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole(item) for item in value]
    return value


def strict_json(model: type[ModelT]) -> Any:
    """``model`` validated as strict JSON: true is not 1, "4" is not 4, a date is a string.

    ninja hands bodies to pydantic as Python objects, where pydantic is lax; validating the
    same data as JSON in strict mode gives JSON's own types and nothing looser. The OpenAPI
    schema is the model's, unchanged.
    """

    def validate(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        if isinstance(value, dict):
            return model.model_validate_json(json.dumps(_whole(value)), strict=True)
        return handler(value)

    checked: Callable[..., Any] = validate
    return Annotated[model, WrapValidator(checked)]


# --- The intake -----------------------------------------------------------------------------

INTAKE_REF = "#/components/schemas/Intake"
# pydantic resolves every $ref it writes, so an intake field is marked here and pointed at
# the published schema when the OpenAPI document is finished (``point_at_intake``).
_INTAKE_MARK = "x-spinewise-intake"


def _read_intake(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """An intake body read by core's parse_intake: the two shapes of the contract (complete,
    or stopped where the questionnaire stops), JSON's own types, every bad field named."""
    if not isinstance(value, dict):
        return handler(value)
    try:
        return parse_intake(_whole(value), strict=True)
    except IntakeError as exc:
        errors = [
            InitErrorDetails(
                type=PydanticCustomError("intake", "{message}", {"message": reason}),
                loc=() if field == "(intake)" else tuple(field.split(".")),
                input=value,
            )
            for field, reason in exc.problems
        ]
        raise PydanticValidationError.from_exception_data("Intake", errors) from exc


_read: Callable[..., Any] = _read_intake
IntakeJson = Annotated[
    Screening, WrapValidator(_read), WithJsonSchema({"type": "object", _INTAKE_MARK: True})
]


def _component_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: value.replace("#/$defs/", "#/components/schemas/")
            if key == "$ref" and isinstance(value, str)
            else _component_refs(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_component_refs(item) for item in node]
    return node


def point_at_intake(node: Any) -> Any:
    """``node`` with every intake field's schema replaced by a reference to ``Intake``."""
    if isinstance(node, dict):
        if node.get(_INTAKE_MARK):
            kept = {k: v for k, v in node.items() if k not in ("type", _INTAKE_MARK)}
            return {"$ref": INTAKE_REF, **kept}
        return {key: point_at_intake(value) for key, value in node.items()}
    if isinstance(node, list):
        return [point_at_intake(item) for item in node]
    return node


def intake_components() -> dict[str, Any]:
    """The published intake schema as OpenAPI components: ``Intake`` and its parts."""
    schema = dict(intake_json_schema())
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):  # an $id would re-root every $ref inside it
        schema.pop(key, None)
    components: dict[str, Any] = _component_refs({**defs, "Intake": schema})
    return components


# --- Errors ---------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in words.", examples=["not found"])


class FieldError(Schema):
    field: str = Field(
        description="Dotted path of the bad field in the request body; `(intake)` or "
        "`(body)` for the body as a whole.",
        examples=["red_flags.fever"],
    )
    message: str = Field(examples=["Field required"])


class ValidationErrorOut(Schema):
    detail: str = Field(examples=["invalid intake"])
    errors: list[FieldError] = Field(description="Every bad field, not just the first.")


class NoProgrammeOut(Schema):
    detail: Literal["no programme"]
    triage: Triage = Field(description="Why: the warning signs and what to do now.")


# --- Assessments ------------------------------------------------------------------------------


class AssessmentOut(Assessment):
    """``Assessment.to_json_dict()`` (the ``spinewise assess --json`` contract)."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    schema_id: str = Field(default=ASSESSMENT_SCHEMA, alias="schema")
    id: int | None = Field(
        default=None, description="Only when saved: the id for GET /assessments/{id}."
    )
    created: datetime | None = Field(default=None, description="Only when saved.")


class AssessmentSummary(Schema):
    id: int
    created: datetime
    level: Level
    region: Literal["lower", "upper", "both"] | None


# --- Programmes -------------------------------------------------------------------------------


class ProgrammeOut(Programme):
    """``Programme.to_json_dict()``; its ``id`` is the plan's stable hash (calendar UIDs)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_id: str = Field(default=PROGRAMME_SCHEMA, alias="schema")


class ProgrammeEnvelope(Schema):
    id: int | None = Field(
        description="The saved programme's id for GET /programmes/{id}; null when not saved."
    )
    created: datetime | None
    assessment_id: int | None = Field(description="The saved assessment it was built from.")
    programme: ProgrammeOut


class RescreenBody(Schema):
    """The recovery screen asked again at week 3 or 6 of a saved programme."""

    model_config = ConfigDict(extra="forbid", strict=True)

    week: int = Field(
        description="The programme week of the re-screen: 3 or 6.",
        json_schema_extra={"enum": list(RESCREEN_WEEKS)},
    )
    answers: dict[str, str] = Field(
        description="Item id to answer value, as in the intake's `recovery` section."
    )


class RescreenOut(Schema):
    rescreen: RescreenRecord
    pathway: Pathway | None = Field(description="The pathway the programme now follows.")


class ProgrammeSummary(Schema):
    id: int
    created: datetime
    assessment_id: int | None
    start: date
    end: date
    level: Level
    region: Literal["lower", "upper", "both"] | None
    minutes_per_day: int


def _no_default(schema: dict[str, Any]) -> None:
    """The field may be left out, but not sent as null: no null default in the schema."""
    schema.pop("default", None)


class ProgrammeRequest(BaseModel):
    """Either ``intake`` or ``assessment_id``, plus optional preferences and start date."""

    model_config = ConfigDict(
        extra="forbid",
        title="ProgrammeRequest",
        # Exactly one source, said where clients (and fuzzers) can read it. Each branch
        # forbids the other source outright (a `false` property), so a generator builds a
        # valid request directly instead of filtering out requests that carry both.
        json_schema_extra={
            "oneOf": [
                {"required": ["intake"], "properties": {"assessment_id": False}},
                {"required": ["assessment_id"], "properties": {"intake": False}},
            ]
        },
    )

    # Either may be left out (None here), but not sent as null: the types say so.
    intake: IntakeJson = Field(  # type: ignore[assignment]
        default=None,
        description="A `spinewise.intake/2` intake (see the Intake schema).",
        json_schema_extra=_no_default,
    )
    assessment_id: int = Field(  # type: ignore[assignment]
        default=None,
        ge=1,
        le=MAX_ID,
        description="One of your saved assessments (needs authentication).",
        json_schema_extra=_no_default,
    )
    preferences: Preferences = Field(default_factory=Preferences)
    start: IsoDate | None = Field(
        default=None,
        description="First day, YYYY-MM-DD, at most a year ahead; default today in the "
        "preferences' time zone.",
    )

    @model_validator(mode="after")
    def _one_source(self) -> ProgrammeRequest:
        if (self.intake is None) == (self.assessment_id is None):
            raise ValueError("send either intake or assessment_id (exactly one)")
        return self


# --- Exercises --------------------------------------------------------------------------------


class ExerciseOut(Exercise):
    """One exercise of the library, with links to its web page and drawing."""

    page: str = Field(description="The exercise's web page.", examples=["/exercises/cat_cow/"])
    illustration: str = Field(description="Its SVG drawing.", examples=["/exercises/cat_cow.svg"])


# --- Tokens -----------------------------------------------------------------------------------


class TokenIn(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: FreeText = Field(
        min_length=1,
        max_length=100,
        description="What the token is for, so you know which one to revoke.",
        examples=["my phone"],
    )


class TokenOut(Schema):
    id: int
    name: str
    created: datetime
    last_used: datetime | None = Field(description="Accurate to about five minutes.")


class TokenCreatedOut(TokenOut):
    token: str = Field(
        description="The secret: send it as `Authorization: Bearer <token>`. Shown only once; "
        "only a hash is stored."
    )


# --- Journal ----------------------------------------------------------------------------------


class CheckInOut(DailyEntry):
    """A stored check-in (the core's model), with what saving it did."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="CheckInOut")

    id: int
    created: bool = Field(
        default=False, description="True when this made a new day; false when it replaced one."
    )
    triage: Triage | None = Field(
        default=None,
        description="Set when a new warning sign was reported: the verdict to act on now.",
    )
    replayed: bool = Field(
        default=False,
        description="True when the request's Idempotency-Key was used before: nothing was "
        "written, and this is the check-in that key recorded.",
    )


class InterferenceOut(Schema):
    id: int
    week_start: str = Field(examples=["2026-11-23"])
    pain: int
    enjoyment: int
    activity: int
    mean: float = Field(description="The instrument's score: the mean of the three answers.")
    band: str = Field(description="The instrument's band, the score in words.")


class PsfsOut(Schema):
    id: int
    week_start: str = Field(examples=["2026-11-23"])
    activities: list[PsfsActivity]
    mean: float = Field(description="The average of the activities' scores.")
