"""Public reference data: the exercise library and the intake's JSON Schema."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import P, QueryEx, Router
from ninja.errors import HttpError

from spinewise.core.exercises import Exercise, exercises_for, get_exercise
from spinewise.core.intake import intake_json_schema
from spinewise.core.knowledge import CauseId
from spinewise.core.knowledge import RegionId as Region
from spinewise.web.api.http import responses
from spinewise.web.api.schemas import ExerciseOut
from spinewise.web.site.library import drawing_urls

router = Router()


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    return {
        **exercise.model_dump(mode="json"),
        "page": reverse("site:exercise_detail", args=[exercise.id]),
        "illustration": drawing_urls(exercise.id).animation,
    }


@router.get(
    "/exercises",
    auth=None,
    tags=["exercises"],
    operation_id="list_exercises",
    summary="The exercise library",
    description="Every exercise, or those for a region and/or cause, in library order.",
    response=responses({200: list[ExerciseOut]}, params=True),
)
def list_exercises(
    request: HttpRequest,
    region: QueryEx[Region | None, P(description="Back region it serves.")] = None,
    cause: QueryEx[CauseId | None, P(description="Cause it serves.")] = None,
) -> list[dict[str, Any]]:
    return [exercise_json(exercise) for exercise in exercises_for(region=region, cause=cause)]


@router.get(
    "/exercises/{exercise_id}",
    auth=None,
    tags=["exercises"],
    operation_id="get_exercise",
    summary="One exercise",
    description="Steps, dose, form cues, when to stop, contraindications and sources.",
    response=responses({200: ExerciseOut}, lookup=True),
)
def get_one_exercise(request: HttpRequest, exercise_id: str) -> dict[str, Any]:
    try:
        exercise = get_exercise(exercise_id)
    except KeyError as exc:
        raise HttpError(404, "no exercise with this id: GET /api/v1/exercises lists them") from exc
    return exercise_json(exercise)


@router.get(
    "/intake-schema",
    auth=None,
    tags=["intake"],
    operation_id="get_intake_schema",
    summary="The intake's JSON Schema",
    description="The `spinewise.intake/2` contract, as `spinewise intake-schema` prints it.",
    response={200: dict[str, Any]},
)
def get_intake_schema(request: HttpRequest) -> dict[str, Any]:
    return intake_json_schema()
