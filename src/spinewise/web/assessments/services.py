"""Writes for the assessment app: the web layer's only way to store an assessment."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.contrib.auth.models import User
from django.http import Http404

from spinewise.core.assessment import Assessment, assess
from spinewise.core.intake import Screening
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.limits import check_write_limit
from spinewise.web.prepared_reads import PreparedRead


def emergency_number() -> str:
    return str(settings.SPINEWISE_EMERGENCY_NUMBER)


def assess_for_web(intake: Screening) -> Assessment:
    return assess(intake, emergency_number=emergency_number())


def save_assessment(user: User, intake: Screening) -> SavedAssessment:
    """Stores the answers and the verdict; WriteLimitReached past the hourly limit."""
    check_write_limit(user, SavedAssessment, "saved assessments")
    assessment = assess_for_web(intake)
    return SavedAssessment.objects.create(
        user=user,
        intake=intake.as_data(),
        result=assessment.to_json_dict(),
        level=assessment.triage.level.value,
        region=assessment.region or "",
    )


@cache
def _own_light() -> PreparedRead[SavedAssessment]:
    return PreparedRead(
        SavedAssessment, where=[("id", "="), ("user", "=")], defer=["intake", "result"]
    )


def own_assessment(user: User, pk: int) -> SavedAssessment:
    """The person's own saved assessment, without its answers and verdict (loaded only
    when used); 404 for anyone else's. Read by a prepared statement: the result page is
    opened often and its cached copy needs only these columns."""
    found = _own_light().instance(pk, user.pk)
    if found is None:
        raise Http404("No such assessment")
    return found
