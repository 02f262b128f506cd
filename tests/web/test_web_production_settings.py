"""Production settings refuse to start unsafely and pass Django's deployment checks."""

from __future__ import annotations

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest


def _run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("SPINEWISE_") and key not in {"DATABASE_URL"}
    }
    clean.update(
        DJANGO_SETTINGS_MODULE="spinewise.web.settings",
        SPINEWISE_DATA_DIR=str(tmp_path / "data"),
        SPINEWISE_STATIC_ROOT=str(tmp_path / "static"),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _random_key() -> str:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(50))


@pytest.mark.parametrize(
    "key",
    [
        None,
        "",
        "django-insecure-spinewise-development-only-key-do-not-use-in-production",
        "abcde",  # five characters
        "ab" * 30,  # long, but two different characters
    ],
)
def test_production_refuses_a_missing_or_development_secret_key(
    tmp_path: Path, key: str | None
) -> None:
    env = {"SPINEWISE_ENV": "production", "SPINEWISE_ALLOWED_HOSTS": "spinewise.example.org"}
    if key is not None:
        env["SPINEWISE_SECRET_KEY"] = key

    result = _run(tmp_path, "check", **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SPINEWISE_SECRET_KEY" in result.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    result = _run(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SPINEWISE_ENV="production",
        SPINEWISE_SECRET_KEY=_random_key(),
        SPINEWISE_ALLOWED_HOSTS="spinewise.example.org",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_development_settings_fail_the_deploy_check(tmp_path: Path) -> None:
    # Guards the test above: the same check does catch an unsafe configuration.
    result = _run(tmp_path, "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode != 0
    assert "security.W018" not in result.stdout + result.stderr  # DEBUG stays off
    assert "security.W009" in result.stdout + result.stderr  # the development key


def test_production_uses_hashed_static_files_and_secure_cookies(tmp_path: Path) -> None:
    code = (
        "from django.conf import settings as s;"
        "print(s.STORAGES['staticfiles']['BACKEND']);"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, s.DEBUG)"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SPINEWISE_")}
    clean.update(
        DJANGO_SETTINGS_MODULE="spinewise.web.settings",
        SPINEWISE_ENV="production",
        SPINEWISE_SECRET_KEY=_random_key(),
        SPINEWISE_DATA_DIR=str(tmp_path / "data"),
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=True
    )

    lines = result.stdout.split("\n")
    assert lines[0] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert lines[1] == "True True True False"


def _production(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    settings = {
        "SPINEWISE_ENV": "production",
        "SPINEWISE_SECRET_KEY": _random_key(),
        "SPINEWISE_ALLOWED_HOSTS": "spinewise.example.org",
        **env,
    }
    return _run(tmp_path, "check", **settings)


@pytest.mark.parametrize("name", ["prod", "Prodution", "staging", "live"])
def test_an_unknown_environment_name_is_refused_not_run_as_development(
    tmp_path: Path, name: str
) -> None:
    result = _production(tmp_path, SPINEWISE_ENV=name)

    assert result.returncode != 0
    assert "SPINEWISE_ENV must be one of development, test, production" in result.stderr


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
    ],
)
def test_production_refuses_mail_backends_that_keep_reset_links(
    tmp_path: Path, backend: str
) -> None:
    result = _production(tmp_path, SPINEWISE_EMAIL_BACKEND=backend)

    assert result.returncode != 0
    assert "password-reset links" in result.stderr


def test_production_sends_mail_by_smtp_by_default(tmp_path: Path) -> None:
    code = "from django.conf import settings as s; print(s.EMAIL_BACKEND)"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SPINEWISE_")}
    clean.update(
        DJANGO_SETTINGS_MODULE="spinewise.web.settings",
        SPINEWISE_ENV="production",
        SPINEWISE_SECRET_KEY=_random_key(),
        SPINEWISE_DATA_DIR=str(tmp_path / "data"),
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"
