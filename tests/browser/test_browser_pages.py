"""The real app in Chromium: accessibility, no third-party requests, page weight, screenshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "landing": "/",
    "guides": "/guides/",
    "guide": "/guides/lower-vs-upper/",
    "when-to-get-help": "/guides/when-to-get-help/",
    "exercises": "/exercises/",
    "exercises-filtered": "/exercises/?region=upper",
    "exercise": "/exercises/glute_bridge/",
    "about": "/about/",
    "signup": "/accounts/signup/",
    "login": "/accounts/login/",
    "password-reset": "/accounts/password/reset/",
    "not-found": "/no-such-page/",
}
AXE_PAGES = ["landing", "guide", "exercises", "exercise", "signup", "login", "when-to-get-help"]
MAX_PAGE_BYTES = 100 * 1024


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_violations(phone_page: Any, server_url: str, name: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    phone_page.emulate_media(color_scheme=scheme)
    phone_page.goto(server_url + PAGES[name])
    results = Axe().run(phone_page)

    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", list(PAGES))
def test_no_request_leaves_the_origin_and_csp_is_never_violated(
    phone_page: Any, server_url: str, name: str
) -> None:
    requests: list[str] = []
    console_errors: list[str] = []
    phone_page.on("request", lambda request: requests.append(request.url))
    phone_page.on(
        "console",
        lambda message: console_errors.append(message.text) if message.type == "error" else None,
    )

    phone_page.goto(server_url + PAGES[name], wait_until="networkidle")

    assert requests
    foreign = [url for url in requests if not url.startswith(server_url + "/")]
    assert foreign == []
    # A 404 page logs its own status; anything else in the console is a CSP or script error.
    unexpected = [text for text in console_errors if "404" not in text]
    assert unexpected == []


@pytest.mark.parametrize("name", list(PAGES))
def test_first_load_weighs_under_100_kb(phone_page: Any, server_url: str, name: str) -> None:
    finished: list[Any] = []
    phone_page.on("requestfinished", lambda request: finished.append(request))

    phone_page.goto(server_url + PAGES[name], wait_until="networkidle")

    total = 0
    for request in finished:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    assert 0 < total < MAX_PAGE_BYTES, f"{name}: {total} bytes"


def test_screenshots_on_a_phone(phone_page: Any, server_url: str, screenshot_dir: Path) -> None:
    for name, path in PAGES.items():
        phone_page.goto(server_url + path, wait_until="networkidle")
        phone_page.screenshot(path=str(screenshot_dir / f"{name}.png"), full_page=True)
    print(f"\nScreenshots saved in {screenshot_dir}")
    assert len(list(screenshot_dir.glob("*.png"))) >= len(PAGES)


def _sign_up(page: Any, server_url: str, mailed_link: Any, email: str) -> None:
    """Signs up with ``email`` and confirms through the mailed link (then signed in)."""
    page.goto(server_url + "/accounts/signup/")
    page.fill("#id_email", email)
    page.fill("#id_password1", "gentle-morning-walk-31")
    page.fill("#id_password2", "gentle-morning-walk-31")
    page.click("button[type=submit]:has-text('Create account')")
    assert page.url == server_url + "/accounts/signup/sent/"
    page.goto(mailed_link("/accounts/signup/confirm/"))
    page.click("button[type=submit]:has-text('Create my account')")


def test_sign_up_log_out_and_log_in_without_javascript(
    browser: Any, server_url: str, mailed_link: Any
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    context.set_default_timeout(90_000)  # a loaded machine (CI's second pass) is slow
    page = context.new_page()
    try:
        _sign_up(page, server_url, mailed_link, "browser.person@example.com")
        assert page.url == server_url + "/accounts/"
        assert page.locator("h1").inner_text() == "Your account"

        page.click("header button:has-text('Log out')")
        assert page.url == server_url + "/"

        page.goto(server_url + "/accounts/login/")
        page.fill("#id_username", "browser.person@example.com")
        page.fill("#id_password", "gentle-morning-walk-31")
        page.click("main button[type=submit]")
        assert page.url == server_url + "/accounts/"
    finally:
        context.close()


def test_exercise_filter_works_without_javascript(browser: Any, server_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    context.set_default_timeout(90_000)
    page = context.new_page()
    try:
        page.goto(server_url + "/exercises/")
        page.select_option("#id_region", "upper")
        page.click("button:has-text('Show exercises')")
        assert "region=upper" in page.url
        assert "for the upper back" in page.locator("#results-title").inner_text()
    finally:
        context.close()


def test_skip_link_is_the_first_focus_and_moves_to_main(phone_page: Any, server_url: str) -> None:
    phone_page.goto(server_url + "/")
    phone_page.keyboard.press("Tab")
    focused = phone_page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"

    phone_page.keyboard.press("Enter")
    assert phone_page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("width", [320, 390])
def test_every_header_link_is_in_sight_on_a_phone_when_signed_out(
    phone_page: Any, server_url: str, width: int
) -> None:
    phone_page.set_viewport_size({"width": width, "height": 700})
    phone_page.goto(server_url + "/")
    nav = phone_page.locator("nav.site-nav")
    assert nav.evaluate("n => n.scrollWidth <= n.clientWidth")  # nothing off to the side
    assert phone_page.evaluate("() => document.documentElement.scrollWidth") <= width
    for name in ("Start assessment", "Guides", "Exercises", "Log in", "Sign up"):
        link = nav.get_by_role("link", name=name, exact=True)
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, name


def test_signed_in_on_a_phone_the_header_row_fades_at_its_edge_and_ends_clear(
    browser: Any, server_url: str, mailed_link: Any
) -> None:
    """Signed in, the header's links are one row that scrolls sideways on a phone. The
    link cut at the right edge fades out (more to scroll to), and neither the last link,
    scrolled to, nor a link reached with Tab is left under the fade."""
    context = browser.new_context(viewport={"width": 390, "height": 700}, is_mobile=True)
    context.set_default_timeout(90_000)  # a loaded machine (CI's second pass) is slow
    page = context.new_page()
    clear = 28 - 1  # the fade is 1.75rem wide; a pixel's rounding either way
    try:
        _sign_up(page, server_url, mailed_link, "phone.header@example.com")
        page.goto(server_url + "/guides/")

        nav = page.locator("nav.site-nav")
        assert nav.evaluate("n => n.scrollWidth > n.clientWidth")  # the row scrolls
        assert "linear-gradient" in nav.evaluate("n => getComputedStyle(n).maskImage")
        right = nav.evaluate("n => n.getBoundingClientRect().right")

        nav.evaluate("n => { n.scrollLeft = n.scrollWidth; }")
        last = page.locator("header button:has-text('Log out')").bounding_box()
        assert last is not None and last["x"] + last["width"] <= right - clear

        nav.evaluate("n => { n.scrollLeft = 0; }")
        link = nav.get_by_role("link", name="Exercises", exact=True)
        link.focus()
        box = link.bounding_box()
        assert box is not None and box["x"] + box["width"] <= right - clear
    finally:
        context.close()
