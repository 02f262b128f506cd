"""The caller's daily check-ins, weekly activity and pain-interference ratings and outcomes:
the journal the web and CLI use."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from django.http import Http404, HttpRequest
from ninja import Body, Header, Router, Status

from spinewise.core.checkin import CHECKIN_FLAGS
from spinewise.core.journal import (
    IDEMPOTENCY_KEY,
    IDEMPOTENCY_KEY_RULE,
    INTERFERENCE,
    PSFS_ACTIVITIES,
    PSFS_SCORE,
    DailyEntry,
    InterferenceRating,
    WeeklyRating,
)
from spinewise.core.personal_outcomes import PersonalOutcomes, score_interference
from spinewise.web.api.auth import AUTH, auth_user
from spinewise.web.api.http import links, responses
from spinewise.web.api.schemas import CheckInOut, InterferenceOut, PsfsOut, strict_json
from spinewise.web.journal import services
from spinewise.web.journal.models import CheckIn, InterferenceEntry, PsfsEntry

router = Router(tags=["journal"])

CHECKIN_EXAMPLE = {"day": "2026-11-24", "pain": 4, "sessions_done": 1, "new_red_flags": []}
RATING_EXAMPLE = {"week_start": "2026-11-23", "activities": [{"name": "Sitting", "score": 4}]}
INTERFERENCE_EXAMPLE = {"week_start": "2026-11-23", "pain": 5, "enjoyment": 4, "activity": 6}
if TYPE_CHECKING:
    CheckInBody = DailyEntry
    RatingBody = WeeklyRating
    InterferenceBody = InterferenceRating
else:
    CheckInBody = Body[strict_json(DailyEntry), {"example": CHECKIN_EXAMPLE}]
    RatingBody = Body[strict_json(WeeklyRating), {"example": RATING_EXAMPLE}]
    InterferenceBody = Body[strict_json(InterferenceRating), {"example": INTERFERENCE_EXAMPLE}]
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


def interference_out(entry: InterferenceEntry) -> InterferenceOut:
    result = score_interference(entry.to_rating())
    return InterferenceOut(
        id=entry.pk,
        week_start=entry.week_start.isoformat(),
        pain=entry.pain,
        enjoyment=entry.enjoyment,
        activity=entry.activity,
        mean=result.scores["mean"],
        band=result.band_label,
    )


@router.post(
    "/pain-interference",
    auth=AUTH,
    operation_id="record_pain_interference",
    summary="Rate or re-rate a week's pain interference",
    description=(
        "Three answers about the last seven days, each "
        f"{INTERFERENCE.low}-{INTERFERENCE.high}: how strong the pain usually was (`pain`), "
        "how much it took the pleasure out of things (`enjoyment`) and how much it held back "
        "day-to-day activities (`activity`). Scored as their mean. One rating per week: any "
        "day of a week names that week (kept by its Monday), and rating it again replaces "
        "it. The week may not start after today or before the journal's earliest day."
    ),
    response=responses({201: InterferenceOut}, auth=True, body=True),
    openapi_extra={
        "responses": {
            201: {
                "links": links(
                    DeletePainInterference=(
                        "delete_pain_interference",
                        "week_start",
                        "/week_start",
                    )
                )
            }
        }
    },
)
def record_pain_interference(
    request: HttpRequest, rating: InterferenceBody
) -> Status[InterferenceOut]:
    entry = services.save_interference(auth_user(request), rating.model_dump())
    return Status(201, interference_out(entry))


@router.get(
    "/pain-interference",
    auth=AUTH,
    operation_id="list_pain_interference",
    summary="Your weekly pain-interference ratings",
    description="Oldest first.",
    response=responses({200: list[InterferenceOut]}, auth=True),
)
def list_pain_interference(request: HttpRequest) -> list[InterferenceOut]:
    return [interference_out(e) for e in InterferenceEntry.objects.filter(user=auth_user(request))]


@router.delete(
    "/pain-interference/{week_start}",
    auth=AUTH,
    operation_id="delete_pain_interference",
    summary="Delete your pain-interference rating for one week",
    description="404 when you have no rating for that week (give the week's Monday).",
    response=responses({204: None}, auth=True, params=True, lookup=True),
)
def delete_pain_interference(request: HttpRequest, week_start: date) -> Status[None]:
    if not services.delete_interference(auth_user(request), week_start):
        raise Http404
    return Status(204, None)


@router.get(
    "/outcomes",
    auth=AUTH,
    operation_id="my_outcomes",
    summary="Your outcomes over the weeks",
    description=(
        "Pain interference, the recovery screen, function (PSFS) and sessions done, per "
        "programme week, each with its first-to-latest change and whether it is meaningful "
        "by its published threshold (the rule, its sources and any caveat are included)."
    ),
    response=responses({200: PersonalOutcomes}, auth=True),
)
def my_outcomes(request: HttpRequest) -> PersonalOutcomes:
    user = auth_user(request)
    return services.outcomes_for(user, services.today_for(user))
