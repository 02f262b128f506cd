"""The guided session: the page carries the player's plan as data (no inline script), a tick
answers JSON for the player without a reload, and the day ends at the check-in."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.test import Client

from spinewise.core.exercises import GET_READY_SECONDS
from spinewise.core.intake import parse_intake
from spinewise.core.plan import Preferences, timer_for
from spinewise.web.assessments.services import save_assessment
from spinewise.web.programmes.models import ExerciseTick, SavedProgramme
from spinewise.web.programmes.services import create_programme

pytestmark = pytest.mark.django_db
VIGNETTES = Path(__file__).parents[1] / "vignettes"


@pytest.fixture
def alice() -> AbstractBaseUser:
    return get_user_model().objects.create_user(
        "alice@example.com", "alice@example.com", "a long passphrase 123"
    )


@pytest.fixture
def saved(alice: AbstractBaseUser) -> SavedProgramme:
    intake = parse_intake(json.loads((VIGNETTES / "P01.json").read_text()))
    assessment = save_assessment(alice, intake)
    return create_programme(alice, assessment, Preferences(timezone="UTC"), date.today())


def _page(client: Client, saved: SavedProgramme) -> tuple[str, str]:
    day = saved.programme.weeks[0].sessions[0].date
    url = f"/programme/{saved.pk}/session/{day}/"
    return url, client.get(url).content.decode()


def _data_block(body: str, block_id: str) -> object:
    found = re.search(
        rf'<script id="{block_id}" type="application/json">(.*?)</script>', body, re.S
    )
    assert found is not None, block_id
    return json.loads(found.group(1))


def test_the_player_gets_every_exercise_with_the_cores_steps(
    client: Client, alice: AbstractBaseUser, saved: SavedProgramme
) -> None:
    client.force_login(alice)
    _, body = _page(client, saved)
    plan = _data_block(body, "session-plan")
    session = saved.programme.weeks[0].sessions[0]

    assert isinstance(plan, dict)
    assert [ex["id"] for ex in plan["exercises"]] == [i.exercise_id for i in session.exercises]
    first = session.exercises[0]
    assert plan["exercises"][0]["steps"] == [
        step.model_dump(mode="json") for step in timer_for(first)
    ]
    assert plan["ready_seconds"] == GET_READY_SECONDS
    assert plan["checkin_url"] == f"/journal/checkin/?day={session.date}"


def test_the_page_has_one_start_control_and_no_per_exercise_timers(
    client: Client, alice: AbstractBaseUser, saved: SavedProgramme
) -> None:
    client.force_login(alice)
    _, body = _page(client, saved)
    assert body.count("data-player-toggle") == 1 and "Start session" in body
    assert "data-timer" not in body
    assert 'aria-live="polite"' in body and 'role="timer"' in body
    # Only the player's own script runs; the data blocks are not executable.
    scripts = re.findall(r"<script([^>]*)>", body)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts)


def test_the_session_leads_to_the_days_check_in_without_javascript(
    client: Client, alice: AbstractBaseUser, saved: SavedProgramme
) -> None:
    client.force_login(alice)
    url, body = _page(client, saved)
    day = saved.programme.weeks[0].sessions[0].date
    assert f'href="/journal/checkin/?day={day}"' in body
    for item in saved.programme.weeks[0].sessions[0].exercises:
        client.post(f"{url}tick/", {"exercise": item.exercise_id, "done": "1"})
    done = client.get(url).content.decode()
    assert "All done for today" in done
    banner = re.search(r'class="done-banner" role="status">(.*?)</p>', done, re.S)
    assert banner is not None and f"/journal/checkin/?day={day}" in banner.group(1)


def test_a_tick_asked_for_as_json_answers_without_a_redirect(
    client: Client, alice: AbstractBaseUser, saved: SavedProgramme
) -> None:
    client.force_login(alice)
    url, _ = _page(client, saved)
    exercises = [i.exercise_id for i in saved.programme.weeks[0].sessions[0].exercises]

    answers = [
        client.post(
            f"{url}tick/", {"exercise": e, "done": "1"}, headers={"Accept": "application/json"}
        )
        for e in exercises
    ]

    assert all(a.status_code == 200 for a in answers)
    assert answers[0].json() == {"exercise": exercises[0], "done": True, "all_done": False}
    assert answers[-1].json()["all_done"] is True
    assert ExerciseTick.objects.filter(programme=saved).count() == len(exercises)


def test_a_plain_tick_still_goes_back_to_the_card(
    client: Client, alice: AbstractBaseUser, saved: SavedProgramme
) -> None:
    client.force_login(alice)
    url, _ = _page(client, saved)
    first = saved.programme.weeks[0].sessions[0].exercises[0].exercise_id
    response = client.post(f"{url}tick/", {"exercise": first, "done": "1"})
    assert response.status_code == 302 and response["Location"].endswith(f"#card-{first}")


def test_the_session_lists_what_to_keep_for_offline_use(
    client: Client, alice: AbstractBaseUser, saved: SavedProgramme
) -> None:
    client.force_login(alice)
    url, body = _page(client, saved)
    kept = _data_block(body, "offline-urls")
    assert isinstance(kept, dict) and kept["start"] == f"/programme/{saved.pk}/"
    urls = kept["urls"]
    session = saved.programme.weeks[0].sessions[0]
    assert url in urls and f"/programme/{saved.pk}/" in urls
    assert f"/journal/checkin/?day={session.date}" in urls
    for item in session.exercises:
        assert f"/exercises/{item.exercise_id}.svg" in urls
        assert f"/exercises/{item.exercise_id}/key-poses.svg" in urls
    assert "/guides/when-to-get-help/" in urls
    # The next session after this one is kept too: it is "today" on the phone tomorrow.
    following = saved.programme.weeks[0].sessions[1]
    assert f"/programme/{saved.pk}/session/{following.date}/" in urls


def test_another_person_gets_no_player_for_my_session(
    client: Client, saved: SavedProgramme
) -> None:
    bob = get_user_model().objects.create_user("bob@example.com", "bob@example.com", "x long 12345")
    client.force_login(bob)
    day = saved.programme.weeks[0].sessions[0].date
    assert client.get(f"/programme/{saved.pk}/session/{day}/").status_code == 404
    tick = client.post(
        f"/programme/{saved.pk}/session/{day}/tick/",
        {"exercise": saved.programme.weeks[0].sessions[0].exercises[0].exercise_id, "done": "1"},
        headers={"Accept": "application/json"},
    )
    assert tick.status_code == 404 and not ExerciseTick.objects.exists()


def test_the_plan_page_names_the_day_it_shows(
    client: Client, alice: AbstractBaseUser, saved: SavedProgramme
) -> None:
    # offline.js compares it with the phone's date when the page comes from the phone.
    client.force_login(alice)
    body = client.get(f"/programme/{saved.pk}/").content.decode()
    assert f'data-page-day="{date.today().isoformat()}"' in body
