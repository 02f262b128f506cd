"""Per-user isolation on every URL of the site and the API.

The walk starts from Django's root resolver, so a new page or endpoint fails
``test_every_url_pattern_is_classified`` until it is added to ``CASES`` below with its
class: public, owner-only (an object of Alice's in the URL), auth-only (the signed-in
person's own data, no object in the URL) or the calendar feed (the token is the key).

Alice owns one of everything, each carrying a marker string. Bob owns his own things.
Owner-only: Alice gets the success code, Bob 404, anonymous the login redirect (web) or 401
(API). Everywhere: Alice's markers never appear in what Bob or an anonymous visitor gets.
Where Alice's own response shows a marker, the test checks that too, so the negative checks
are known to be able to fail.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import pytest
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from spinewise.core.exercises import load_exercises
from spinewise.core.intake import parse_intake
from spinewise.core.journal import DailyEntry, PsfsActivity
from spinewise.core.plan import Preferences
from spinewise.core.questionnaire import questionnaire
from spinewise.web.accounts.backends import BACKEND
from spinewise.web.api.services import create_token
from spinewise.web.assessments.services import save_assessment
from spinewise.web.journal import services as journal
from spinewise.web.journal.exports import FORMATS
from spinewise.web.programmes.models import SavedProgramme
from spinewise.web.programmes.services import create_programme
from spinewise.web.site.guides import load_guides

P01: dict[str, Any] = json.loads((Path(__file__).parents[1] / "vignettes" / "P01.json").read_text())

ALICE_EMAIL = "alice.qx7@example.com"
ALICE_NOTE = "Alice-note-QX7 kettlebell under the stairs"
ALICE_ACTIVITY = "Alice-activity-QX7 gardening"
ALICE_TOKEN_NAME = "alice-phone-QX7"
BOB_EMAIL = "bob.zz9@example.com"
BOB_NOTE = "Bob-note-ZZ9"

Kind = Literal["public", "owner", "auth", "feed"]


@dataclass
class World:
    """Alice's and Bob's objects, built through the apps' services."""

    alice: User
    bob: User
    assessment_id: int
    programme_id: int
    session_day: date
    exercise_id: str
    checkin_day: date
    calendar_token: str
    token_id: int
    alice_raw_token: str
    bob_raw_token: str
    bob_assessment_id: int
    bob_programme_id: int

    def alice_markers(self) -> dict[str, str]:
        return {
            "email": ALICE_EMAIL,
            "note": ALICE_NOTE,
            "activity": ALICE_ACTIVITY,
            "token_name": ALICE_TOKEN_NAME,
            "calendar_token": self.calendar_token,
        }


def build_world() -> World:
    today = timezone.localdate()
    alice = User.objects.create_user(username=ALICE_EMAIL, email=ALICE_EMAIL)
    bob = User.objects.create_user(username=BOB_EMAIL, email=BOB_EMAIL)
    intake = parse_intake(P01)
    prefs = Preferences(timezone="UTC")
    start = today - timedelta(days=3)

    assessment = save_assessment(alice, intake)
    programme = create_programme(alice, assessment, prefs, start)
    session = programme.programme.weeks[0].sessions[0]
    journal.record_checkin(alice, DailyEntry(day=today, pain=4, note=ALICE_NOTE))
    journal.save_psfs(
        alice, journal.week_start_of(today), [PsfsActivity(name=ALICE_ACTIVITY, score=4)]
    )
    journal.save_interference(
        alice,
        {"week_start": journal.week_start_of(today), "pain": 4, "enjoyment": 3, "activity": 5},
    )
    token, alice_raw = create_token(alice, ALICE_TOKEN_NAME)

    bob_assessment = save_assessment(bob, intake)
    bob_programme = create_programme(bob, bob_assessment, prefs, start)
    journal.record_checkin(bob, DailyEntry(day=today, pain=6, note=BOB_NOTE))
    _, bob_raw = create_token(bob, "bob-laptop")

    return World(
        alice=alice,
        bob=bob,
        assessment_id=assessment.pk,
        programme_id=programme.pk,
        session_day=session.date,
        exercise_id=session.exercises[0].exercise_id,
        checkin_day=today,
        calendar_token=programme.calendar_token,
        token_id=token.pk,
        alice_raw_token=alice_raw,
        bob_raw_token=bob_raw,
        bob_assessment_id=bob_assessment.pk,
        bob_programme_id=bob_programme.pk,
    )


