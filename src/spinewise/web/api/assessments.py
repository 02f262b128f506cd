"""POST /assessments (anyone), and the caller's saved assessments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from ninja import Body, P, QueryEx, Router
from ninja.errors import HttpError

from spinewise.core.intake import IntakeError, Screening
from spinewise.web.api.auth import AUTH, auth_user, optional_user
from spinewise.web.api.examples import EXAMPLE_INTAKE, example_assessment
from spinewise.web.api.http import OPTIONAL_AUTH, json_response, links, owned_or_404, responses
from spinewise.web.api.schemas import AssessmentOut, AssessmentSummary, IntakeJson
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.assessments.services import assess_for_web, emergency_number, save_assessment

router = Router(tags=["assessments"])

if TYPE_CHECKING:
    IntakeBody = Screening
else:
    IntakeBody = Body[IntakeJson, {"example": EXAMPLE_INTAKE}]

SAVE_NEEDS_AUTH = "saving needs authentication: sign in, or send Authorization: Bearer <token>"


def saved_json(saved: SavedAssessment, result: dict[str, Any]) -> dict[str, Any]:
    return {**result, "id": saved.pk, "created": saved.created}


@router.post(
    "/assessments",
    auth=None,
    operation_id="create_assessment",
    by_alias=True,  # core publishes schema_id as "schema"
    summary="Assess an intake",
    description=(
        "Triage first, then region, likely causes (most likely first) and common mistakes: "
        "the same JSON as `spinewise assess --json`. Anyone may call it; nothing is stored "
        "unless an authenticated caller passes `save=true`, which answers 201 with an `id`. "
        "Emergency and urgent results carry no causes or exercise advice. An intake may "
        "stop where the questionnaire stops (an emergency answer, or every safety answer "
        "with an urgent verdict or an age under 16): the result then says `complete: false` "
        "and lists what was not asked. An invalid intake answers 422 naming every bad field."
    ),
    response=responses(
        {200: AssessmentOut, 201: AssessmentOut}, auth=True, body=True, limited=True
    ),
    openapi_extra={
        "security": OPTIONAL_AUTH,
        "responses": {
            200: {"content": {"application/json": {"example": example_assessment()}}},
            201: {"links": links(GetAssessment=("get_assessment", "assessment_id", "/id"))},
        },
    },
)
def create_assessment(
    request: HttpRequest,
    intake: IntakeBody,
    save: QueryEx[bool, P(description="Also store it for the caller (answers 201).")] = False,
) -> HttpResponse:
    user = optional_user(request) if save else None
    if save and user is None:
        raise HttpError(401, SAVE_NEEDS_AUTH)
    if user is None:
        return json_response(assess_for_web(intake).to_json_dict())
    saved = save_assessment(user, intake)
    return json_response(saved_json(saved, saved.result), status=201)


@router.get(
    "/assessments",
    auth=AUTH,
    operation_id="list_assessments",
    summary="Your saved assessments",
    description="Newest first.",
    response=responses({200: list[AssessmentSummary]}, auth=True),
)
def list_assessments(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {"id": s.pk, "created": s.created, "level": s.level, "region": s.region or None}
        for s in SavedAssessment.objects.filter(user=auth_user(request))
    ]


@router.get(
    "/assessments/{assessment_id}",
    auth=AUTH,
    operation_id="get_assessment",
    by_alias=True,  # core publishes schema_id as "schema"
    summary="One of your saved assessments",
    description=(
        "The saved answers assessed under today's rules (content corrections since saving "
        "apply), with the id and the time it was saved. Someone else's id answers 404."
    ),
    response=responses({200: AssessmentOut}, auth=True, params=True, lookup=True),
)
def get_assessment(request: HttpRequest, assessment_id: int) -> HttpResponse:
    saved = owned_or_404(SavedAssessment, auth_user(request), assessment_id)
    try:
        result = saved.reassess(emergency_number()).to_json_dict()
    except IntakeError:
        result = saved.result  # answers from an older contract: show the verdict as saved
    return json_response(saved_json(saved, result))
