"""Links that pages repeat, reversed once per process.

Django's ``reverse`` walks the URL resolver on every call: 30 to 60 µs each on the bench
machine (a day in the path costs the most), and a programme page names a dozen links (the
plan, two sessions, their check-ins, every exercise's drawings, the calendar). ``link``
remembers each (view, arguments) under the current script prefix, URL configuration and
application namespace, so the answer is the one ``reverse`` would give. Templates get the
same through ``{% load cached_url %}``. Tests that change URL settings clear it
(``setting_changed``).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any, TypeGuard

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse

LinkArgument = str | int | date


def link(viewname: str, *args: LinkArgument, current_app: str | None = None) -> str:
    """``reverse(viewname, args=args, current_app=current_app)``, remembered."""
    return _reverse(viewname, args, current_app, get_script_prefix(), get_urlconf())


def rememberable(value: object) -> TypeGuard[LinkArgument]:
    """Whether ``link`` can key on ``value``: a string, a plain integer or a day. Not a bool
    (``True == 1`` would share 1's entry) and not a datetime (its text is not a day's)."""
    if isinstance(value, bool | datetime):
        return False
    return isinstance(value, str | int | date)


@lru_cache(maxsize=4096)
def _reverse(
    viewname: str,
    args: tuple[LinkArgument, ...],
    current_app: str | None,
    prefix: str,
    urlconf: str | None,
) -> str:
    return reverse(viewname, urlconf=urlconf, args=list(args), current_app=current_app)


def _forget(*, setting: str, **_: Any) -> None:
    if setting in {"ROOT_URLCONF", "INSTALLED_APPS", "FORCE_SCRIPT_NAME"}:
        _reverse.cache_clear()


setting_changed.connect(_forget)
