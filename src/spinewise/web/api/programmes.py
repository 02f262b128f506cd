"""POST /programmes (anyone with answers), and the caller's saved programmes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from ninja import Body, Router, Status
from ninja.errors import HttpError

from spinewise.core.intake import IntakeError
from spinewise.core.journal import JournalError
from spinewise.core.plan import NoProgrammeError, today_in
from spinewise.web.api.auth import AUTH, auth_user, optional_user
from spinewise.web.api.examples import EXAMPLE_INTAKE, EXAMPLE_PREFERENCES
from spinewise.web.api.http import OPTIONAL_AUTH, json_response, links, owned_or_404, responses
from spinewise.web.api.schemas import (
    NoProgrammeOut,
    ProgrammeEnvelope,
    ProgrammeRequest,
    ProgrammeSummary,
    RescreenBody,
    RescreenOut,
    strict_json,
)
from spinewise.web.api.services import preview_programme, save_intake_and_programme
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.selectors import today_for
from spinewise.web.programmes.services import calendar_bytes, create_programme, record_rescreen

router = Router(tags=["programmes"])


ID_NEEDS_AUTH = "assessment_id needs authentication: sign in, or send Authorization: Bearer <token>"
STALE_ANSWERS = (
    "the saved assessment's answers no longer match the intake contract: take the assessment again"
)
REQUEST_EXAMPLES = {
    "from_intake": {
        "summary": "From answers (anonymous: not saved)",
        "value": {"intake": EXAMPLE_INTAKE, "preferences": EXAMPLE_PREFERENCES},
    },
    "from_saved_assessment": {
        "summary": "From a saved assessment (authenticated)",
        "value": {"assessment_id": 1, "preferences": {"minutes_per_day": 10}},
    },
}

if TYPE_CHECKING:
    ProgrammeBody = ProgrammeRequest
else:
    ProgrammeBody = Body[strict_json(ProgrammeRequest)]


def envelope(saved: SavedProgramme | None, programme: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": saved.pk if saved else None,
        "created": saved.created if saved else None,
        "assessment_id": saved.assessment_id if saved else None,
        "programme": programme,
    }


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
        "each field, e.g. `preferences.minutes_per_day`; so does a `start` more than a year "
        "ahead."
    ),
    response=responses(
        {200: ProgrammeEnvelope, 201: ProgrammeEnvelope, 409: NoProgrammeOut},
        auth=True,
        body=True,
        lookup=True,
        limited=True,
    ),
    openapi_extra={
        "security": OPTIONAL_AUTH,
        "requestBody": {"content": {"application/json": {"examples": REQUEST_EXAMPLES}}},
        "responses": {
            201: {
                "links": links(
                    GetProgramme=("get_programme", "programme_id", "/id"),
                    GetProgrammeCalendar=("get_programme_calendar", "programme_id", "/id"),
                    GetAssessment=("get_assessment", "assessment_id", "/assessment_id"),
                )
            }
        },
    },
)
def create_programme_endpoint(
    request: HttpRequest,
    payload: ProgrammeBody,
) -> HttpResponse:
    user = optional_user(request)
    prefs = payload.preferences
    start = payload.start or today_in(prefs.timezone)
    try:
        if payload.assessment_id is not None:
            if user is None:
                raise HttpError(401, ID_NEEDS_AUTH)
            assessment = owned_or_404(SavedAssessment, user, payload.assessment_id)
            try:
                saved = create_programme(user, assessment, prefs, start)
            except IntakeError as exc:
                raise JournalError([("assessment_id", STALE_ANSWERS)]) from exc
        elif payload.intake is None:  # pragma: no cover - ProgrammeRequest requires one
            raise JournalError([("intake", "Field required")])
        elif user is None:
            programme = preview_programme(payload.intake, prefs, start)
            return json_response(envelope(None, programme.to_json_dict()))
        else:
            saved = save_intake_and_programme(user, payload.intake, prefs, start)
    except NoProgrammeError as exc:
        return _no_programme(exc)
    return json_response(envelope(saved, saved.data), status=201)


@router.get(
    "/programmes",
    auth=AUTH,
    operation_id="list_programmes",
    summary="Your saved programmes",
    description="Newest first.",
    response=responses({200: list[ProgrammeSummary]}, auth=True),
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
    response=responses({200: ProgrammeEnvelope}, auth=True, params=True, lookup=True),
    openapi_extra={
        "responses": {
            200: {
                "links": links(
                    GetProgrammeCalendar=("get_programme_calendar", "programme_id", "/id")
                )
            }
        }
    },
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
    response=responses({}, auth=True, params=True, lookup=True),
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


@router.post(
    "/programmes/{programme_id}/rescreens",
    auth=AUTH,
    operation_id="rescreen_programme",
    summary="Answer the recovery screen again (week 3 or 6)",
    description=(
        "Scores the recovery screen again for one of your saved programmes, once at week 3 "
        "and once at week 6 (not before the week starts). The pathway may change; the "
        "reason is in `rescreen.reason` and the weeks still to come follow the new pathway. "
        "A week other than 3 or 6, a week already re-screened or answers that do not fit "
        "the screen answer 422 naming each field. Someone else's id answers 404."
    ),
    response=responses({201: RescreenOut}, auth=True, body=True, params=True, lookup=True),
)
def rescreen_programme(
    request: HttpRequest, programme_id: int, payload: RescreenBody
) -> Status[RescreenOut]:
    user = auth_user(request)
    saved = owned_or_404(SavedProgramme, user, programme_id)
    updated, record = record_rescreen(saved, payload.week, payload.answers, today_for(user))
    return Status(201, RescreenOut(rescreen=record, pathway=updated.programme.pathway))
