"""Sign-up and log-in forms. The email address is the username (stored lower-case)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.models import User
from django.http import HttpRequest

from spinewise.web.accounts.throttle import SignInThrottled, verify_password

THROTTLED = "throttled"


def throttled_error(error: SignInThrottled) -> forms.ValidationError:
    return forms.ValidationError(
        "Too many wrong passwords for this account. Try again in %(wait)s seconds, or reset "
        "your password by email: the link signs you in.",
        code=THROTTLED,
        params={"wait": error.wait},
    )


def throttled_wait(form: forms.Form) -> int | None:
    """Seconds to wait when the form was refused for too many wrong passwords."""
    for errors in form.errors.as_data().values():
        for error in errors:
            if error.code == THROTTLED:
                return int((error.params or {}).get("wait", 1))
    return None


def normalise_email(email: str) -> str:
    return email.strip().lower()


class SignupForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters. A short phrase of ordinary words works well.",
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        # Whether an account exists is never said here: the email tells its owner.
        return normalise_email(self.cleaned_data["email"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "The two passwords do not match.")
        elif password1:
            user_model = get_user_model()
            candidate = user_model(
                username=cleaned.get("email", ""), email=cleaned.get("email", "")
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Django's log-in form, labelled for email addresses and case-insensitive."""

    username = forms.EmailField(
        label="Email address",
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email address and password do not match an account.",
    }

    def clean_username(self) -> str:
        return normalise_email(self.cleaned_data["username"])

    def clean(self) -> dict[str, Any]:
        """Django's check, through the throttle (``accounts.throttle.verify_password``)."""
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username and password and self.request is not None:
            try:
                user = verify_password(self.request, username=username, password=password)
            except SignInThrottled as error:
                raise throttled_error(error) from error
            if user is None:
                raise self.get_invalid_login_error()
            self.user_cache = user
            self.confirm_login_allowed(user)
        return self.cleaned_data


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Changing the password checks the old one through the throttle too."""

    def __init__(self, user: User, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self) -> str:
        old_password: str = self.cleaned_data["old_password"]
        try:
            ok = verify_password(
                self.request, username=self.user.get_username(), password=old_password
            )
        except SignInThrottled as error:
            raise throttled_error(error) from error
        if ok is None or ok.pk != self.user.pk:
            raise forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for the password again."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label="I understand this deletes my assessments, plans, check-ins and account for good."
    )

    def __init__(
        self, *args: Any, user: User | None, request: HttpRequest | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if self.user is None or self.request is None:
            raise forms.ValidationError("That is not your password.")
        try:
            ok = verify_password(self.request, username=self.user.get_username(), password=password)
        except SignInThrottled as error:
            raise throttled_error(error) from error
        if ok is None or ok.pk != self.user.pk:
            raise forms.ValidationError("That is not your password.")
        return password


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What is the token for?",
        max_length=100,
        help_text="For example: my phone. The name helps you know which one to revoke.",
    )
