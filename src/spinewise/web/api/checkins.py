"""The caller's daily check-ins and weekly activity ratings: the journal the web and CLI use."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from django.http import Http404, HttpRequest
from ninja import Body, Header, Router, Status

from spinewise.core.checkin import CHECKIN_FLAGS
from spinewise.core.journal import (
    IDEMPOTENCY_KEY,
    IDEMPOTENCY_KEY_RULE,
    PSFS_ACTIVITIES,
    PSFS_SCORE,
    DailyEntry,
    WeeklyRating,
)
from spinewise.web.api.auth import AUTH, auth_user
from spinewise.web.api.http import links, responses
from spinewise.web.api.schemas import CheckInOut, PsfsOut, strict_json
from spinewise.web.journal import services
from spinewise.web.journal.models import CheckIn, PsfsEntry

router = Router(tags=["journal"])

CHECKIN_EXAMPLE = {"day": "2026-11-24", "pain": 4, "sessions_done": 1, "new_red_flags": []}
RATING_EXAMPLE = {"week_start": "2026-11-23", "activities": [{"name": "Sitting", "score": 4}]}
if TYPE_CHECKING:
    CheckInBody = DailyEntry
    RatingBody = WeeklyRating
else:
    CheckInBody = Body[strict_json(DailyEntry), {"example": CHECKIN_EXAMPLE}]
    RatingBody = Body[strict_json(WeeklyRating), {"example": RATING_EXAMPLE}]
IdempotencyKey = Annotated[
    str | None,
    Header(
        None,
        alias="Idempotency-Key",
        description="A fresh random UUID per check-in: the same key again is answered, not "
        "written again.",
        pattern=IDEMPOTENCY_KEY.pattern,
    ),
]

DATE_RULE = (
    "Days may not be after the person's own today (in their programme's time zone), nor "
    "before the earlier of their programme's start and a year ago: otherwise 422 names `day`."
)


IDEMPOTENCY = (
    "Send an `Idempotency-Key` header (a fresh random UUID for each check-in, "
    f"{IDEMPOTENCY_KEY_RULE}) to make a retry safe: the same key again from the same person "
    "writes nothing and answers 200 with the check-in that key recorded (and its triage), "
    "`replayed` true, even if that day was edited since. Offline clients keep the key with "
    "the check-in they queue and send both when the network returns: it is recorded once. "
    "A key is remembered as long as the check-in it recorded; a malformed key is a 422 "
    "naming `idempotency_key`."
)


def checkin_out(
    checkin: CheckIn, created: bool = False, triage: Any = None, replayed: bool = False
) -> CheckInOut:
    return CheckInOut(
        id=checkin.pk,
        **checkin.to_entry().model_dump(),
        created=created,
        triage=triage,
        replayed=replayed,
    )


def psfs_out(entry: PsfsEntry) -> PsfsOut:
    rating = entry.to_rating()
    return PsfsOut(
        id=entry.pk,
        week_start=entry.week_start.isoformat(),
        activities=rating.activities,
        mean=rating.mean,
    )


@router.post(
    "/checkins",
    auth=AUTH,
    operation_id="record_checkin",
    summary="Record or replace a day's check-in",
    description=(
        "One check-in per day: posting the same day again replaces it (201 for a new day, "
        "200 for a replaced one); back-filling a missed day is fine. `new_red_flags` names "
        f"any re-check answered yes ({', '.join(CHECKIN_FLAGS)}); if there is one, the "
        f"response carries the new triage verdict, which comes before anything else. {DATE_RULE} "
        f"{IDEMPOTENCY}"
    ),
    response=responses({200: CheckInOut, 201: CheckInOut}, auth=True, body=True),
    openapi_extra={
        "responses": {
            code: {
                "links": links(
                    GetCheckIn=("get_checkin", "day", "/day"),
                    DeleteCheckIn=("delete_checkin", "day", "/day"),
                )
            }
            for code in (200, 201)
        }
    },
)
def record_checkin(
    request: HttpRequest,
    entry: CheckInBody,
    idempotency_key: IdempotencyKey = None,
) -> Status[CheckInOut]:
    result = services.record_checkin(auth_user(request), entry, idempotency_key)
    body = checkin_out(result.checkin, result.created, result.triage, result.replayed)
    return Status(201 if result.created else 200, body)


@router.get(
    "/checkins",
    auth=AUTH,
    operation_id="list_checkins",
    summary="Your check-ins",
    description="Oldest first.",
    response=responses({200: list[CheckInOut]}, auth=True),
)
def list_checkins(request: HttpRequest) -> list[CheckInOut]:
    rows = CheckIn.objects.filter(user=auth_user(request)).order_by("day")
    return [checkin_out(c) for c in rows]


@router.get(
    "/checkins/{day}",
    auth=AUTH,
    operation_id="get_checkin",
    summary="Your check-in for one day",
    description="404 when you have no check-in that day.",
    response=responses({200: CheckInOut}, auth=True, params=True, lookup=True),
)
def get_checkin(request: HttpRequest, day: date) -> CheckInOut:
    found = services.checkin_on(auth_user(request), day)
    if found is None:
        raise Http404
    return checkin_out(found)


@router.delete(
    "/checkins/{day}",
    auth=AUTH,
    operation_id="delete_checkin",
    summary="Delete your check-in for one day",
    description="It is gone for good (the progress summary changes with it).",
    response=responses({204: None}, auth=True, params=True, lookup=True),
)
def delete_checkin(request: HttpRequest, day: date) -> Status[None]:
    if not services.delete_checkin(auth_user(request), day):
        raise Http404
    return Status(204, None)


@router.post(
    "/psfs",
    auth=AUTH,
    operation_id="record_psfs",
    summary="Rate or re-rate a week's activities (PSFS)",
    description=(
        f"The Patient-Specific Functional Scale: {PSFS_ACTIVITIES} activities the back makes "
        f"hard, each {PSFS_SCORE.low} (unable) to {PSFS_SCORE.high} (as before). One rating "
        "per week: the same `week_start` again "
        "replaces it. The week may not start after today or before the journal's earliest day."
    ),
    response=responses({201: PsfsOut}, auth=True, body=True),
    openapi_extra={
        "responses": {
            201: {"links": links(DeletePsfs=("delete_psfs", "week_start", "/week_start"))}
        }
    },
)
def record_psfs(
    request: HttpRequest,
    rating: RatingBody,
) -> Status[PsfsOut]:
    entry = services.save_psfs(auth_user(request), rating.week_start, list(rating.activities))
    return Status(201, psfs_out(entry))


@router.get(
    "/psfs",
    auth=AUTH,
    operation_id="list_psfs",
    summary="Your activity ratings",
    description="Oldest first.",
    response=responses({200: list[PsfsOut]}, auth=True),
)
def list_psfs(request: HttpRequest) -> list[PsfsOut]:
    return [psfs_out(e) for e in PsfsEntry.objects.filter(user=auth_user(request))]


@router.delete(
    "/psfs/{week_start}",
    auth=AUTH,
    operation_id="delete_psfs",
    summary="Delete your activity rating for one week",
    description="404 when you have no rating for that week.",
    response=responses({204: None}, auth=True, params=True, lookup=True),
)
def delete_psfs(request: HttpRequest, week_start: date) -> Status[None]:
    if not services.delete_psfs(auth_user(request), week_start):
        raise Http404
    return Status(204, None)
