"""Which person a CLI command acts for, in the database the web app shares.

``--user EMAIL`` (or ``$SPINEWISE_USER``) picks an account. Without it: the only account if
there is exactly one; a new local profile if there is none; with several, the command
stops and lists them, so nobody's journal is written to by mistake.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from spinewise.cli.errors import EXIT_USAGE, err_console, fail
from spinewise.cli.options import USER_ENV

if TYPE_CHECKING:
    from django.contrib.auth.models import User

LOCAL_EMAIL = "local@spinewise.invalid"
MAX_LISTED = 20


def _find(email: str) -> User | None:
    from django.contrib.auth.models import User
    from django.db.models import Q

    return (
        User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email))
        .order_by("pk")
        .first()
    )


def _listing(users: list[User], total: int) -> str:
    lines = [f"  {user.username}" for user in users]
    if total > len(users):
        lines.append(f"  ... and {total - len(users)} more")
    return "\n".join(lines)


def create_local_profile() -> User:
    """The local profile account: no password until one is set with ``changepassword``."""
    from django.contrib.auth.models import User

    user = User(username=LOCAL_EMAIL, email=LOCAL_EMAIL)
    user.set_unusable_password()
    user.save()
    return user


def resolve_user(email: str | None) -> User:
    """The account a command acts for (Django must be set up); exits 2 when it is unclear."""
    from django.contrib.auth.models import User

    if email is not None and email.strip():
        found = _find(email.strip())
        if found is None:
            total = User.objects.count()
            known = list(User.objects.order_by("username")[:MAX_LISTED])
            hint = (
                f" Accounts:\n{_listing(known, total)}" if known else " There are no accounts yet."
            )
            fail(f"no account with the email {email.strip()!r}.{hint}")
        return found
    total = User.objects.count()
    if total == 1:
        only = User.objects.get()
        return only
    if total == 0:
        user = create_local_profile()
        err_console().print(
            "Created a local profile; to see it on the web, set a password with "
            f"`spinewise manage changepassword {LOCAL_EMAIL}`",
            highlight=False,
        )
        return user
    accounts = list(User.objects.order_by("username")[:MAX_LISTED])
    err_console().print(
        f"[bold red]Error:[/] there are {total} accounts; choose one with --user EMAIL "
        f"(or set {USER_ENV}):",
        highlight=False,
    )
    err_console().print(_listing(accounts, total), highlight=False, markup=False)
    raise typer.Exit(EXIT_USAGE)
