"""The framework's floor: a one-view Django app served exactly as ``spinewise serve`` is.

``python -m bench.floor --port N --workers W`` runs it under gunicorn with the options of
``spinewise.cli.serve_cmd.gunicorn_options``; the web section measures every page
against it in the same run, so budgets are ratios to what Django itself does here.
"""

from __future__ import annotations

import argparse

import django
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import path


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"<!doctype html><title>floor</title><p>Hello.</p>")


urlpatterns = [path("", hello), path("healthz", hello)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, required=True)
    args = parser.parse_args()
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-floor-only",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        USE_TZ=True,
    )
    django.setup()
    from django.core.wsgi import get_wsgi_application

    from spinewise.cli.serve_cmd import gunicorn_options, run_gunicorn

    run_gunicorn(get_wsgi_application(), gunicorn_options("127.0.0.1", args.port, args.workers))


if __name__ == "__main__":
    main()