# --- The table: every route of the site and the API, classified -------------------------

UrlFor = Callable[[World], str]
BodyFor = Callable[[World], dict[str, Any]]


@dataclass(frozen=True)
class Case:
    route: str  # "namespace:name" as the resolver knows it
    kind: Kind
    url: UrlFor
    method: str = "get"
    body: BodyFor | None = None
    as_json: bool = False
    ok: int = 200  # Alice's (or, for public pages, anyone's) expected status
    shows: tuple[str, ...] = ()  # Alice's markers her own response must contain
    label: str = ""

    @property
    def api(self) -> bool:
        return self.route.startswith("api:")

    @property
    def id(self) -> str:
        return f"{self.route}{'[' + self.label + ']' if self.label else ''}"


def fixed(path: str) -> UrlFor:
    return lambda world: path


def first_guide() -> str:
    return next(iter(load_guides()))


def first_exercise() -> str:
    return next(iter(load_exercises()))


def first_step() -> str:
    return questionnaire().steps[0].id


def programme_url(suffix: str = "") -> UrlFor:
    return lambda w: f"/programme/{w.programme_id}/{suffix}"


def session_url(suffix: str = "") -> UrlFor:
    return lambda w: f"/programme/{w.programme_id}/session/{w.session_day}/{suffix}"


CASES: list[Case] = [
    # Site: public pages.
    Case("site:landing", "public", fixed("/")),
    Case("site:guide_list", "public", fixed("/guides/")),
    Case("site:guide_detail", "public", lambda w: f"/guides/{first_guide()}/"),
    Case("site:about", "public", fixed("/about/")),
    Case("site:exercise_list", "public", fixed("/exercises/")),
    Case("site:exercise_detail", "public", lambda w: f"/exercises/{first_exercise()}/"),
    Case("site:exercise_svg", "public", lambda w: f"/exercises/{first_exercise()}.svg"),
    Case(
        "site:exercise_key_poses",
        "public",
        lambda w: f"/exercises/{first_exercise()}/key-poses.svg",
    ),
    Case(
        "site:exercise_thumbnail",
        "public",
        lambda w: f"/exercises/{first_exercise()}/thumbnail.svg",
    ),
    Case("site:healthz", "public", fixed("/healthz")),
    Case("site:service_worker", "public", fixed("/sw.js")),
    Case("site:manifest", "public", fixed("/manifest.webmanifest")),
    Case("site:offline", "public", fixed("/offline/")),
    # Accounts: public entry points.
    Case("accounts:signup", "public", fixed("/accounts/signup/")),
    Case("accounts:signup_sent", "public", fixed("/accounts/signup/sent/")),
    Case(
        "accounts:signup_confirm",
        "public",
        fixed("/accounts/signup/confirm/bogus-token/"),
        ok=404,  # an unknown link: "this link no longer works"
    ),
    Case("accounts:login", "public", fixed("/accounts/login/")),
    Case("accounts:logout", "public", fixed("/accounts/logout/"), method="post", ok=302),
    Case("accounts:password_reset", "public", fixed("/accounts/password/reset/")),
    Case("accounts:password_reset_done", "public", fixed("/accounts/password/reset/sent/")),
    Case(
        "accounts:password_reset_confirm",
        "public",
        fixed("/accounts/password/reset/MQ/bogus-token/"),
    ),
    Case("accounts:password_reset_complete", "public", fixed("/accounts/password/reset/complete/")),
    # Accounts: the signed-in person's own pages.
    Case("accounts:account", "auth", fixed("/accounts/"), shows=("email",)),
    Case("accounts:data", "auth", fixed("/accounts/data/")),
    Case(
        "accounts:data_download",
        "auth",
        fixed("/accounts/data/download/"),
        shows=("email", "note", "activity", "token_name"),
    ),
    Case(
        "accounts:delete",
        "auth",
        fixed("/accounts/delete/"),
        method="post",
        body=lambda w: {"confirm": "not my email"},
        ok=400,  # a wrong confirmation keeps the account; the form says why
    ),
    Case("accounts:password_change", "auth", fixed("/accounts/password/change/")),
    Case("accounts:tokens", "auth", fixed("/accounts/tokens/"), shows=("token_name",)),
    Case(
        "accounts:tokens",
        "auth",
        fixed("/accounts/tokens/"),
        method="post",
        body=lambda w: {"name": "laptop"},
        label="create",
    ),
    Case(
        "accounts:token_revoke",
        "owner",
        lambda w: f"/accounts/tokens/{w.token_id}/revoke/",
        method="post",
        ok=302,
    ),
    Case("accounts:password_change_done", "auth", fixed("/accounts/password/change/done/")),
    # Assessments: the wizard is anonymous and lives in the session.
    Case("assessments:start", "public", fixed("/assessment/")),
    Case("assessments:restart", "public", fixed("/assessment/restart/"), method="post", ok=302),
    Case("assessments:check", "public", fixed("/assessment/check/"), ok=302),
    Case("assessments:result", "public", fixed("/assessment/result/"), ok=302),
    Case("assessments:save", "public", fixed("/assessment/save/"), ok=302),
    Case("assessments:step", "public", lambda w: f"/assessment/{first_step()}/"),
    Case("assessments:history", "auth", fixed("/assessment/saved/")),
    Case("assessments:detail", "owner", lambda w: f"/assessment/saved/{w.assessment_id}/"),
    # Programmes.
    Case("programmes:current", "auth", fixed("/programme/"), ok=302),
    # Without answers in the session "Get my plan" sends people to the assessment (or, when
    # signed in, to the settings of a saved one); the plan itself comes from the session.
    Case("programmes:start", "public", fixed("/programme/start/"), ok=302),
    Case("programmes:today", "auth", fixed("/programme/today/"), ok=302),
    # Staff only: a signed-in person who is not staff is refused (aggregates only anyway).
    Case("programmes:outcomes", "auth", fixed("/programme/outcomes/"), ok=403),
    Case(
        "programmes:new",
        "owner",
        lambda w: f"/programme/new/?assessment={w.assessment_id}",
    ),
    Case("programmes:detail", "owner", programme_url(), shows=("calendar_token",)),
    Case("programmes:rescreen", "owner", programme_url("rescreen/3/")),
    Case("programmes:session", "owner", session_url()),
    Case(
        "programmes:tick",
        "owner",
        session_url("tick/"),
        method="post",
        body=lambda w: {"exercise": w.exercise_id, "done": "1"},
        ok=302,
    ),
    Case("programmes:calendar", "owner", lambda w: f"/programme/{w.programme_id}/calendar.ics"),
    Case(
        "programmes:calendar_rotate",
        "owner",
        programme_url("calendar/new-link/"),
        method="post",
        ok=302,
    ),
    Case("programmes:feed", "feed", lambda w: f"/programme/feed/{w.calendar_token}.ics"),
    # Journal: the signed-in person's own check-ins, ratings and exports.
    Case("journal:dashboard", "auth", fixed("/journal/")),
    Case(
        "journal:checkin",
        "auth",
        lambda w: f"/journal/checkin/?day={w.checkin_day}",
        shows=("note",),
        label="alice-day",
    ),
    Case(
        "journal:checkin",
        "auth",
        fixed("/journal/checkin/"),
        method="post",
        body=lambda w: {"day": str(w.checkin_day), "pain": "", "note": "x"},
        ok=400,
        label="invalid-post",
    ),
    Case("journal:psfs", "auth", fixed("/journal/function/"), shows=("activity",)),
    Case("journal:history", "auth", fixed("/journal/history/"), shows=("activity",)),
    Case("journal:interference", "auth", fixed("/journal/pain-week/")),
    Case(
        "journal:interference_delete",
        "auth",
        lambda w: f"/journal/pain-week/{journal.week_start_of(w.checkin_day)}/delete/",
        method="post",
        ok=302,
    ),
    Case(
        "journal:checkin_delete",
        "auth",
        lambda w: f"/journal/checkin/{w.checkin_day}/delete/",
        method="post",
        ok=302,
    ),
    Case(
        "journal:psfs_delete",
        "auth",
        lambda w: f"/journal/function/{journal.week_start_of(w.checkin_day)}/delete/",
        method="post",
        ok=302,
    ),
    *[
        Case(
            "journal:export",
            "auth",
            fixed(f"/journal/export/{fmt}/"),
            # The FHIR bundle is for a clinician's system: free-text notes stay out of it.
            shows=() if fmt == "fhir" else ("note",),
            label=fmt,
        )
        for fmt in FORMATS
    ],
    # API: public endpoints.
    Case("api:openapi-json", "public", fixed("/api/v1/openapi.json")),
    Case("api:api-root", "public", fixed("/api/v1/"), ok=404),
    Case("api:<rest>", "public", fixed("/api/v1/no-such-endpoint"), ok=404),
    Case(
        "api:create_assessment",
        "public",
        fixed("/api/v1/assessments"),
        method="post",
        body=lambda w: P01,
        as_json=True,
    ),
    Case(
        "api:create_programme_endpoint",
        "public",
        fixed("/api/v1/programmes"),
        method="post",
        body=lambda w: {"intake": P01, "start": "2026-01-05"},
        as_json=True,
    ),
    Case("api:list_exercises", "public", fixed("/api/v1/exercises")),
    Case("api:get_one_exercise", "public", lambda w: f"/api/v1/exercises/{first_exercise()}"),
    Case("api:get_intake_schema", "public", fixed("/api/v1/intake-schema")),
    # API: Alice's objects by id.
    Case("api:get_assessment", "owner", lambda w: f"/api/v1/assessments/{w.assessment_id}"),
    Case("api:get_programme", "owner", lambda w: f"/api/v1/programmes/{w.programme_id}"),
    Case(
        "api:get_programme_calendar",
        "owner",
        lambda w: f"/api/v1/programmes/{w.programme_id}/calendar.ics",
    ),
    Case(
        "api:rescreen_programme",
        "owner",
        lambda w: f"/api/v1/programmes/{w.programme_id}/rescreens",
        method="post",
        body=lambda w: {"week": 3, "answers": {}},
        as_json=True,
        ok=422,  # the owner gets through to the answers' check; others get 404
    ),
    Case(
        "api:revoke_token_endpoint",
        "owner",
        lambda w: f"/api/v1/tokens/{w.token_id}",
        method="delete",
        ok=204,
    ),
    Case(
        "api:create_programme_endpoint",
        "owner",
        fixed("/api/v1/programmes"),
        method="post",
        body=lambda w: {"assessment_id": w.assessment_id, "start": "2026-01-05"},
        as_json=True,
        ok=201,
        label="alice-assessment-id",
    ),
    # API: the caller's own lists and writes.
    Case("api:list_assessments", "auth", fixed("/api/v1/assessments")),
    Case("api:list_programmes", "auth", fixed("/api/v1/programmes")),
    Case("api:list_tokens", "auth", fixed("/api/v1/tokens"), shows=("token_name",)),
    Case("api:list_checkins", "auth", fixed("/api/v1/checkins"), shows=("note",)),
    Case(
        "api:record_checkin",
        "auth",
        fixed("/api/v1/checkins"),
        method="post",
        body=lambda w: {"day": str(w.checkin_day - timedelta(days=1)), "pain": 3},
        as_json=True,
        ok=201,
    ),
    Case(
        "api:get_checkin",
        "auth",
        lambda w: f"/api/v1/checkins/{w.checkin_day}",
        shows=("note",),
    ),
    Case(
        "api:delete_checkin",
        "auth",
        lambda w: f"/api/v1/checkins/{w.checkin_day}",
        method="delete",
        ok=204,
    ),
    Case("api:list_psfs", "auth", fixed("/api/v1/psfs"), shows=("activity",)),
    Case(
        "api:record_psfs",
        "auth",
        fixed("/api/v1/psfs"),
        method="post",
        body=lambda w: {
            "week_start": str(journal.week_start_of(w.checkin_day)),
            "activities": [{"name": "Walking", "score": 5}],
        },
        as_json=True,
        ok=201,
    ),
    Case(
        "api:delete_psfs",
        "auth",
        lambda w: f"/api/v1/psfs/{journal.week_start_of(w.checkin_day)}",
        method="delete",
        ok=204,
    ),
    Case("api:list_pain_interference", "auth", fixed("/api/v1/pain-interference")),
    Case(
        "api:record_pain_interference",
        "auth",
        fixed("/api/v1/pain-interference"),
        method="post",
        body=lambda w: {
            "week_start": str(journal.week_start_of(w.checkin_day)),
            "pain": 3,
            "enjoyment": 3,
            "activity": 3,
        },
        as_json=True,
        ok=201,
    ),
    Case(
        "api:delete_pain_interference",
        "auth",
        lambda w: f"/api/v1/pain-interference/{journal.week_start_of(w.checkin_day)}",
        method="delete",
        ok=204,
    ),
    Case("api:my_outcomes", "auth", fixed("/api/v1/outcomes")),
    Case(
        "api:create_token_endpoint",
        "auth",
        fixed("/api/v1/tokens"),
        method="post",
        body=lambda w: {"name": "another"},
        as_json=True,
        ok=201,
    ),
]

# Lists whose items carry ids: Bob's list must not hold Alice's.
LIST_IDS: dict[str, Callable[[World], int]] = {
    "api:list_assessments": lambda w: w.assessment_id,
    "api:list_programmes": lambda w: w.programme_id,
    "api:list_tokens": lambda w: w.token_id,
}


# --- Walking the resolver -----------------------------------------------------------------


def route_keys(
    patterns: list[URLPattern | URLResolver] | None = None, namespace: str = ""
) -> Iterator[str]:
    """ "namespace:name" for every URL pattern, recursing into includes (unnamed: the regex
    group names, e.g. ``api:<rest>``)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace or "") if part)
            yield from route_keys(pattern.url_patterns, inner)
            continue
        name = pattern.name
        if name is None:
            groups = re.findall(r"\(\?P<(\w+)>", str(pattern.pattern))
            name = "".join(f"<{group}>" for group in groups) or str(pattern.pattern)
        yield f"{namespace}:{name}"


def test_every_url_pattern_is_classified() -> None:
    live = set(route_keys())
    classified = {case.route for case in CASES}

    assert live - classified == set(), "new URLs: classify them in CASES"
    assert classified - live == set(), "CASES names URLs that no longer exist"


def test_every_openapi_operation_is_walked(client: Client) -> None:
    """The same check from the API's side: each (method, path) of the schema has a case."""
    schema = client.get("/api/v1/openapi.json").json()
    walked = [(case.method, case.url(_dummy_world()).split("?")[0]) for case in CASES if case.api]
    missing = []
    for path, operations in schema["paths"].items():
        shape = re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)))
        for method in operations:
            if not any(m == method and shape.fullmatch(url) for m, url in walked):
                missing.append(f"{method.upper()} {path}")

    assert schema["paths"]
    assert missing == []


def _dummy_world() -> World:
    return World(
        alice=User(),
        bob=User(),
        assessment_id=1,
        programme_id=1,
        session_day=date(2026, 1, 5),
        exercise_id="x",
        checkin_day=date(2026, 1, 5),
        calendar_token="t",
        token_id=1,
        alice_raw_token="a",
        bob_raw_token="b",
        bob_assessment_id=2,
        bob_programme_id=2,
    )


# --- Helpers ------------------------------------------------------------------------------


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user, backend=BACKEND)
    return client


def send(client: Client, case: Case, world: World, **extra: Any) -> HttpResponse:
    url = case.url(world)
    call = getattr(client, case.method)
    if case.body is None:
        return call(url, **extra)  # type: ignore[no-any-return]
    if case.as_json:
        return call(  # type: ignore[no-any-return]
            url, data=json.dumps(case.body(world)), content_type="application/json", **extra
        )
    return call(url, data=case.body(world), **extra)  # type: ignore[no-any-return]


def _pdf_text(data: bytes) -> str:
    """The PDF's content streams, inflated, so text markers can be searched for."""
    parts = [data.decode("latin-1")]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(parts)


def body_text(response: HttpResponse) -> str:
    """Everything a person could read in the response: archives and PDFs opened up."""
    data = b"".join(response) if response.streaming else response.content  # type: ignore[attr-defined]
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(
                archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
            )
    if data.startswith(b"%PDF"):
        return _pdf_text(data)
    return data.decode("utf-8", "replace")


def leaked(response: HttpResponse, world: World) -> list[str]:
    text = body_text(response)
    return [name for name, marker in world.alice_markers().items() if marker in text]


def assert_login_redirect(response: HttpResponse) -> None:
    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith("/accounts/login/")


def assert_unauthenticated_api(response: HttpResponse) -> None:
    assert response.status_code == 401, response.content
    assert "authentication" in response.json()["detail"]


def cases_of(*kinds: Kind) -> list[Any]:
    return [pytest.param(case, id=case.id) for case in CASES if case.kind in kinds]


@pytest.fixture
def world(db: None) -> World:
    return build_world()


# --- The walk -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases_of("public"))
def test_public_urls_show_no_one_elses_data(case: Case, world: World) -> None:
    anonymous = send(Client(), case, world)
    as_bob = send(signed_in(world.bob), case, world)

    assert anonymous.status_code == case.ok, anonymous.content[:300]
    for response in (anonymous, as_bob):
        assert leaked(response, world) == []


@pytest.mark.parametrize("case", cases_of("owner"))
def test_owner_only_urls(case: Case, world: World) -> None:
    # The others go first: their attempts must neither see nor change Alice's object.
    anonymous = send(Client(), case, world)
    bob_session = send(signed_in(world.bob), case, world)
    bob_responses = [bob_session]
    if case.api:
        bob_token = send(Client(), case, world, HTTP_AUTHORIZATION=f"Bearer {world.bob_raw_token}")
        bob_responses.append(bob_token)
    alice = send(signed_in(world.alice), case, world)

    if case.api:
        assert_unauthenticated_api(anonymous)
    else:
        assert_login_redirect(anonymous)
    for response in bob_responses:
        assert response.status_code == 404, (response.status_code, response.content[:300])
        if case.api:
            assert response.json() == {"detail": "not found"}
    assert alice.status_code == case.ok, alice.content[:300]
    for response in (anonymous, *bob_responses):
        assert leaked(response, world) == []
    for marker in case.shows:
        assert world.alice_markers()[marker] in body_text(alice)


@pytest.mark.parametrize("case", cases_of("auth"))
def test_auth_only_urls_show_only_your_own(case: Case, world: World) -> None:
    anonymous = send(Client(), case, world)
    bob_responses = [send(signed_in(world.bob), case, world)]
    if case.api and case.route != "api:create_token_endpoint":  # tokens cannot mint tokens
        bob_responses.append(
            send(Client(), case, world, HTTP_AUTHORIZATION=f"Bearer {world.bob_raw_token}")
        )
    alice = send(signed_in(world.alice), case, world)

    if case.api:
        assert_unauthenticated_api(anonymous)
    else:
        assert_login_redirect(anonymous)
    assert alice.status_code == case.ok, alice.content[:300]
    for response in bob_responses:
        assert response.status_code < 500
        assert leaked(response, world) == []
        if case.route in LIST_IDS:
            ids = [item["id"] for item in response.json()]
            assert LIST_IDS[case.route](world) not in ids
            assert ids  # Bob sees his own things: the list is not simply empty
    assert leaked(anonymous, world) == []
    for marker in case.shows:
        assert world.alice_markers()[marker] in body_text(alice), marker


def test_calendar_feed_token_is_the_only_key(world: World) -> None:
    url = f"/programme/feed/{world.calendar_token}.ics"

    by_token = Client().get(url)
    wrong = Client().get(f"/programme/feed/{world.calendar_token[:-2]}xx.ics")
    bobs_guess = signed_in(world.bob).get(f"/programme/feed/{world.bob_programme_id}.ics")

    assert by_token.status_code == 200
    assert by_token["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in body_text(by_token)
    assert wrong.status_code == 404
    assert bobs_guess.status_code == 404
    assert leaked(wrong, world) == []


def test_a_revoked_calendar_link_is_404(world: World) -> None:
    old = world.calendar_token

    rotated = signed_in(world.alice).post(f"/programme/{world.programme_id}/calendar/new-link/")
    new = SavedProgramme.objects.get(pk=world.programme_id).calendar_token

    assert rotated.status_code == 302
    assert new != old
    assert Client().get(f"/programme/feed/{old}.ics").status_code == 404
    assert Client().get(f"/programme/feed/{new}.ics").status_code == 200


def test_bob_cannot_rotate_alices_calendar_link(world: World) -> None:
    response = signed_in(world.bob).post(f"/programme/{world.programme_id}/calendar/new-link/")

    assert response.status_code == 404
    assert SavedProgramme.objects.get(pk=world.programme_id).calendar_token == world.calendar_token


def test_a_revoked_api_token_is_refused(world: World) -> None:
    alice = Client(HTTP_AUTHORIZATION=f"Bearer {world.alice_raw_token}")
    assert alice.get("/api/v1/checkins").status_code == 200

    revoked = signed_in(world.alice).delete(f"/api/v1/tokens/{world.token_id}")
    after = alice.get("/api/v1/checkins")

    assert revoked.status_code == 204
    assert after.status_code == 401
    assert leaked(after, world) == []


def test_bobs_ticks_on_alices_session_change_nothing(world: World) -> None:
    case = next(c for c in CASES if c.route == "programmes:tick")
    before = list(SavedProgramme.objects.get(pk=world.programme_id).ticks.all())

    response = send(signed_in(world.bob), case, world)

    assert response.status_code == 404
    assert list(SavedProgramme.objects.get(pk=world.programme_id).ticks.all()) == before


def test_table_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
