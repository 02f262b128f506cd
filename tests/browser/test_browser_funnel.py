"""The whole funnel in Chromium on a phone: P01 to a saved plan and a running timer, P07 to
the emergency panel. Screenshots of every step are saved for people to look at, at phone
and desktop width, light and dark (tests/browser/screenshots/funnel/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser_support import PHONE, shoot_all
from playwright.sync_api import expect

from spinewise.core.intake import parse_intake
from spinewise.core.questionnaire import Answer, Question, intake_to_answers, questionnaire

pytestmark = pytest.mark.browser
VIGNETTES = Path(__file__).parents[1] / "vignettes"
MAX_PAGE_BYTES = 100 * 1024


def answers_for(vignette: str) -> dict[str, Answer]:
    data = json.loads((VIGNETTES / f"{vignette}.json").read_text())
    answers = intake_to_answers(parse_intake(data))
    for question in questionnaire().step("recovery").questions:
        # The wizard always asks the recovery screen; a vignette without it answers the
        # first choice of each item (no risk factor).
        answers.setdefault(question.field, question.options[0].value)
    return answers


def fill_question(page: Any, question: Question, answers: dict[str, Answer]) -> None:
    name = question.name
    if question.type == "checklist":
        ticked = [item.name for item in question.items if answers.get(item.field) is True]
        for value in ticked or ["none"]:
            page.check(f"input[name={name}][value={value}]")
        return
    value = answers.get(question.field)
    if question.type in ("number", "text"):
        page.fill(f"[name={name}]", "" if value is None else str(value))
    elif question.type == "yes_no":
        page.check(f"input[name={name}][value={'yes' if value else 'no'}]")
    elif question.type in ("single", "scale"):
        page.check(f"input[name={name}][value='{value}']")
    else:
        for item in value if isinstance(value, list) else []:
            page.check(f"input[name={name}][value={item}]")


def check_page(page: Any, shots: Path, name: str) -> None:
    """axe finds nothing in the light or the dark scheme, and the pictures are saved."""
    from axe_playwright_python.sync_playwright import Axe

    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        results = Axe().run(page)
        assert results.violations_count == 0, f"{name} ({scheme}): {results.generate_report()}"
    shoot_all(page, shots, name)


def in_first_phone_screen(page: Any, selector: str) -> bool:
    """Whether the element is wholly visible without scrolling on a 390x844 phone."""
    page.evaluate("() => window.scrollTo(0, 0)")
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


# Wizard pages already checked (axe, pictures) in this run: the funnels walk the same
# question pages with other answers, and checking each page once keeps make test short.
_CHECKED_PAGES: set[str] = set()


def check_page_once(page: Any, shots: Path, page_id: str, name: str) -> None:
    if page_id not in _CHECKED_PAGES:
        _CHECKED_PAGES.add(page_id)
        check_page(page, shots, name)


def walk_wizard(page: Any, server_url: str, vignette: str, shots: Path) -> list[str]:
    """Answers as the vignette's person, page after page as the site leads, until the
    result; returns the ids of the question pages shown. Each wizard page is checked the
    first time a walk in this run reaches it."""
    answers = answers_for(vignette)
    page.goto(server_url + "/")
    page.click("text=Start your assessment")
    check_page_once(page, shots, "start", f"{vignette}-00-start")
    page.click("text=Start the assessment")
    shown: list[str] = []
    while not page.url.endswith(("/assessment/result/", "/assessment/check/")):
        step = questionnaire().step(page.url.rstrip("/").rsplit("/", 1)[-1])
        shown.append(step.id)
        assert f"Step {len(shown)} of" in page.inner_text(".wizard-count")
        for question in step.questions:
            fill_question(page, question, answers)
        check_page_once(page, shots, step.id, f"{vignette}-{len(shown):02d}-{step.id}")
        page.click("button[type=submit]")
        page.wait_for_load_state()
    if page.url.endswith("/assessment/check/"):
        check_page_once(page, shots, "check", f"{vignette}-{len(shown) + 1:02d}-check")
        page.locator("a:has-text('See my result')").first.click()
        page.wait_for_url("**/assessment/result/")
    return shown


def test_p01_from_landing_page_to_a_saved_plan_and_a_running_timer(
    phone_page: Any, server_url: str, screenshot_dir: Path, mailed_link: Any
) -> None:
    shots = screenshot_dir / "funnel"
    shots.mkdir(exist_ok=True)
    print(f"\nfunnel screenshots: {shots}")
    page = phone_page
    walk_wizard(page, server_url, "P01", shots)

    assert page.url.endswith("/assessment/result/")
    assert "Safe to look after at home" in page.inner_text("main")
    assert in_first_phone_screen(page, "#verdict-title")
    assert in_first_phone_screen(page, ".verdict-point-emergency")
    assert in_first_phone_screen(page, "a:has-text('Get my plan')")
    check_page(page, shots, "P01-12-result")

    # From the result to today's session: every page a new person sees is counted.
    screens: list[str] = []
    page.on("load", lambda loaded: screens.append(loaded.url))
    page.click("text=Get my plan")
    page.wait_for_url("**/programme/start/")
    assert page.locator("input[name=fitness][value=low]").is_checked()  # from the answers
    check_page(page, shots, "P01-13-plan-settings")
    page.fill("[name=email]", "emily@example.com")
    page.fill("[name=password1]", "a long and private passphrase 35")
    page.fill("[name=password2]", "a long and private passphrase 35")
    page.click("button:has-text('Create my account and plan')")
    assert "Check your email" in page.inner_text("h1")
    check_page(page, shots, "P01-14-check-email")
    page.goto(mailed_link("/accounts/signup/confirm/"))
    check_page(page, shots, "P01-15-confirm")
    page.click("button:has-text('Create my account')")
    page.wait_for_url("**/session/**")
    assert page.locator("[data-player]").is_visible()  # the first exercise, ready to start
    print(f"\nscreens from the result to today's session: {len(screens)}: {screens}")
    assert len(screens) <= 4, screens
    check_page(page, shots, "P01-16-session")

    player = page.locator("[data-player]")
    player.locator("[data-player-toggle]").click()
    expect(player.locator("[data-player-toggle]")).to_have_text("Pause")
    expect(player.locator("[data-player-step]")).to_contain_text("Get ready")
    expect(player.locator("[data-player-clock]")).not_to_have_text("0:00")
    page.screenshot(path=str(shots / "P01-17-timer.png"))
    page.locator("button:has-text('Mark as done')").first.click()
    assert page.locator(".tick-state").first.inner_text().endswith("Done")

    page.click("text=Progress")
    page.click("text=Check in for today")
    check_page(page, shots, "P01-18-checkin")
    page.check("input[name=pain][value='4']")
    page.click("button:has-text('Save check-in')")
    assert "Check-in for" in page.inner_text("main")
    check_page(page, shots, "P01-19-progress")
    page.goto(server_url + "/journal/function/")
    check_page(page, shots, "P01-20-function")
    page.click("text=Rate how much pain got in your way this week too")
    page.wait_for_url("**/journal/pain-week/**")
    check_page(page, shots, "P01-20b-pain-week")
    for name, value in (("pain", "6"), ("enjoyment", "5"), ("activity", "6")):
        page.check(f"input[name={name}][value='{value}']")
    page.click('button:has-text("Save this week\'s rating")')
    page.wait_for_url("**/journal/")
    assert "Your outcomes" in page.inner_text("main")
    assert "Pain interference" in page.inner_text("#outcomes")
    check_page(page, shots, "P01-20c-your-outcomes")
    page.goto(server_url + "/accounts/data/")
    check_page(page, shots, "P01-21-your-data")


def test_p07_gets_the_emergency_panel_and_no_plan(
    phone_page: Any, server_url: str, screenshot_dir: Path
) -> None:
    shots = screenshot_dir / "funnel"
    shots.mkdir(exist_ok=True)
    page = phone_page
    shown = walk_wizard(page, server_url, "P07", shots)
    # Safety first: where, about you, then the first safety page, whose emergency answer
    # ends the questions at once.
    assert shown == ["where", "about", "safety_nerves"]
    main = page.inner_text("main")
    assert "Call 999 now" in main
    assert page.locator("a[href='tel:999']").is_visible()
    assert "six-week plan" not in main and "What is probably behind it" not in main
    check_page(page, shots, "P07-04-emergency")


def _tab_to(page: Any, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with the Tab key")


def test_the_wizard_can_be_completed_with_the_keyboard_alone(
    phone_page: Any, server_url: str
) -> None:
    page = phone_page
    answers = answers_for("P02")
    page.goto(server_url + "/assessment/")
    _tab_to(page, "a[href='/assessment/where/']")
    page.keyboard.press("Enter")
    for step in questionnaire().visible_steps(answers):
        page.wait_for_selector(".wizard-form")
        for question in step.questions:
            value = answers.get(question.field)
            name = question.name
            if question.type == "checklist":
                _tab_to(page, f"input[name={name}][value=none]")
                page.keyboard.press("Space")
            elif question.type in ("number", "text"):
                _tab_to(page, f"[name={name}]")
                page.keyboard.type("" if value is None else str(value))
            elif question.type in ("multi", "body_map"):
                for item in value if isinstance(value, list) else []:
                    _tab_to(page, f"input[name={name}][value={item}]")
                    page.keyboard.press("Space")
            else:
                wanted = {True: "yes", False: "no"}.get(value, str(value))  # type: ignore[call-overload]
                _tab_to(page, f"input[name={name}]")
                for _ in range(12):  # arrow keys move through a radio group
                    if page.evaluate("() => document.activeElement.value") == wanted:
                        break
                    page.keyboard.press("ArrowRight")
                page.keyboard.press("Space")
        _tab_to(page, "button[type=submit]")
        page.keyboard.press("Enter")
    page.wait_for_url("**/assessment/check/")
    _tab_to(page, "a[href='/assessment/result/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/assessment/result/")
    assert "Safe to look after at home" in page.inner_text("main")


FUNNEL_PAGES = [
    "/assessment/",
    "/assessment/about/",
    "/assessment/where/",
    "/assessment/safety_chest/",
]


@pytest.mark.parametrize("path", FUNNEL_PAGES)
def test_funnel_pages_are_light_and_stay_on_the_origin(
    phone_page: Any, server_url: str, path: str
) -> None:
    sizes: list[int] = []
    urls: list[str] = []

    def record(response: Any) -> None:
        urls.append(response.url)
        body = response.body() if response.status < 300 else b""
        sizes.append(len(body) + 400)  # headers, roughly

    phone_page.on("response", record)
    phone_page.goto(server_url + path, wait_until="networkidle")
    assert all(url.startswith(server_url + "/") for url in urls)
    assert sum(sizes) < MAX_PAGE_BYTES, dict(zip(urls, sizes, strict=True))


def test_after_a_form_error_focus_is_on_the_error_summary(phone_page: Any, server_url: str) -> None:
    page = phone_page
    page.goto(server_url + "/assessment/about/")
    page.click("button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.evaluate("() => document.activeElement.id") == "error-summary"


def test_a_0_to_10_scale_is_one_row_of_eleven_on_a_phone(phone_page: Any, server_url: str) -> None:
    page = phone_page
    page.goto(server_url + "/assessment/about/")
    tops = page.eval_on_selector_all(
        "input[name=intensity]", "els => els.map(e => e.closest('label').getBoundingClientRect())"
    )
    assert len(tops) == 11
    assert len({round(box["top"]) for box in tops}) == 1  # one row
    assert all(box["height"] >= 44 and box["width"] >= 24 for box in tops)


def test_every_body_map_area_is_a_44_px_target_on_a_phone(phone_page: Any, server_url: str) -> None:
    page = phone_page
    page.goto(server_url + "/assessment/where/")
    page.wait_for_selector(".body-map.is-interactive")
    boxes = page.eval_on_selector_all(
        ".bm-hit",
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {area: e.parentNode.dataset.area, w: r.width, h: r.height}; })",
    )
    assert len(boxes) == len(questionnaire().step("where").questions[0].options)
    small = [b for b in boxes if b["w"] < 44 or b["h"] < 44]
    assert small == []
    page.locator("[data-area=upper_back_centre] .bm-hit").click()
    assert page.locator("input[data-area-input=upper_back_centre]").is_checked()


@pytest.mark.parametrize("vignette", ["P18", "P20"])
def test_a_see_a_clinician_soon_result_also_fits_the_first_phone_screen(
    phone_page: Any, server_url: str, screenshot_dir: Path, vignette: str
) -> None:
    shots = screenshot_dir / "funnel"
    shots.mkdir(exist_ok=True)
    page = phone_page
    walk_wizard(page, server_url, vignette, shots)
    assert "When to see a GP" in page.inner_text(".verdict")
    assert in_first_phone_screen(page, "#verdict-title")
    assert in_first_phone_screen(page, "a:has-text('Get my plan')")
    check_page(page, shots, f"{vignette}-result")


def _sign_up_and_open_plan(page: Any, server_url: str, email: str, mailed_link: Any) -> None:
    page.click("text=Get my plan")
    page.wait_for_url("**/programme/start/")
    page.fill("[name=email]", email)
    page.fill("[name=password1]", "a long and private passphrase 35")
    page.fill("[name=password2]", "a long and private passphrase 35")
    page.click("button:has-text('Create my account and plan')")
    page.goto(mailed_link("/accounts/signup/confirm/"))
    page.click("button:has-text('Create my account')")
    page.wait_for_url("**/session/**")
    page.goto(server_url + "/programme/")


def test_a_high_risk_person_gets_the_extra_support_pathway_and_this_weeks_lesson(
    phone_page: Any, server_url: str, screenshot_dir: Path, mailed_link: Any
) -> None:
    shots = screenshot_dir / "pathways"
    shots.mkdir(exist_ok=True)
    page = phone_page
    shown = walk_wizard(page, server_url, "S03", shots)
    assert "recovery" in shown
    assert "Exercise programme with extra support" in page.inner_text("main")
    assert "physiotherapist" in page.inner_text("main")
    check_page(page, shots, "S03-result")
    _sign_up_and_open_plan(page, server_url, "high@example.com", mailed_link)
    main = page.inner_text("main")
    assert "Hurt does not mean harm" in main and "Your task this week:" in main
    check_page(page, shots, "S03-plan")


def test_a_low_risk_person_gets_the_light_touch_pathway(
    phone_page: Any, server_url: str, screenshot_dir: Path, mailed_link: Any
) -> None:
    shots = screenshot_dir / "pathways"
    shots.mkdir(exist_ok=True)
    page = phone_page
    walk_wizard(page, server_url, "S01", shots)
    assert "Light-touch plan" in page.inner_text("main")
    check_page(page, shots, "S01-result")
    _sign_up_and_open_plan(page, server_url, "low@example.com", mailed_link)
    main = page.inner_text("main")
    assert "Light-touch plan" in main and "Your task this week:" not in main
    assert page.locator(".session-list li").count() == 3  # asked for 5 days; light plan: 3
    check_page(page, shots, "S01-plan")
