"""Sign up and the account page. Log in, log out and passwords use Django's own views."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from spinewise.web.accounts.forms import SignupForm


def _safe_next(request: HttpRequest) -> str | None:
    """Where to go after signing up: only a path on this site (no open redirects)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:account")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome to Spinewise. Your account is ready.")
        return redirect(_safe_next(request) or "accounts:account")
    return render(request, "registration/signup.html", {"form": form, "next": _safe_next(request)})


@login_required
def account(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/account.html")
