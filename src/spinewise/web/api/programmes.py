"""POST /programmes (anyone with answers), and the caller's saved programmes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router
from ninja.errors import HttpError
from pydantic import ValidationError

from spinewise.core.intake import Intake, IntakeError, parse_intake
from spinewise.core.plan import NoProgrammeError, today_in
from spinewise.web.api.auth import AUTH, auth_user, optional_user
from spinewise.web.api.http import (
    invalid,
    json_response,
    owned_or_404,
    pydantic_problems,
    read_json_body,
)
from spinewise.web.api.openapi import OPTIONAL_AUTH, PROGRAMME_BODY
from spinewise.web.api.schemas import (
    ErrorOut,
    NoProgrammeOut,
    ProgrammeEnvelope,
    ProgrammeRequest,
    ProgrammeSummary,
    ValidationErrorOut,
)
from spinewise.web.api.services import preview_programme, save_intake_and_programme
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.services import calendar_bytes, create_programme

router = Router(tags=["programmes"])

INVALID = "invalid programme request"
ID_NEEDS_AUTH = "assessment_id needs authentication: sign in, or send Authorization: Bearer <token>"
STALE_ANSWERS = (
    "the saved assessment's answers no longer match the intake contract: take the assessment again"
)


def envelope(saved: SavedProgramme | None, programme: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": saved.pk if saved else None,
        "created": saved.created if saved else None,
        "assessment_id": saved.assessment_id if saved else None,
        "programme": programme,
    }


def _parse(data: object) -> tuple[ProgrammeRequest | None, Intake | None, list[tuple[str, str]]]:
    """The request and its intake, or every problem with it (intake paths under ``intake.``)."""
    if not isinstance(data, dict):
        return None, None, [("(body)", "must be a JSON object")]
    problems: list[tuple[str, str]] = []
    request: ProgrammeRequest | None = None
    intake: Intake | None = None
    try:
        request = ProgrammeRequest.model_validate(data)
    except ValidationError as exc:
        problems += pydantic_problems(exc)
    raw_intake = data.get("intake")
    if isinstance(raw_intake, dict):
        try:
            intake = parse_intake(raw_intake)
        except IntakeError as exc:
            problems += [
                ("intake" if field == "(intake)" else f"intake.{field}", reason)
                for field, reason in exc.problems
            ]
    if (data.get("intake") is None) == (data.get("assessment_id") is None):
        problems.append(("(body)", "send either intake or assessment_id (exactly one)"))
    return request, intake, problems


def _no_programme(exc: NoProgrammeError) -> HttpResponse:
    return json_response(
        {"detail": "no programme", "triage": exc.triage.model_dump(mode="json")}, status=409
    )


@router.post(
    "/programmes",
    auth=None,
    operation_id="create_programme",
    by_alias=True,  # core publishes schema_id as "schema"
    summary="Build a six-week programme",
    description=(
        "From an intake (anyone) or one of your saved assessments (`assessment_id`). "
        "Anonymous callers get the programme back without anything being stored (200). "
        "Authenticated callers get it saved (201, with `id`); an intake is saved as an "
        "assessment first. When the triage says to get medical help (emergency or urgent) "
        "there is no programme: 409 with the triage. Invalid preferences answer 422 naming "
        "each field, e.g. `preferences.minutes_per_day`."
    ),
    response={
        200: ProgrammeEnvelope,
        201: ProgrammeEnvelope,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: NoProgrammeOut,
        413: ErrorOut,
        422: ValidationErrorOut,
    },
    openapi_extra={"requestBody": PROGRAMME_BODY, "security": OPTIONAL_AUTH},
)
def create_programme_endpoint(request: HttpRequest) -> HttpResponse:
    user = optional_user(request)
    parsed, intake, problems = _parse(read_json_body(request))
    if problems or parsed is None:
        return invalid(INVALID, problems)
    prefs = parsed.preferences
    start = parsed.start or today_in(prefs.timezone)
    try:
        if parsed.assessment_id is not None:
            if user is None:
                raise HttpError(401, ID_NEEDS_AUTH)
            assessment = owned_or_404(SavedAssessment, user, parsed.assessment_id)
            try:
                saved = create_programme(user, assessment, prefs, start)
            except IntakeError:
                return invalid(INVALID, [("assessment_id", STALE_ANSWERS)])
        elif intake is None:  # pragma: no cover - _parse reports this as a problem
            return invalid(INVALID, [("intake", "missing")])
        elif user is None:
            programme = preview_programme(intake, prefs, start)
            return json_response(envelope(None, programme.to_json_dict()))
        else:
            saved = save_intake_and_programme(user, intake, prefs, start)
    except NoProgrammeError as exc:
        return _no_programme(exc)
    return json_response(envelope(saved, saved.data), status=201)


@router.get(
    "/programmes",
    auth=AUTH,
    operation_id="list_programmes",
    summary="Your saved programmes",
    description="Newest first.",
    response={200: list[ProgrammeSummary], 401: ErrorOut},
)
def list_programmes(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": saved.pk,
            "created": saved.created,
            "assessment_id": saved.assessment_id,
            "start": saved.start,
            "end": saved.end,
            "level": saved.level,
            "region": saved.region or None,
            "minutes_per_day": saved.minutes_per_day,
        }
        for saved in SavedProgramme.objects.filter(user=auth_user(request))
    ]


@router.get(
    "/programmes/{programme_id}",
    auth=AUTH,
    operation_id="get_programme",
    by_alias=True,  # core publishes schema_id as "schema"
    summary="One of your saved programmes",
    description="Someone else's id answers 404.",
    response={200: ProgrammeEnvelope, 401: ErrorOut, 404: ErrorOut},
)
def get_programme(request: HttpRequest, programme_id: int) -> HttpResponse:
    saved = owned_or_404(SavedProgramme, auth_user(request), programme_id)
    return json_response(envelope(saved, saved.data))


@router.get(
    "/programmes/{programme_id}/calendar.ics",
    auth=AUTH,
    operation_id="get_programme_calendar",
    summary="A saved programme as a calendar file",
    description=(
        "iCalendar (RFC 5545): every session and weekly check-in with a reminder, in the "
        "person's time zone. Someone else's id answers 404."
    ),
    response={401: ErrorOut, 404: ErrorOut},
    openapi_extra={
        "responses": {
            "200": {
                "description": "The calendar file.",
                "content": {"text/calendar": {"schema": {"type": "string"}}},
            }
        }
    },
)
def get_programme_calendar(request: HttpRequest, programme_id: int) -> HttpResponse:
    saved = owned_or_404(SavedProgramme, auth_user(request), programme_id)
    response = HttpResponse(calendar_bytes(saved), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="spinewise-programme-{saved.pk}.ics"'
    return response
