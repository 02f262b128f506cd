"""The guided session and the offline app in Chromium on a phone.

A person with a plan opens today's session, runs the guided player (a faked clock stands in
for the minutes), loses the network, reloads the session from the service worker, saves a
check-in that waits on the phone, and gets the network back: the check-in is stored once.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from spinewise.core.exercises import GET_READY_SECONDS

pytestmark = pytest.mark.browser
VIGNETTE = Path(__file__).parents[1] / "vignettes" / "P01.json"
PASSWORD = "quiet-harbour-morning-58"
PHONE_SIZE = {"width": 390, "height": 844}

# Run inside the server's own database, as `spinewise manage shell` would for an operator:
# a person with a saved P01 assessment and a plan with a session every day from today.
MAKE_PERSON = """
import json
from datetime import date
from pathlib import Path
from django.contrib.auth.models import User
from spinewise.core.intake import parse_intake
from spinewise.core.plan import Preferences
from spinewise.web.assessments.services import save_assessment
from spinewise.web.programmes.services import create_programme
user = User.objects.create_user(EMAIL, EMAIL, PASSWORD)
intake = parse_intake(json.loads(Path(VIGNETTE).read_text()))
prefs = Preferences(timezone="UTC", days_per_week=7)
create_programme(user, save_assessment(user, intake), prefs, date.today())
"""


@pytest.fixture
def person(server_shell: Any, request: pytest.FixtureRequest) -> str:
    """A new person with a plan, named after the test (each test has its own)."""
    email = "-".join(request.node.name.split("_")[1:4]) + "@example.com"
    server_shell(
        f"EMAIL, PASSWORD, VIGNETTE = {email!r}, {PASSWORD!r}, {str(VIGNETTE)!r}\n{MAKE_PERSON}"
    )
    return email


def _log_in(page: Any, server_url: str, email: str) -> None:
    page.goto(server_url + "/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _rows(database: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database, timeout=30) as db:
        return db.execute(sql, args).fetchall()


def _exercise_seconds(page: Any, index: int) -> float:
    """How long the guided steps of the session's exercise ``index`` take."""
    return float(
        page.evaluate(
            "(i) => JSON.parse(document.getElementById('session-plan').textContent)"
            ".exercises[i].steps.reduce((sum, step) => sum + step.seconds, 0)",
            index,
        )
    )


