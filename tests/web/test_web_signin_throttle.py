"""Password guessing is slow, and nobody can lock an owner out (issue 12, finding 1).

Behind the documented proxy the client is read from X-Forwarded-For; wrong passwords are
limited per address (django-axes) and slowed per account (progressive delays); the owner
always gets in with a reset link; every password check (log in, change, delete) counts.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone

from spinewise.web.accounts import throttle
from spinewise.web.accounts.models import SignInThrottle
from spinewise.web.client_ip import client_ip

pytestmark = pytest.mark.django_db

PASSWORD = "calm-river-stone-42"
EMAIL = "owner@example.com"
PROXY = "127.0.0.1"  # nginx on the same host


def from_address(address: str) -> Client:
    """A browser whose requests reach the app through nginx, which appends its address."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


def log_in(client: Client, password: str, email: str = EMAIL) -> int:
    return client.post("/accounts/login/", {"username": email, "password": password}).status_code


def let_time_pass(email: str = EMAIL) -> None:
    """As if the account's current delay had run out."""
    SignInThrottle.objects.filter(username=email).update(
        last_failure=timezone.now() - throttle.MAX_DELAY
    )


# --- The client address --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.5"),  # exposed directly: the header is the client's word
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a forged first entry is ignored
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.4", "203.0.113.9"),
        (1, "", "10.0.0.5"),
        (1, "not-an-address", "10.0.0.5"),
    ],
)
def test_the_client_is_read_through_the_trusted_proxies(
    proxies: int, forwarded: str, expected: str
) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(SPINEWISE_TRUSTED_PROXIES=proxies):
        assert client_ip(request) == expected


# --- Behind the proxy: a stranger cannot lock the owner out ------------------------------------


@override_settings(SPINEWISE_TRUSTED_PROXIES=1)
def test_a_strangers_wrong_passwords_do_not_lock_the_owner_out(user: User) -> None:
    stranger = from_address("198.51.100.7")
    for _ in range(3):
        assert log_in(stranger, "wrong-password-1") == 200
    let_time_pass()
    assert log_in(stranger, "wrong-password-1") == 200  # 4th: now the account waits 2 s

    owner = from_address("203.0.113.20")
    assert log_in(owner, PASSWORD) == 429  # slowed, for seconds, not locked
    let_time_pass()
    assert log_in(owner, PASSWORD) == 302
    assert "_auth_user_id" in owner.session


@override_settings(SPINEWISE_TRUSTED_PROXIES=1)
def test_one_address_is_locked_out_after_the_limit_but_others_are_not(user: User) -> None:
    attacker = from_address("198.51.100.7")
    for n in range(9):
        assert log_in(attacker, "wrong-password-1", f"someone{n}@example.com") == 200
    assert log_in(attacker, "wrong-password-1", "someone9@example.com") == 429  # the 10th
    assert log_in(attacker, PASSWORD) == 429  # even the right password, from there
    assert (
        "Too many log-in attempts"
        in attacker.post(
            "/accounts/login/", {"username": EMAIL, "password": PASSWORD}
        ).content.decode()
    )

    assert log_in(from_address("203.0.113.20"), PASSWORD) == 302


@override_settings(SPINEWISE_TRUSTED_PROXIES=1)
def test_a_distributed_guesser_is_slowed_per_account(user: User) -> None:
    codes = []
    for n in range(8):
        guesser = from_address(f"198.51.100.{n + 1}")  # a new address for every guess
        codes.append(log_in(guesser, f"guess-{n}"))
    assert codes[:3] == [200, 200, 200]
    assert set(codes[3:]) == {429}  # refused without checking: no more guesses counted
    assert SignInThrottle.objects.get(username=EMAIL).failures == 3


def test_the_delay_doubles_and_is_capped() -> None:
    delays = [throttle.delay_after(n).total_seconds() for n in range(1, 20)]
    assert delays[:2] == [0, 0]
    assert delays[2:6] == [1, 2, 4, 8]
    assert max(delays) == throttle.MAX_DELAY.total_seconds()


@override_settings(SPINEWISE_TRUSTED_PROXIES=1)
def test_a_reset_link_lets_the_owner_in_whatever_strangers_tried(user: User) -> None:
    stranger = from_address("198.51.100.7")
    for _ in range(8):
        log_in(stranger, "wrong-password-1")
        let_time_pass()
    SignInThrottle.objects.filter(username=EMAIL).update(last_failure=timezone.now())
    owner = from_address("203.0.113.20")
    assert log_in(owner, PASSWORD) == 429

    owner.post("/accounts/password/reset/", {"email": EMAIL})
    link = re.search(r"https?://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    form = owner.get(link.group(1), follow=True)
    new = "quiet-harbour-lamp-77"
    done = owner.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})

    assert done.status_code == 302
    assert "_auth_user_id" in owner.session  # signed in by the link
    assert not SignInThrottle.objects.filter(username=EMAIL).exists()
    assert log_in(from_address("203.0.113.21"), new) == 302


# --- Every password check is throttled ----------------------------------------------------------


def test_the_password_change_form_is_throttled(owner_client: Client, user: User) -> None:
    def change(old: str) -> int:
        new = "quiet-harbour-lamp-77"
        data = {"old_password": old, "new_password1": new, "new_password2": new}
        return owner_client.post("/accounts/password/change/", data).status_code

    assert [change("wrong-password-1") for _ in range(4)] == [200, 200, 200, 429]
    assert change(PASSWORD) == 429
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_delete_account_form_is_throttled(owner_client: Client, user: User) -> None:
    def delete(password: str) -> int:
        data = {"password": password, "confirm": "on"}
        return owner_client.post("/accounts/delete/", data).status_code

    assert [delete("wrong-password-1") for _ in range(4)] == [400, 400, 400, 429]
    assert delete(PASSWORD) == 429
    assert User.objects.filter(pk=user.pk).exists()


def test_a_right_password_clears_the_accounts_failures(client: Client, user: User) -> None:
    log_in(client, "wrong-password-1")
    log_in(client, "wrong-password-1")
    assert log_in(client, PASSWORD) == 302
    assert not SignInThrottle.objects.exists()


def test_failures_are_forgotten_after_a_quiet_day(client: Client, user: User) -> None:
    for _ in range(5):
        log_in(client, "wrong-password-1")
        let_time_pass()
    SignInThrottle.objects.update(last_failure=timezone.now() - timedelta(hours=25))
    assert throttle.wait_seconds(EMAIL) == 0
