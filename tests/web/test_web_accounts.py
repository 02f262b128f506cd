"""Sign up, log in, log out, change and reset a password."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from spinewise.web.accounts.backends import BACKEND

pytestmark = pytest.mark.django_db

PASSWORD = "calm-river-stone-42"
NEW_PASSWORD = "quiet-harbour-lamp-77"


def _is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _confirm_link(index: int = -1) -> str:
    body = mail.outbox[index].body
    match = re.search(r"https?://testserver(/accounts/signup/confirm/\S+/)", body)
    assert match is not None, body
    return match.group(1)


def test_sign_up_confirms_the_email_then_creates_the_account(client: Client) -> None:
    response = client.post(
        "/accounts/signup/",
        {"email": "New.Person@Example.com", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/signup/sent/"
    assert not User.objects.exists() and not _is_logged_in(client)
    assert mail.outbox[0].to == ["new.person@example.com"]

    link = _confirm_link()
    assert "Create my account" in client.get(link).content.decode()  # GET changes nothing
    assert not User.objects.exists()
    done = client.post(link)

    assert done.status_code == 302 and done["Location"] == "/accounts/"
    user = User.objects.get()
    assert user.username == "new.person@example.com"
    assert user.email == "new.person@example.com"
    assert user.check_password(PASSWORD)
    assert _is_logged_in(client)
    assert "Welcome to Spinewise" in client.get("/accounts/").content.decode()
    assert client.post(link).status_code == 404  # a link works once


def test_sign_up_does_not_say_which_emails_have_accounts(client: Client, user: User) -> None:
    taken = client.post(
        "/accounts/signup/",
        {"email": "OWNER@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    free = Client().post(
        "/accounts/signup/",
        {"email": "free@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert (taken.status_code, taken["Location"]) == (free.status_code, free["Location"])
    assert User.objects.count() == 1
    # The owner learns of it by email, with the way in.
    [to_owner] = [m for m in mail.outbox if m.to == ["owner@example.com"]]
    assert "already have an account" in to_owner.body and "/accounts/password/reset/" in (
        to_owner.body
    )
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize(
    ("password1", "password2", "message"),
    [
        ("short", "short", "too short"),
        (PASSWORD, NEW_PASSWORD, "do not match"),
        ("password1234", "password1234", "too common"),
    ],
)
def test_sign_up_rejects_weak_or_mismatched_passwords(
    client: Client, password1: str, password2: str, message: str
) -> None:
    response = client.post(
        "/accounts/signup/",
        {"email": "someone@example.com", "password1": password1, "password2": password2},
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists() and mail.outbox == []


def test_sign_up_page_sends_logged_in_people_to_their_account(owner_client: Client) -> None:
    response = owner_client.get("/accounts/signup/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/"


def test_log_in_with_email_in_any_case(client: Client, user: User) -> None:
    response = client.post(
        "/accounts/login/", {"username": "Owner@Example.COM", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/"
    assert _is_logged_in(client)


def test_log_in_with_wrong_password_fails(client: Client, user: User) -> None:
    response = client.post(
        "/accounts/login/", {"username": "owner@example.com", "password": "wrong-password-1"}
    )

    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert not _is_logged_in(client)


def test_log_out_needs_a_post(owner_client: Client) -> None:
    assert owner_client.get("/accounts/logout/").status_code == 405
    assert _is_logged_in(owner_client)

    response = owner_client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not _is_logged_in(owner_client)


def test_log_out_requires_csrf_token(user: User) -> None:
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(user, backend=BACKEND)

    assert csrf_client.post("/accounts/logout/").status_code == 403
    assert _is_logged_in(csrf_client)


def test_password_change(owner_client: Client, user: User) -> None:
    response = owner_client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/change/done/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert _is_logged_in(owner_client)


def test_password_change_needs_the_old_password(owner_client: Client, user: User) -> None:
    response = owner_client.post(
        "/accounts/password/change/",
        {
            "old_password": "not-it-at-all",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_link_works_once(client: Client, user: User) -> None:
    response = client.post("/accounts/password/reset/", {"email": "owner@example.com"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["owner@example.com"]
    assert message.subject == "Reset your Spinewise password"
    link = re.search(r"https?://testserver(/accounts/password/reset/\S+/)", message.body)
    assert link is not None

    # Django swaps the token in the URL for a session value, then shows the form.
    form_page = client.get(link.group(1), follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302
    assert done["Location"] == "/accounts/password/reset/complete/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    again = Client().get(link.group(1), follow=True)
    assert "This link no longer works" in again.content.decode()


def test_password_reset_for_unknown_email_sends_nothing_but_looks_the_same(
    client: Client,
) -> None:
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []
