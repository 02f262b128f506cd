"""The reads every signed-in request makes (the session, then the person) give what the
ORM would, and keep every refusal Django's own session store and backend make."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from spinewise.web.accounts.backends import BACKEND, ModelBackend
from spinewise.web.prepared_reads import PreparedRead
from spinewise.web.sessions import SessionStore

pytestmark = pytest.mark.django_db


def _fields(user: User) -> dict[str, object]:
    return {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}


def test_the_person_read_equals_the_orms_field_for_field(user: User) -> None:
    user.last_login = timezone.now()
    user.is_staff = True
    user.save()
    read = ModelBackend().get_user(user.pk)
    assert read is not None
    assert _fields(read) == _fields(User.objects.get(pk=user.pk))
    assert read.last_login is not None and timezone.is_aware(read.last_login)
    assert read.is_staff is True and read.is_active is True
    assert read._state.adding is False and read._state.db == "default"


def test_the_person_read_is_one_statement(user: User) -> None:
    with CaptureQueriesContext(connection) as queries:
        ModelBackend().get_user(user.pk)
    assert len(queries) == 1


def test_no_person_and_an_inactive_person_are_none(user: User) -> None:
    assert ModelBackend().get_user(user.pk + 1000) is None
    user.is_active = False
    user.save()
    assert ModelBackend().get_user(user.pk) is None


def test_every_login_goes_through_the_prepared_backend() -> None:
    assert BACKEND in settings.AUTHENTICATION_BACKENDS
    assert "django.contrib.auth.backends.ModelBackend" not in settings.AUTHENTICATION_BACKENDS
    assert SessionStore.__module__ == settings.SESSION_ENGINE


def test_a_live_session_loads_and_signs_the_person_in(client: Client, user: User) -> None:
    client.force_login(user, backend=BACKEND)
    key = client.session.session_key
    store = SessionStore(key)
    assert store.load()["_auth_user_id"] == str(user.pk)
    assert store.session_key == key


def test_an_expired_session_is_dropped_not_loaded(client: Client, user: User) -> None:
    client.force_login(user, backend=BACKEND)
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    store = SessionStore(key)
    assert store.load() == {}
    assert store.session_key is None
    assert client.get(reverse("accounts:account")).status_code == 302  # to the login page


def test_a_session_expiring_now_is_already_expired(client: Client, user: User) -> None:
    """The boundary: Django's store keeps a session while ``expire_date > now``."""
    client.force_login(user, backend=BACKEND)
    key = client.session.session_key
    later = timezone.now() + timedelta(seconds=30)
    Session.objects.filter(session_key=key).update(expire_date=later)
    assert SessionStore(key).load() != {}
    Session.objects.filter(session_key=key).update(expire_date=timezone.now())
    assert SessionStore(key).load() == {}


def test_an_unknown_session_key_signs_nobody_in(client: Client, user: User) -> None:
    client.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32
    request = client.get("/").wsgi_request
    assert not get_user(request).is_authenticated


def test_a_changed_password_still_ends_other_sessions(client: Client, user: User) -> None:
    client.force_login(user, backend=BACKEND)
    assert client.get(reverse("accounts:account")).status_code == 200
    user.set_password("another-long-passphrase-7")
    user.save()
    assert client.get(reverse("accounts:account")).status_code == 302


def test_a_prepared_read_refuses_what_it_cannot_say() -> None:
    with pytest.raises(ValueError, match="unique key or an order"):
        PreparedRead(User, where=[("email", "=")]).first("owner@example.com")
    with pytest.raises(ValueError, match="unique key or an order"):
        PreparedRead(User, where=[("id", ">")]).first(0)
    with pytest.raises(ValueError, match="operators"):
        PreparedRead(User, where=[("id", "LIKE")])
    with pytest.raises(ValueError, match="not a column"):
        PreparedRead(User, where=[("id", "=")], columns=["groups"])
    with pytest.raises(ValueError, match="WHERE"):
        PreparedRead(User, where=[])
    with pytest.raises(ValueError, match="not both"):
        PreparedRead(User, where=[("id", "=")], columns=["id"], defer=["password"])


