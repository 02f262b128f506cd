"""Links that pages repeat, reversed once per process.

Django's ``reverse`` walks the URL resolver on every call: about 30 µs each on the bench
machine, and a programme page's offline list names a dozen links (the plan, two sessions,
their check-ins, every exercise's drawings). ``link`` remembers each (view, arguments)
under the current script prefix, so the answer is the one ``reverse`` would give. Tests
that change URL settings clear it (``setting_changed``).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from django.core.signals import setting_changed
from django.urls import get_script_prefix, reverse

LinkArgument = str | int | date


def link(viewname: str, *args: LinkArgument) -> str:
    """``reverse(viewname, args=args)``, remembered."""
    return _reverse(viewname, args, get_script_prefix())


@lru_cache(maxsize=4096)
def _reverse(viewname: str, args: tuple[LinkArgument, ...], prefix: str) -> str:
    return reverse(viewname, args=list(args))


def _forget(*, setting: str, **_: Any) -> None:
    if setting in {"ROOT_URLCONF", "INSTALLED_APPS", "FORCE_SCRIPT_NAME"}:
        _reverse.cache_clear()


setting_changed.connect(_forget)