def test_a_guided_session_then_a_check_in_saved_offline_is_stored_exactly_once(
    phone_page: Any, server_url: str, server_database: Path, person: str, screenshot_dir: Path
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = phone_page
    phone = page.context
    page.clock.install()
    _log_in(page, server_url, person)
    page.goto(server_url + "/programme/")
    page.click("text=Open today's session")
    page.wait_for_url("**/session/**")
    session_url = page.url
    # The service worker has kept the plan, this session, its drawings and the check-in.
    page.wait_for_selector("html[data-offline-ready]", state="attached")

    player = page.locator("[data-player]")
    toggle = player.locator("[data-player-toggle]")
    step = player.locator("[data-player-step]")
    expect(toggle).to_have_text("Start session")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    # One start control walks through the first exercise: get ready, then its first set.
    page.evaluate("() => { window.sameDocument = true; }")
    toggle.click()
    expect(toggle).to_have_text("Pause")
    expect(step).to_contain_text("Get ready")
    page.clock.run_for(int(GET_READY_SECONDS * 1000) + 500)
    expect(step).to_contain_text("Set 1 of")
    page.screenshot(path=str(screenshot_dir / "session-player-390.png"), full_page=False)

    # At the end of the exercise it is ticked off without a reload, and the next one is up.
    first_card = page.locator(".session-card").first
    page.clock.run_for(int(_exercise_seconds(page, 0) * 1000) + 500)
    expect(first_card).to_have_class("card session-card is-done")
    expect(first_card.locator(".tick-state")).to_have_text("✓ Done")
    expect(step).to_contain_text("Get ready")
    assert page.evaluate("() => window.sameDocument === true")
    user_id = _rows(server_database, "select id from auth_user where email = ?", person)[0][0]
    ticks_sql = (
        "select count(*) from programmes_exercisetick t join programmes_savedprogramme p "
        "on t.programme_id = p.id where p.user_id = ?"
    )
    assert _rows(server_database, ticks_sql, user_id) == [(1,)]
    toggle.click()
    expect(toggle).to_have_text("Resume")
    page.wait_for_selector("html[data-offline-refreshed]", state="attached")

    # No network: the session comes back from the phone, drawings included, and runs.
    phone.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_be_visible()
    assert page.url == session_url
    expect(first_card).to_have_class("card session-card is-done")  # the kept copy is fresh
    page.wait_for_function(
        "() => { const img = document.querySelector('.player-picture img, .session-card img');"
        " return img && img.complete && img.naturalWidth > 0; }"
    )
    toggle.click()
    expect(step).to_contain_text("Get ready")
    page.clock.run_for(int(GET_READY_SECONDS * 1000) + 500)
    expect(step).to_contain_text("Set 1 of")
    # The second exercise finishes offline: ticked on the phone, waiting to be sent.
    page.clock.run_for(int(_exercise_seconds(page, 1) * 1000) + 500)
    second_card = page.locator(".session-card").nth(1)
    expect(second_card.locator(".tick-state")).to_have_text("✓ Done (waiting to be sent)")
    toggle.click()
    expect(toggle).to_have_text("Resume")

    # The day's check-in, saved offline, waits on the phone and says so.
    page.click("text=Finished? Check in for today")
    page.wait_for_url("**/journal/checkin/**")
    page.check("input[name=pain][value='3']")
    page.click("button:has-text('Save check-in')")
    status = page.locator("#outbox-status")
    expect(status).to_contain_text("waiting to be sent")
    expect(status).to_contain_text("Check-in for")
    page.screenshot(path=str(screenshot_dir / "checkin-waiting-390.png"), full_page=False)
    checkins = "select count(*) from journal_checkin where user_id = ?"
    assert _rows(server_database, checkins, user_id) == [(0,)]

    # Back online it is sent, once; a later page finds nothing left to send.
    phone.set_offline(False)
    expect(status).to_contain_text("sent.")
    expect(status).not_to_contain_text("waiting")
    page.goto(server_url + "/journal/")
    assert page.evaluate("() => JSON.parse(localStorage.getItem('spinewise.outbox') || '[]')") == []
    expect(page.locator("main")).not_to_contain_text("waiting to be sent")

    assert _rows(server_database, ticks_sql, user_id) == [(2,)]
    stored = _rows(
        server_database,
        "select pain from journal_checkin where user_id = ?",
        user_id,
    )
    assert stored == [(3,)]
    keys = _rows(server_database, checkins.replace("checkin ", "checkinkey "), user_id)
    assert keys == [(1,)]

    # The kept pages are this person's: logging out removes them from the phone.
    assert page.evaluate("() => caches.has('spinewise-pages')")
    page.click("header button:has-text('Log out')")
    page.wait_for_url(server_url + "/")
    assert not page.evaluate("() => caches.has('spinewise-pages')")


def test_a_warning_sign_ticked_offline_gets_plain_advice_at_once_and_the_verdict_when_sent(
    phone_page: Any, server_url: str, server_database: Path, person: str
) -> None:
    page = phone_page
    _log_in(page, server_url, person)
    page.goto(server_url + "/programme/")
    page.wait_for_selector("html[data-offline-ready]", state="attached")

    page.context.set_offline(True)
    page.goto(server_url + "/journal/checkin/")
    page.check("input[name=pain][value='6']")
    sign = page.locator("input[name=new_red_flags][value=saddle_numbness]")
    page.locator("details.recheck-group", has=sign).locator("summary").click()
    sign.check()
    page.click("button:has-text('Save check-in')")

    # No verdict without the server, so what to do is said at once, with where to read more.
    status = page.locator("#outbox-status")
    expect(status).to_contain_text("You ticked a warning sign")
    expect(status).to_contain_text("get medical help now")
    expect(status.locator("a[href='/guides/when-to-get-help/']")).to_be_visible()
    expect(status).to_contain_text("waiting to be sent")

    # Sent when the network returns, and the server's verdict is shown straight away.
    page.context.set_offline(False)
    expect(status).to_contain_text("About the warning sign you reported")
    expect(status).to_contain_text("999")
    user_id = _rows(server_database, "select id from auth_user where email = ?", person)[0][0]
    flags = _rows(
        server_database, "select new_red_flags from journal_checkin where user_id = ?", user_id
    )
    assert flags == [('["saddle_numbness"]',)]


# Stands in for the device: records wake lock requests and spoken cues.
DEVICE_STUBS = """
window.wakeLocks = [];
Object.defineProperty(navigator, "wakeLock", { configurable: true, value: { request(type) {
  const listeners = [];
  const sentinel = { type, released: false,
    addEventListener(name, listener) { listeners.push(listener); },
    release() {
      sentinel.released = true;
      listeners.forEach((l) => l());
      return Promise.resolve();
    } };
  window.wakeLocks.push(sentinel);
  return Promise.resolve(sentinel);
} } });
window.spoken = [];
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speak(utterance) { window.spoken.push(utterance.text); }, cancel() {} } });
"""


def test_the_player_keeps_the_screen_awake_speaks_when_asked_and_works_from_the_keyboard(
    phone_page: Any, server_url: str, person: str
) -> None:
    page = phone_page
    page.add_init_script(DEVICE_STUBS)
    page.clock.install()
    _log_in(page, server_url, person)
    page.goto(server_url + "/programme/")
    page.click("text=Open today's session")
    player = page.locator("[data-player]")
    toggle = player.locator("[data-player-toggle]")
    voice = player.locator("[data-player-voice]")

    # Spoken cues are off until the person turns them on; the choice is remembered.
    expect(voice).to_have_attribute("aria-pressed", "false")
    voice.click()
    expect(voice).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("() => window.spoken") == ["Spoken cues on."]

    # Keyboard alone starts it; the cue says what comes, and the screen is held awake.
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_text("Pause")
    page.wait_for_function("() => window.wakeLocks.length === 1")
    assert page.evaluate("() => window.spoken[1]").startswith("Get ready: ")
    page.clock.run_for(int(GET_READY_SECONDS * 1000) + 500)
    page.wait_for_function("() => window.spoken.some((cue) => cue.startsWith('Set 1 of'))")

    # The browser lets go of the lock when the page is hidden; it is asked for again on return.
    page.evaluate(
        "() => { window.wakeLocks[0].release();"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    page.wait_for_function("() => window.wakeLocks.length === 2")

    # Pausing lets the screen sleep.
    page.keyboard.press("Enter")
    expect(toggle).to_have_text("Resume")
    page.wait_for_function("() => window.wakeLocks[1].released")

    page.reload()
    expect(player.locator("[data-player-voice]")).to_have_attribute("aria-pressed", "true")


def test_reduced_motion_gets_still_drawings_and_no_moving_bar(
    browser: Any, server_url: str, person: str
) -> None:
    context = browser.new_context(viewport=PHONE_SIZE, reduced_motion="reduce")
    try:
        page = context.new_page()
        _log_in(page, server_url, person)
        page.goto(server_url + "/programme/")
        page.click("text=Open today's session")
        page.click("[data-player-toggle]")
        picture = page.locator(".player-picture img")
        expect(picture).to_be_visible()
        page.wait_for_function(
            "() => document.querySelector('.player-picture img').currentSrc"
            ".endsWith('/key-poses.svg')"
        )
        bar = page.locator("[data-player-bar]")
        assert bar.evaluate("(el) => getComputedStyle(el).transitionDuration") == "0s"
    finally:
        context.close()


def test_the_whole_session_ends_at_the_days_check_in(
    phone_page: Any, server_url: str, server_database: Path, person: str
) -> None:
    page = phone_page
    page.clock.install()
    _log_in(page, server_url, person)
    page.goto(server_url + "/programme/")
    page.click("text=Open today's session")
    cards = page.locator(".session-card")
    count = cards.count()
    total = sum(_exercise_seconds(page, index) + GET_READY_SECONDS for index in range(count))

    page.click("[data-player-toggle]")
    page.clock.run_for(int(total * 1000) + 2000)

    checkin = page.locator("[data-player-finished] a")
    expect(checkin).to_be_focused()
    expect(checkin).to_have_text("Check in for today")
    expect(page.locator("[data-player-step]")).to_contain_text("All done for today")
    expect(page.locator(".session-card.is-done")).to_have_count(count)
    user_id = _rows(server_database, "select id from auth_user where email = ?", person)[0][0]
    ticks = _rows(
        server_database,
        "select count(*) from programmes_exercisetick t join programmes_savedprogramme p "
        "on t.programme_id = p.id where p.user_id = ?",
        user_id,
    )
    assert ticks == [(count,)]
    checkin.click()
    page.wait_for_url("**/journal/checkin/?day=*")
    assert "How is your back today?" in page.inner_text("h1")


def test_a_check_in_sent_when_the_network_only_looked_up_says_it_was_not_sent(
    phone_page: Any, server_url: str, server_database: Path, person: str
) -> None:
    page = phone_page
    # The phone believes it is online ("lie-fi"), so the form is sent the ordinary way.
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'onLine', { get() { return true; } });"
    )
    _log_in(page, server_url, person)
    page.goto(server_url + "/programme/")
    page.wait_for_selector("html[data-offline-ready]", state="attached")
    page.context.set_offline(True)
    page.goto(server_url + "/journal/checkin/")
    page.check("input[name=pain][value='2']")
    page.click("button:has-text('Save check-in')")

    expect(page.locator("h1")).to_have_text("Not sent: no connection")
    page.go_back()
    expect(page.locator("h1")).to_have_text("How is your back today?")
    user_id = _rows(server_database, "select id from auth_user where email = ?", person)[0][0]
    checkins = _rows(
        server_database, "select count(*) from journal_checkin where user_id = ?", user_id
    )
    assert checkins == [(0,)]


