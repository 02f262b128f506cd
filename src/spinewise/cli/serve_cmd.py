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


def serve_command(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(2, min=1, max=64, help="Number of gunicorn worker processes."),
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

    from django.db import connections
    from gunicorn.app.base import BaseApplication

    from spinewise.web.wsgi import application

    options: dict[str, Any] = {
        "bind": _bind(host, port),
        "workers": workers,
        "worker_class": "gthread",
        "threads": 4,
        "timeout": 30,
        "graceful_timeout": 10,
        # No access log: request lines can carry personal data in query strings.
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "forwarded_allow_ips": os.environ.get("SPINEWISE_FORWARDED_ALLOW_IPS", "127.0.0.1"),
    }

    class SpinewiseServer(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    connections.close_all()  # never share a database connection across the fork
    typer.echo(f"Spinewise is running at http://{_display_host(host)}:{port}/  (Ctrl+C to stop)")
    typer.echo(f"Data folder: {settings.DATA_DIR}")
    SpinewiseServer().run()


def manage_command(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. ``spinewise manage check --deploy``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["spinewise manage", *ctx.args])
