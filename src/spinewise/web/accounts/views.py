"""Sign up and the account page. Log in, log out and passwords use Django's own views."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from spinewise.web.accounts.backends import BACKEND
from spinewise.web.accounts.forms import (
    DeleteAccountForm,
    EmailAuthenticationForm,
    SignupForm,
    ThrottledPasswordChangeForm,
    TokenForm,
    throttled_wait,
)
from spinewise.web.accounts.services import (
    delete_account,
    finish_signup,
    pending_signup,
    start_signup,
)
from spinewise.web.api.models import ApiToken
from spinewise.web.api.services import create_token, revoke_token
from spinewise.web.journal.exports import archive_for
from spinewise.web.limits import WriteLimitReached
from spinewise.web.users import signed_in_user


def _refused(response: HttpResponse, form: Form) -> HttpResponse:
    """429 with Retry-After when the form was refused for too many wrong passwords."""
    wait = throttled_wait(form)
    if wait is not None:
        response.status_code = 429
        response["Retry-After"] = str(wait)
    return response


class SignInView(auth_views.LoginView):
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_invalid(self, form: Any) -> HttpResponse:
        return _refused(super().form_invalid(form), form)


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = ThrottledPasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form: Any) -> HttpResponse:
        return _refused(super().form_invalid(form), form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A working reset link is the owner's way in, whatever strangers tried: it clears the
    sign-in delay (with the API tokens, as any new password does) and signs them in."""

    post_reset_login = True
    post_reset_login_backend = BACKEND
    success_url = reverse_lazy("accounts:password_reset_complete")


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
        start_signup(
            request,
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            next_path=_safe_next(request) or "",
        )
        return redirect("accounts:signup_sent")
    return render(request, "registration/signup.html", {"form": form, "next": _safe_next(request)})


def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "registration/signup_sent.html")


@require_http_methods(["GET", "HEAD", "POST"])
def signup_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST makes the account."""
    pending = pending_signup(token)
    if pending is None:
        return render(request, "registration/signup_confirm.html", {"valid": False}, status=404)
    if request.method != "POST":
        return render(request, "registration/signup_confirm.html", {"valid": True})
    next_path = pending.next_path
    user = finish_signup(pending)
    if user is None:
        messages.info(request, "You already have an account: log in.")
        return redirect("accounts:login")
    login(request, user, backend=BACKEND)
    messages.success(request, "Welcome to Spinewise. Your account is ready.")
    return redirect(next_path or "accounts:account")


@login_required
def account(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/account.html")


@login_required
def your_data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/data.html", {"form": DeleteAccountForm(user=None)})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """The person's API tokens: name, created, last used; create one (shown once), revoke."""
    user = signed_in_user(request)
    form = TokenForm(request.POST or None)
    secret = None
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = create_token(user, form.cleaned_data["name"])
        except WriteLimitReached as error:
            form.add_error(None, str(error))
            status = 429
        else:
            messages.success(request, f"Token “{token.name}” created. Copy it now.")
            form = TokenForm()
    elif form.errors:
        status = 400
    context = {"form": form, "secret": secret, "tokens": ApiToken.objects.filter(user=user)}
    return render(request, "accounts/tokens.html", context, status=status)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    if not revoke_token(signed_in_user(request), pk):
        raise Http404("No such token")
    messages.success(request, "The token is revoked: it no longer works.")
    return redirect("accounts:tokens")


@login_required
def download_data(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    response = HttpResponse(archive_for(user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="spinewise-my-data.zip"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["POST"])
def delete(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = DeleteAccountForm(request.POST, user=user, request=request)
    if not form.is_valid():
        page = render(request, "accounts/data.html", {"form": form}, status=400)
        return _refused(page, form)
    logout(request)
    delete_account(user)
    messages.success(request, "Your account and everything in it have been deleted.")
    return redirect("site:landing")
