"""The API's own writes (tokens) and the one programme flow the apps' services lack."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from spinewise.core.intake import Screening
from spinewise.core.plan import Preferences, Programme, build_programme
from spinewise.web.api.models import ApiToken, hash_token, new_raw_token
from spinewise.web.assessments.services import assess_for_web, save_assessment
from spinewise.web.limits import check_write_limit
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.services import check_start, create_programme


def preview_programme(intake: Screening, prefs: Preferences, start: date) -> Programme:
    """The programme for an anonymous caller: built, not stored. NoProgrammeError as core."""
    check_start(prefs, start)
    return build_programme(assess_for_web(intake), intake, prefs, start)


@transaction.atomic
def save_intake_and_programme(
    user: User, intake: Screening, prefs: Preferences, start: date
) -> SavedProgramme:
    """Saves the assessment, then the programme; NoProgrammeError rolls both back."""
    saved = save_assessment(user, intake)
    return create_programme(user, saved, prefs, start)


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token and its raw secret, which is not stored and cannot be shown again."""
    check_write_limit(user, ApiToken, "API tokens")
    raw = new_raw_token()
    token = ApiToken.objects.create(user=user, name=name, token_hash=hash_token(raw))
    return token, raw


def revoke_token(user: User, token_id: int) -> bool:
    """Deletes one of the user's tokens; False when they have no token with this id."""
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0
