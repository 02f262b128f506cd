"""Sign up and the account page. Log in, log out and passwords use Django's own views."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from spinewise.web.accounts.forms import DeleteAccountForm, SignupForm
from spinewise.web.accounts.services import delete_account
from spinewise.web.journal.exports import archive_for
from spinewise.web.users import signed_in_user


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


@login_required
def your_data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/data.html", {"form": DeleteAccountForm(user=None)})


@login_required
def download_data(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    response = HttpResponse(archive_for(user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="spinewise-my-data.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["POST"])
def delete(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = DeleteAccountForm(request.POST, user=user)
    if not form.is_valid():
        return render(request, "accounts/data.html", {"form": form}, status=400)
    logout(request)
    delete_account(user)
    messages.success(request, "Your account and everything in it have been deleted.")
    return redirect("site:landing")
