"""Test-wide setup: Django settings and a throwaway data folder for this test process."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spinewise.web.settings")
# Each test process (and xdist worker) gets its own data folder, never the user's real one.
os.environ["SPINEWISE_DATA_DIR"] = tempfile.mkdtemp(prefix="spinewise-test-data-")
os.environ.setdefault("SPINEWISE_ENV", "test")


def pytest_configure(config: pytest.Config) -> None:
    # pytest-django only sets Django up when the settings are already configured, and it
    # looks before this file is imported; touching a setting loads them.
    from django.conf import settings

    _ = settings.INSTALLED_APPS


@pytest.fixture(autouse=True)
def _forget_cached_pages() -> Iterator[None]:
    """Each test starts with empty caches: ids are reused once a test's rows roll back."""
    yield
    from django.apps import apps

    if apps.ready:
        from django.core.cache import cache

        from spinewise.web.programmes.models import forget_parsed_programmes

        cache.clear()
        forget_parsed_programmes()
