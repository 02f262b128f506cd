"""The caller's daily check-ins: the same journal the web dashboard and the CLI use."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from pydantic import Field, ValidationError

from spinewise.core.checkin import CHECKIN_FLAGS
from spinewise.core.journal import DailyEntry
from spinewise.web.api.auth import AUTH, auth_user
from spinewise.web.api.http import invalid, json_response, pydantic_problems, read_json_body
from spinewise.web.api.schemas import ErrorOut, ValidationErrorOut
from spinewise.web.journal import services
from spinewise.web.journal.models import CheckIn

router = Router(tags=["check-ins"])


class CheckInOut(Schema):
    id: int
    day: str = Field(examples=["2026-11-24"])
    pain: int
    worst: int | None
    sessions_done: int
    sitting_hours: float | None
    flare_up: bool
    note: str
    new_red_flags: list[str]
    created: bool = Field(description="True when this made a new day; false when it replaced one.")
    triage: dict[str, Any] | None = Field(
        description="Set when a new warning sign was reported: the verdict to act on now."
    )


CHECKIN_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": DailyEntry.model_json_schema(),
            "example": {"day": "2026-11-24", "pain": 4, "sessions_done": 1, "new_red_flags": []},
        }
    },
}


def _out(checkin: CheckIn, created: bool, triage: dict[str, Any] | None) -> dict[str, Any]:
    entry = checkin.to_entry().model_dump(mode="json")
    return {"id": checkin.pk, **entry, "created": created, "triage": triage}


@router.post(
    "/checkins",
    auth=AUTH,
    operation_id="record_checkin",
    summary="Record a day's check-in",
    description=(
        "One check-in per day: posting the same day again replaces it (back-filling a missed "
        "day is fine). `new_red_flags` names any re-check answered yes "
        f"({', '.join(CHECKIN_FLAGS)}); if there is one, the response carries the new triage "
        "verdict, which comes before anything else."
    ),
    response={
        200: CheckInOut,
        201: CheckInOut,
        400: ErrorOut,
        401: ErrorOut,
        422: ValidationErrorOut,
    },
    openapi_extra={"requestBody": CHECKIN_BODY},
)
def record_checkin(request: HttpRequest) -> HttpResponse:
    user = auth_user(request)
    data = read_json_body(request)
    try:
        entry = DailyEntry.model_validate(data)
    except ValidationError as exc:
        return invalid("invalid check-in", pydantic_problems(exc))
    unknown = [f for f in entry.new_red_flags if f not in CHECKIN_FLAGS]
    if unknown:
        problems = [("new_red_flags", f"not asked at check-in: {name}") for name in unknown]
        return invalid("invalid check-in", problems)
    result = services.record_checkin(user, entry)
    triage = result.triage.model_dump(mode="json") if result.triage else None
    body = _out(result.checkin, result.created, triage)
    return json_response(body, status=201 if result.created else 200)


@router.get(
    "/checkins",
    auth=AUTH,
    operation_id="list_checkins",
    summary="Your check-ins",
    description="Oldest first.",
    response={200: list[CheckInOut], 401: ErrorOut},
)
def list_checkins(request: HttpRequest) -> HttpResponse:
    user = auth_user(request)
    rows = CheckIn.objects.filter(user=user).order_by("day")
    return json_response([_out(c, False, None) for c in rows])
