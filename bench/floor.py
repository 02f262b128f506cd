"""The framework's floor: a one-view Django app served exactly as ``spinewise serve`` is.

``python -m bench.floor --port N --workers W`` runs it under gunicorn with the options of
``spinewise.cli.serve_cmd.gunicorn_options``; the web section measures every page
against it in the same run, so budgets are ratios to what Django itself does here.

``--signed-in DB`` serves the same view behind Django's own session and authentication
middleware on a SQLite file (``--prepare DB`` makes it and prints a signed-in session
cookie): the least any signed-in page can cost, as a reference beside the floor.
"""

from __future__ import annotations

import argparse
from typing import Any

import django
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.urls import path


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"<!doctype html><title>floor</title><p>Hello.</p>")


def hello_person(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return HttpResponseForbidden(b"sign in first")
    return HttpResponse(f"<!doctype html><title>floor</title><p>Hello, {request.user.pk}.</p>")


urlpatterns = [path("", hello), path("healthz", hello), path("me", hello_person)]


def _settings(database: str | None) -> dict[str, Any]:
    base: dict[str, Any] = {
        "DEBUG": False,
        "SECRET_KEY": "bench-floor-only",
        "ALLOWED_HOSTS": ["127.0.0.1", "localhost"],
        "ROOT_URLCONF": __name__,
        "MIDDLEWARE": [],
        "INSTALLED_APPS": [],
        "USE_TZ": True,
    }
    if database is None:
        return base
    return base | {
        "INSTALLED_APPS": [
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
        ],
        "MIDDLEWARE": [
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ],
        # As the app keeps its SQLite database (spinewise.web.settings).
        "DATABASES": {
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": database,
                "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"},
                "CONN_MAX_AGE": 60,
            }
        },
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    }


def prepare(database: str) -> str:
    """Creates the database and one signed-in person; returns their session cookie value."""
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    user = User.objects.create_user(username="floor", password="floor-only-password")
    client = Client()
    client.force_login(user)
    return str(client.cookies[settings.SESSION_COOKIE_NAME].value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--signed-in", metavar="DB", help="session and auth on this SQLite file")
    parser.add_argument("--prepare", metavar="DB", help="make DB, print a session cookie, exit")
    args = parser.parse_args()
    settings.configure(**_settings(args.prepare or args.signed_in))
    django.setup()
    if args.prepare:
        print(prepare(args.prepare))
        return
    if args.port is None or args.workers is None:
        parser.error("--port and --workers are needed to serve")
    from django.core.wsgi import get_wsgi_application

    from spinewise.cli.serve_cmd import gunicorn_options, run_gunicorn

    run_gunicorn(get_wsgi_application(), gunicorn_options("127.0.0.1", args.port, args.workers))


if __name__ == "__main__":
    main()
