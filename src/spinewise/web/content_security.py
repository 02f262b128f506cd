"""django-csp's middleware, with the site-wide policy built once per process.

django-csp builds the Content-Security-Policy header from the settings on every response
(and a report-only one too): about 35 µs, a tenth of a public page. Almost every
response carries the same site-wide policy, so this subclass writes that one from a
string kept per process. Anything else (a view's own policy or exemption from django-csp's
decorators, a nonce, a report-only policy, excluded paths, DEBUG's error pages) goes to
django-csp unchanged. A change of the policy settings (only tests do that) rebuilds it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponseBase

# What django-csp's decorators leave on a response that has its own policy.
_VIEW_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


@lru_cache(maxsize=1)
def site_policy() -> str:
    """The site-wide policy as django-csp writes it from ``CONTENT_SECURITY_POLICY``."""
    return build_policy()


def _site_wide(request: HttpRequest, response: HttpResponseBase) -> bool:
    policy: dict[str, Any] = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    return not (
        settings.DEBUG
        or getattr(request, "_csp_nonce", None) is not None
        or any(hasattr(response, name) for name in _VIEW_POLICY)
        or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        or policy.get("EXCLUDE_URL_PREFIXES")
    )


class CSPMiddleware(DjangoCSPMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not _site_wide(request, response):
            return super().process_response(request, response)
        policy = site_policy()
        if policy and HEADER not in response:
            response[HEADER] = policy
        # As django-csp does once the header is written: a nonce asked for now is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response


def _forget(*, setting: str, **_: Any) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting == "DEBUG":
        site_policy.cache_clear()


setting_changed.connect(_forget)
