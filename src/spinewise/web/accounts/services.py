"""Account-wide writes: a new password, and deleting a person and everything about them."""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from spinewise.web.accounts import throttle
from spinewise.web.accounts.models import PendingSignup, hash_signup_token, new_signup_token
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
    PendingSignup.objects.filter(email__in=identifiers).delete()
    user_id = str(user.pk)
    stale = [
        session.session_key
        for session in Session.objects.iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(session_key__in=stale).delete()
    user.delete()


def _mail(request: HttpRequest, to: str, template: str, context: dict[str, str]) -> None:
    body = render_to_string(template, {**context, "email": to}, request=request)
    subject = render_to_string("registration/signup_subject.txt").strip()
    send_mail(subject, body, None, [to])


def start_signup(request: HttpRequest, *, email: str, password: str, next_path: str) -> None:
    """Emails a link that finishes the sign-up, or, when the address already has an
    account, a note saying so with the log-in and reset links. The person on the page
    sees the same answer either way, so sign-up never tells who has an account."""
    hashed = make_password(password)  # in both cases, so both take the same time
    if User.objects.filter(username__iexact=email).exists():
        _mail(
            request,
            email,
            "registration/signup_exists_email.txt",
            {
                "login_url": request.build_absolute_uri(reverse("accounts:login")),
                "reset_url": request.build_absolute_uri(reverse("accounts:password_reset")),
            },
        )
        return
    raw = new_signup_token()
    PendingSignup.objects.create(
        email=email, password=hashed, token_hash=hash_signup_token(raw), next_path=next_path
    )
    link = request.build_absolute_uri(reverse("accounts:signup_confirm", args=[raw]))
    _mail(request, email, "registration/signup_email.txt", {"link": link})


def pending_signup(raw_token: str) -> PendingSignup | None:
    """The sign-up this link finishes, if it has not expired or been used."""
    fresh = timezone.now() - PendingSignup.LIFETIME
    return PendingSignup.objects.filter(
        token_hash=hash_signup_token(raw_token), created__gte=fresh
    ).first()


@transaction.atomic
def finish_signup(pending: PendingSignup) -> User | None:
    """Makes the account; None when the address got an account meanwhile."""
    PendingSignup.objects.filter(email=pending.email).delete()
    if User.objects.filter(username__iexact=pending.email).exists():
        return None
    user = User(username=pending.email, email=pending.email, password=pending.password)
    user.save()
    return user