def test_values_come_in_the_columns_order(user: User) -> None:
    read = PreparedRead(User, where=[("id", "=")], columns=["email", "is_active"])
    assert read.first(user.pk) == ("owner@example.com", True)
    assert read.first(user.pk + 1000) is None


def test_first_and_rows_follow_the_order_and_every_condition(db: None) -> None:
    people = [
        User.objects.create_user(username=f"p{n}@example.com", is_staff=n % 2 == 0)
        for n in range(4)
    ]
    newest_staff = PreparedRead(
        User, where=[("is_staff", "="), ("id", ">")], columns=["id"], order_by=["-id"]
    )
    assert newest_staff.first(True, 0) == (people[2].pk,)
    assert newest_staff.rows(True, 0) == [(people[2].pk,), (people[0].pk,)]
    assert newest_staff.rows(True, people[0].pk) == [(people[2].pk,)]
    assert newest_staff.rows(True, people[2].pk) == []
    assert newest_staff.first(True, people[2].pk) is None
    oldest = PreparedRead(User, where=[("id", ">=")], columns=["id"], order_by=["id"])
    assert oldest.first(people[1].pk) == (people[1].pk,)
    assert oldest.rows(people[2].pk) == [(people[2].pk,), (people[3].pk,)]
    assert PreparedRead(User, where=[("id", "<")], columns=["id"]).rows(people[1].pk) == [
        (people[0].pk,)
    ]
    assert PreparedRead(User, where=[("id", "<=")], columns=["id"]).rows(people[0].pk) == [
        (people[0].pk,)
    ]


def test_columns_left_out_are_deferred_and_load_on_use(user: User) -> None:
    light = PreparedRead(User, where=[("id", "=")], columns=["id", "email"]).instance(user.pk)
    assert light is not None
    assert light.get_deferred_fields() >= {"password", "last_login"}
    assert light.password == User.objects.get(pk=user.pk).password


def test_deferred_columns_are_left_out_and_load_on_use(user: User) -> None:
    read = PreparedRead(User, where=[("id", "=")], defer=["password", "last_login"])
    light = read.instance(user.pk)
    assert light is not None
    assert light.get_deferred_fields() == {"password", "last_login"}
    assert light.email == "owner@example.com"
    assert light.password == User.objects.get(pk=user.pk).password


@pytest.mark.parametrize("pk", [2**63, -(2**63) - 1, 10**30])
def test_a_number_no_column_can_hold_finds_nothing_as_with_the_orm(user: User, pk: int) -> None:
    assert not User.objects.filter(pk=pk).exists()
    assert ModelBackend().get_user(pk) is None
    assert PreparedRead(User, where=[("id", "=")], columns=["id"]).rows(pk) == []


def test_the_largest_number_a_column_holds_is_still_looked_up(user: User) -> None:
    assert ModelBackend().get_user(2**63 - 1) is None


def test_a_huge_number_in_a_signed_in_address_is_not_found(owner_client: Client) -> None:
    for pk in (10**30, 2**63):
        assert owner_client.get(f"/assessment/saved/{pk}/").status_code == 404
        assert owner_client.get(f"/programme/{pk}/").status_code == 404


def test_a_cookie_kept_after_logging_out_signs_nobody_in(client: Client, user: User) -> None:
    client.force_login(user, backend=BACKEND)
    kept = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get(reverse("accounts:account")).status_code == 200
    client.post(reverse("accounts:logout"))
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = kept
    assert replay.get(reverse("accounts:account")).status_code == 302
    assert not Session.objects.filter(session_key=kept).exists()


def test_our_sessions_are_djangos_own_rows(client: Client, user: User) -> None:
    """Maintenance and ``clearsessions`` read sessions through Django's model: the store
    signs and stores them exactly as Django's database store does."""
    store = SessionStore()
    store["kept"] = "yes"
    store.save()
    row = Session.objects.get(session_key=store.session_key)
    assert row.get_decoded() == {"kept": "yes"}
    SessionStore.clear_expired()
    assert Session.objects.filter(session_key=store.session_key).exists()


