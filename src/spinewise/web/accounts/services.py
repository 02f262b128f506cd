"""Account-wide writes: a new password, and deleting a person and everything about them."""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import transaction

from spinewise.web.accounts import throttle
from spinewise.web.api.models import ApiToken


def password_changed(user: User) -> None:
    """A new password: every API token stops working and the sign-in delay is cleared."""
    ApiToken.objects.filter(user=user).delete()
    throttle.clear(user.get_username())


@transaction.atomic
def delete_account(user: User) -> None:
    """Removes the person and every row about them.

    Their own records go with the user row (foreign keys cascade). Sign-in records
    (django-axes) and open sessions name them without a foreign key, so they are
    removed here by email and by session contents.
    """
    identifiers = {user.get_username(), user.email}
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__in=identifiers).delete()
    for identifier in identifiers:
        throttle.clear(identifier)
    user_id = str(user.pk)
    stale = [
        session.session_key
        for session in Session.objects.iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(session_key__in=stale).delete()
    user.delete()
