"""Writes for the assessment app: the web layer's only way to store an assessment."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User

from spinewise.core.assessment import Assessment, assess
from spinewise.core.intake import Screening
from spinewise.web.assessments.models import SavedAssessment
from spinewise.web.limits import check_write_limit


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
