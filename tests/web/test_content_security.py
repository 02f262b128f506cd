"""The site-wide Content-Security-Policy is written from a string kept per process, and
anything else goes to django-csp: the header must be exactly what django-csp would write."""

from __future__ import annotations

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE, NONE, SELF
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from spinewise.web.content_security import CSPMiddleware, site_policy

pytestmark = pytest.mark.django_db


def _both(request_path: str = "/", response: HttpResponse | None = None) -> tuple[str, str]:
    """The header this middleware writes and the one django-csp itself writes."""
    headers = []
    for middleware_class in (CSPMiddleware, DjangoCSPMiddleware):
        request = RequestFactory().get(request_path)
        middleware = middleware_class(lambda r: HttpResponse())
        middleware.process_request(request)
        answer = middleware.process_response(request, response or HttpResponse())
        headers.append(answer.get(HEADER, ""))
        if response is not None:
            del response[HEADER]
    return headers[0], headers[1]


def test_a_page_gets_the_header_django_csp_would_write(client: Client) -> None:
    assert client.get("/")[HEADER] == build_policy() == site_policy()
    mine, theirs = _both()
    assert mine == theirs != ""


def test_a_view_with_its_own_policy_keeps_it() -> None:
    response = HttpResponse()
    response._csp_replace = {"default-src": [NONE]}  # type: ignore[attr-defined]
    mine, theirs = _both(response=response)
    assert mine == theirs
    assert "default-src 'none'" in mine


def test_an_exempt_view_gets_no_header() -> None:
    response = HttpResponse()
    response._csp_exempt = True  # type: ignore[attr-defined]
    assert _both(response=response) == ("", "")


def test_a_header_already_set_is_left_alone() -> None:
    response = HttpResponse()
    response[HEADER] = "default-src 'none'"
    middleware = CSPMiddleware(lambda r: response)
    request = RequestFactory().get("/")
    middleware.process_request(request)
    assert middleware.process_response(request, response)[HEADER] == "default-src 'none'"


def test_a_nonce_asked_for_during_the_page_is_handled_as_django_csp_does() -> None:
    policy = {"DIRECTIVES": {"default-src": [SELF], "script-src": [SELF, NONCE]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        headers = []
        for middleware_class in (CSPMiddleware, DjangoCSPMiddleware):
            request = RequestFactory().get("/")
            middleware = middleware_class(lambda r: HttpResponse())
            middleware.process_request(request)
            nonce = str(request.csp_nonce)  # type: ignore[attr-defined]
            header = middleware.process_response(request, HttpResponse())[HEADER]
            assert f"'nonce-{nonce}'" in header
            headers.append(header.replace(nonce, "N"))
    assert headers[0] == headers[1]


def test_a_nonce_asked_for_after_the_header_is_an_error() -> None:
    request = RequestFactory().get("/")
    middleware = CSPMiddleware(lambda r: HttpResponse())
    middleware.process_request(request)
    middleware.process_response(request, HttpResponse())
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)  # type: ignore[attr-defined]


def test_a_changed_policy_is_written_at_once(client: Client) -> None:
    before = site_policy()
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": [SELF]}}):
        assert client.get("/")[HEADER] == "default-src 'self'"
    assert client.get("/")[HEADER] == before


def test_a_report_only_policy_is_still_sent() -> None:
    policy = {"DIRECTIVES": {"default-src": [NONE]}}
    with override_settings(CONTENT_SECURITY_POLICY_REPORT_ONLY=policy):
        request = RequestFactory().get("/")
        middleware = CSPMiddleware(lambda r: HttpResponse())
        middleware.process_request(request)
        answer = middleware.process_response(request, HttpResponse())
    assert answer[HEADER_REPORT_ONLY] == "default-src 'none'"
    assert answer[HEADER] == site_policy()


def test_excluded_paths_are_left_to_django_csp() -> None:
    policy = {"EXCLUDE_URL_PREFIXES": ["/raw/"], "DIRECTIVES": {"default-src": [SELF]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        assert _both("/raw/page") == ("", "")
        assert _both("/page") == ("default-src 'self'", "default-src 'self'")


def test_debug_error_pages_are_left_to_django_csp() -> None:
    with override_settings(DEBUG=True):
        assert _both(response=HttpResponse(status=404)) == ("", "")
        mine, theirs = _both(response=HttpResponse(status=200))
        assert mine == theirs != ""