def test_a_plan_kept_from_yesterday_says_so_offline_and_opens_todays_session(
    phone_page: Any, server_url: str, person: str, screenshot_dir: Path
) -> None:
    page = phone_page
    _log_in(page, server_url, person)
    page.goto(server_url + "/programme/")
    page.wait_for_selector("html[data-offline-ready]", state="attached")
    saved_on = page.locator("[data-page-day]").get_attribute("data-page-day")
    assert saved_on is not None
    expect(page.locator("[data-stale-plan]")).to_have_count(0)  # online and current

    # The next morning, with no network: the phone's copy of the plan is yesterday's.
    tomorrow = date.fromisoformat(saved_on) + timedelta(days=1)
    page.clock.set_fixed_time(datetime(tomorrow.year, tomorrow.month, tomorrow.day, 8, 0))
    page.context.set_offline(True)
    page.reload()
    note = page.locator("[data-stale-plan]")
    expect(note).to_contain_text("You are offline, so this is your plan as it was on")
    card = page.locator("[data-page-day]")
    expect(card.locator("h2")).not_to_contain_text("Today")  # the card is the saved day's
    expect(card.locator("[data-day-link]")).to_contain_text("Open the session for")
    page.screenshot(path=str(screenshot_dir / "plan-offline-next-day-390.png"), full_page=False)
    note.locator("a", has_text="Open today's session").click()
    page.wait_for_url(f"**/session/{tomorrow.isoformat()}/")
    expect(page.locator("h1")).to_be_visible()
