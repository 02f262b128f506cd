"""``spinewise serve`` (the web app under gunicorn) and ``spinewise manage`` (Django's commands)."""

from __future__ import annotations

import os
from typing import Any

import typer

from spinewise.cli.django_setup import SETTINGS_MODULE, setup_django


def _display_host(host: str) -> str:
    if host in {"0.0.0.0", "::"}:
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _bind(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


# Threads per worker. Pages are CPU work under one GIL per process: two threads let a
# worker answer while another request waits on the database, and more only queue behind
# the GIL (make bench: the same throughput with 2 as with 4, and a shorter p99 tail).
THREADS = 2


def gunicorn_options(host: str, port: int, workers: int, threads: int = THREADS) -> dict[str, Any]:
    """How the web app is served; ``make bench`` serves its floor app the same way."""
    return {
        "bind": _bind(host, port),
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 30,
        "graceful_timeout": 10,
        # No access log: request lines can carry personal data in query strings.
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "forwarded_allow_ips": os.environ.get("SPINEWISE_FORWARDED_ALLOW_IPS", "127.0.0.1"),
    }


def run_gunicorn(application: Any, options: dict[str, Any]) -> None:
    """Serves a WSGI application with gunicorn in this process (until stopped)."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    Server().run()


def serve_command(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(2, min=1, max=64, help="Number of gunicorn worker processes."),
    threads: int = typer.Option(
        THREADS, min=1, max=32, help="Threads per worker (requests each worker answers at once)."
    ),
    migrate: bool = typer.Option(True, help="Apply database migrations before serving."),
) -> None:
    """Serve the web app with gunicorn, after applying database migrations."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    if migrate:
        call_command("migrate", interactive=False, verbosity=0)
    if settings.PRODUCTION:
        # Hashed, compressed static files for WhiteNoise.
        call_command("collectstatic", interactive=False, verbosity=0)

    from spinewise.web.warmup import prepare_to_fork
    from spinewise.web.wsgi import application

    prepare_to_fork()  # every worker starts with content loaded and templates compiled
    typer.echo(f"Spinewise is running at http://{_display_host(host)}:{port}/  (Ctrl+C to stop)")
    typer.echo(f"Data folder: {settings.DATA_DIR}")
    run_gunicorn(application, gunicorn_options(host, port, workers, threads))


def manage_command(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. ``spinewise manage check --deploy``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["spinewise manage", *ctx.args])
