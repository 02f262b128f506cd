"""The token page (name, created, last used, revoke), and a new password revoking tokens."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from spinewise.web.api.models import ApiToken
from spinewise.web.api.services import create_token

pytestmark = pytest.mark.django_db

PASSWORD = "calm-river-stone-42"
NEW = "quiet-harbour-lamp-77"


def api_works(raw: str) -> bool:
    response = Client().get("/api/v1/checkins", HTTP_AUTHORIZATION=f"Bearer {raw}")
    return bool(response.status_code == 200)


def test_the_owner_sees_creates_and_revokes_tokens(owner_client: Client, user: User) -> None:
    _, raw = create_token(user, "phone")
    api_works(raw)  # notes when it was last used

    page = owner_client.get("/accounts/tokens/").content.decode()
    assert "phone" in page and "Never" not in page  # last used is shown

    created = owner_client.post("/accounts/tokens/", {"name": "laptop"})
    secret = re.search(r'<code class="secret">([^<]+)</code>', created.content.decode())
    assert created.status_code == 200 and secret is not None
    assert api_works(secret.group(1))
    assert ApiToken.objects.filter(user=user).count() == 2

    token = ApiToken.objects.get(name="phone")
    revoked = owner_client.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert revoked.status_code == 302 and not api_works(raw)


def test_others_cannot_see_or_revoke_the_owners_tokens(user: User) -> None:
    token, raw = create_token(user, "owner-phone-QX7")
    bob = User.objects.create_user("bob@example.com", "bob@example.com", PASSWORD)
    as_bob = Client()
    as_bob.force_login(bob)

    assert "owner-phone-QX7" not in as_bob.get("/accounts/tokens/").content.decode()
    assert as_bob.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    anonymous = Client().post(f"/accounts/tokens/{token.pk}/revoke/")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    assert api_works(raw)


def test_changing_the_password_revokes_every_token(owner_client: Client, user: User) -> None:
    _, raw = create_token(user, "phone")
    data = {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}

    assert owner_client.post("/accounts/password/change/", data).status_code == 302
    assert not api_works(raw)
    assert not ApiToken.objects.filter(user=user).exists()


def test_resetting_the_password_revokes_every_token(client: Client, user: User) -> None:
    _, raw = create_token(user, "phone")
    client.post("/accounts/password/reset/", {"email": user.email})
    link = re.search(r"https?://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    form = client.get(link.group(1), follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})

    assert not api_works(raw)


def test_a_password_set_any_other_way_revokes_tokens_too(user: User) -> None:
    _, raw = create_token(user, "phone")
    user.set_password(NEW)
    user.save()
    assert not api_works(raw)
    _, other = create_token(user, "phone again")
    user.last_login = None
    user.save(update_fields=["last_login"])  # other saves leave tokens alone
    assert api_works(other)
