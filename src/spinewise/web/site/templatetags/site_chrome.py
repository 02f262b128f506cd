"""``{% site_nav %}`` and ``{% site_footer %}``: the header's navigation and the footer that
every page shows, rendered once per process for each variant.

As template logic they cost about 0.1 ms a page (a dozen conditions on the resolved URL
and as many link lookups), the same on every page. Their markup stays in templates
(``site/_site_nav.html``, ``site/_site_footer.html``); these tags render each variant once
(signed in or not, the section the page belongs to, the script prefix; the footer by
prefix and emergency number) and keep it. The one part that differs per request, the
"Log out" form's CSRF token, is put in each time: the page's own token, as
``{% csrf_token %}`` would, so a page is masked once however many forms it has. With
``DEBUG`` on nothing is kept, so an edited template shows at once.
"""

from __future__ import annotations

import threading
from typing import Any

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from spinewise.web.context_processors import nav_links

register = template.Library()

# Where the CSRF token goes in a kept rendering: no template text can contain it.
_TOKEN_SLOT = "\x00csrf-token\x00"
# The section a page belongs to, by its URL name (apps whose every page is one section
# are named by app in ``current_section``).
_SECTIONS_BY_URL_NAME = {
    "guide_list": "guides",
    "guide_detail": "guides",
    "exercise_list": "exercises",
    "exercise_detail": "exercises",
    "account": "account",
    "login": "login",
    "signup": "signup",
}
_SECTIONS_BY_APP = {"programmes": "plan", "journal": "progress"}

_kept: dict[tuple[object, ...], tuple[str, ...]] = {}
_kept_lock = threading.Lock()


def current_section(request: HttpRequest | None) -> str:
    """The header link marked as the current page ("" for none)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    return _SECTIONS_BY_APP.get(match.app_name) or _SECTIONS_BY_URL_NAME.get(match.url_name, "")


def _kept_rendering(key: tuple[object, ...], name: str, context: dict[str, Any]) -> tuple[str, ...]:
    """``name`` rendered with ``context``, split at the token slot; kept under ``key``."""
    found = None if settings.DEBUG else _kept.get(key)
    if found is None:
        found = tuple(render_to_string(name, context).split(_TOKEN_SLOT))
        if not settings.DEBUG:
            with _kept_lock:
                _kept[key] = found
    return found


def _signed_in(context: template.Context) -> bool:
    user = context.get("user")
    return bool(getattr(user, "is_authenticated", False))


def _csrf_token(context: template.Context) -> str:
    """The page's masked CSRF token: the one ``{% csrf_token %}`` puts in the page's other
    forms (the context processor masks it once per page), else a fresh one."""
    token = context.get("csrf_token")
    if token and str(token) != "NOTPROVIDED":
        return str(token)
    request: HttpRequest | None = getattr(context, "request", None)
    return get_token(request) if request is not None else ""


@register.simple_tag(takes_context=True)
def site_nav(context: template.Context) -> SafeString:
    """The header's links; signed in, with the "Log out" form and its CSRF token."""
    request: HttpRequest | None = getattr(context, "request", None)
    signed_in = _signed_in(context)
    section = current_section(request)
    prefix = get_script_prefix()
    parts = _kept_rendering(
        ("nav", signed_in, section, prefix, get_urlconf()),
        "site/_site_nav.html",
        {
            "signed_in": signed_in,
            "section": section,
            "NAV": nav_links(prefix),
            "csrf_input": mark_safe(_TOKEN_SLOT),  # a fixed marker, no input
        },
    )
    if len(parts) == 1:
        return mark_safe(parts[0])  # our own template's output
    field = format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', _csrf_token(context)
    )
    return mark_safe(field.join(parts))  # our template's output and an escaped field


@register.simple_tag(takes_context=True)
def site_footer(context: template.Context) -> SafeString:
    """The footer: the disclaimer with the emergency number, and the footer links."""
    number = context.get("EMERGENCY_NUMBER") or "999"
    prefix = get_script_prefix()
    parts = _kept_rendering(
        ("footer", str(number), prefix, get_urlconf()),
        "site/_site_footer.html",
        {"emergency_number": number, "NAV": nav_links(prefix)},
    )
    return mark_safe("".join(parts))  # our own template's output


def forget() -> None:
    """Drops every kept rendering (tests that change URLs or templates call it)."""
    with _kept_lock:
        _kept.clear()


def _forget(*, setting: str, **_: Any) -> None:
    if setting in {"ROOT_URLCONF", "INSTALLED_APPS", "FORCE_SCRIPT_NAME", "TEMPLATES"}:
        forget()


setting_changed.connect(_forget)