@pytest.mark.django_db(transaction=True)
def test_each_threads_connection_has_its_own_statement() -> None:
    """gunicorn serves with threads: each has its own connection, whose converters the
    statement uses, so the SQL is written once per connection object."""
    import threading

    from django.db import connections

    person = User.objects.create_user(username="t@example.com", last_login=timezone.now())
    read = PreparedRead(User, where=[("id", "=")], columns=["id", "last_login"])
    assert read.first(person.pk) == (person.pk, person.last_login)
    found: list[object] = []

    def other() -> None:
        try:
            found.append(read.first(person.pk))
            found.append(len(read._statements))  # this thread's connection and the test's
        finally:
            connections.close_all()

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert found == [(person.pk, person.last_login), 2]
    assert connections["default"] in read._statements


def test_a_read_runs_on_the_backends_own_cursor_unless_queries_are_watched(user: User) -> None:
    seen: list[str] = []

    def watch(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        seen.append(sql)
        return execute(sql, params, many, context)

    backend = ModelBackend()
    assert backend.get_user(user.pk) is not None  # nothing watching: the short path
    with connection.execute_wrapper(watch):
        assert backend.get_user(user.pk) is not None
    assert len(seen) == 1 and "auth_user" in seen[0]


def test_a_read_in_a_broken_transaction_is_refused_as_djangos_cursor_would(user: User) -> None:
    from django.db import IntegrityError, transaction
    from django.db.transaction import TransactionManagementError

    with transaction.atomic():
        try:
            with connection.cursor() as cursor:  # a failed write breaks the transaction
                cursor.execute("INSERT INTO auth_user (id) VALUES (%s)", [user.pk])
        except IntegrityError:
            pass
        connection.needs_rollback = True
        with pytest.raises(TransactionManagementError):
            ModelBackend().get_user(user.pk)


def test_a_database_error_comes_out_as_djangos_own() -> None:
    from django.db import DatabaseError

    from spinewise.web.prepared_reads import _execute

    connection.ensure_connection()
    with pytest.raises(DatabaseError) as raised:
        _execute(connection, "SELECT nothing FROM no_such_table WHERE id = %s", [1], one=True)
    assert type(raised.value).__module__ == "django.db.utils"


def _signed_in_session(user: User) -> SessionStore:
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["wizard"] = {"answers": {"age": 40}}
    store.create()
    return store


def test_a_session_row_decodes_into_fresh_objects_each_time(user: User) -> None:
    key = _signed_in_session(user).session_key
    first = SessionStore(key).load()
    first["wizard"]["answers"]["age"] = 99  # a request changing what it read
    again = SessionStore(key).load()
    assert again["wizard"] == {"answers": {"age": 40}}
    assert again["_auth_user_id"] == str(user.pk)


def test_a_tampered_session_row_is_an_empty_session_every_time(
    user: User, caplog: pytest.LogCaptureFixture
) -> None:
    key = _signed_in_session(user).session_key
    row = Session.objects.get(session_key=key)
    genuine = row.session_data
    assert SessionStore(key).load()["_auth_user_id"] == str(user.pk)  # verified and kept
    forged = genuine[:-3] + ("AAA" if not genuine.endswith("AAA") else "BBB")
    Session.objects.filter(session_key=key).update(session_data=forged)
    with caplog.at_level("WARNING", logger="django.security.SuspiciousSession"):
        assert SessionStore(key).load() == {}
        assert SessionStore(key).load() == {}  # refused again: a failed check is not kept
    assert caplog.text.count("Session data corrupted") == 2
    Session.objects.filter(session_key=key).update(session_data=genuine)
    assert SessionStore(key).load()["_auth_user_id"] == str(user.pk)


def test_a_new_secret_key_stops_old_session_rows_verifying(user: User, settings: Any) -> None:
    key = _signed_in_session(user).session_key
    assert SessionStore(key).load()["_auth_user_id"] == str(user.pk)
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert SessionStore(key).load() == {}
