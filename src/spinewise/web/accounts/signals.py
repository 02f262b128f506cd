"""A new password, however it was set, revokes the person's API tokens.

Change, reset, ``spinewise manage changepassword`` and the admin all end in saving the
user with a new hash, so the check sits on the save rather than in each view.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.http import HttpRequest


@receiver(pre_save, sender=User)
def _note_new_password(sender: type[User], instance: User, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    old = User.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    instance._spinewise_password_changed = old is not None and old != instance.password  # type: ignore[attr-defined]


@receiver(post_save, sender=User)
def _revoke_on_new_password(sender: type[User], instance: User, **kwargs: Any) -> None:
    if getattr(instance, "_spinewise_password_changed", False):
        instance._spinewise_password_changed = False  # type: ignore[attr-defined]
        from spinewise.web.accounts.services import password_changed

        password_changed(instance)


@receiver(user_logged_in)
def _signed_in_sessions_last_as_usual(
    sender: type[User], request: HttpRequest | None, user: User, **kwargs: Any
) -> None:
    # An anonymous session expires with its answers (hours); once signed in it is an
    # ordinary session. The answers themselves still expire (assessments.wizard).
    if request is not None and hasattr(request, "session"):
        request.session.set_expiry(None)
