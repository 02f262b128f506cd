"""Playwright fixtures: the real app under ``spinewise serve`` and Debian's Chromium.

The server runs in a subprocess on a free loopback port with a throwaway data folder,
exactly as ``make run`` would start it.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import PHONE

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"
OUTBOXES: dict[str, Path] = {}  # server URL -> the folder its emails are written to
DATA_DIRS: dict[str, Path] = {}  # server URL -> its data folder (its SQLite database)


@pytest.fixture
def mailed_link(server_url: str) -> Any:
    """``mailed_link("/accounts/signup/confirm/")``: the newest such link the server mailed."""
    return lambda path_prefix: latest_link(server_url, path_prefix)


def latest_link(server_url: str, path_prefix: str) -> str:
    """The newest link to ``path_prefix`` in the mail the server sent."""
    import re

    mails = sorted(OUTBOXES[server_url].glob("*.log"), key=lambda p: p.stat().st_mtime)
    for mail in reversed(mails):
        found = re.findall(rf"https?://[^\s]+{re.escape(path_prefix)}[^\s]+", mail.read_text())
        if found:
            return str(found[-1])
    raise AssertionError(f"no mail with a {path_prefix} link")


def chromium_path() -> str | None:
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _spinewise_command() -> list[str]:
    script = Path(sys.executable).parent / "spinewise"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from spinewise.cli.main import app; app()"]


# CI runs these tests a second time beside a CPU hog: wait generously for the server, and
# give every browser action more time than Playwright's default 30 s.
START_TIMEOUT = float(os.environ.get("SPINEWISE_TEST_START_TIMEOUT", "120"))
ACTION_TIMEOUT_MS = int(os.environ.get("SPINEWISE_TEST_ACTION_TIMEOUT_MS", "90000"))


def _wait_until_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    timeout = 2.0
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"spinewise serve exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=timeout) as response:
                if response.status == 200:
                    return
        except (OSError, http.client.HTTPException, ValueError):  # not up yet, or slow
            timeout = min(timeout * 2, 10.0)
            time.sleep(0.25)
    raise RuntimeError(f"spinewise serve did not become healthy:\n{log.read_text()}")


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("browser-data")
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("SPINEWISE_")}
    env.pop("DATABASE_URL", None)
    env["SPINEWISE_DATA_DIR"] = str(data)
    # Sign-up links arrive by email: the server writes its mail to files the tests read.
    env["SPINEWISE_EMAIL_BACKEND"] = "django.core.mail.backends.filebased.EmailBackend"
    env["SPINEWISE_EMAIL_FILE_PATH"] = str(data / "outbox")
    log = data / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*_spinewise_command(), "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, process, log)
        OUTBOXES[url] = data / "outbox"
        DATA_DIRS[url] = data
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def server_database(server_url: str) -> Path:
    """The test server's SQLite database, to check what a page really stored."""
    return DATA_DIRS[server_url] / "spinewise.sqlite3"


@pytest.fixture
def server_shell(server_url: str) -> Any:
    """``server_shell(code)`` runs Python in the test server's own database, as an
    operator's ``spinewise manage shell -c`` would: set-up a test needs but no page offers."""

    def run(code: str) -> None:
        env = {key: value for key, value in os.environ.items() if not key.startswith("SPINEWISE_")}
        env.pop("DATABASE_URL", None)
        env["SPINEWISE_DATA_DIR"] = str(DATA_DIRS[server_url])
        command = [*_spinewise_command(), "manage", "shell", "-c", code]
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=START_TIMEOUT)

    return run


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            "Chromium is not installed (expected at /usr/bin/chromium); run make browser-deps"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone_page(browser: Any) -> Iterator[Any]:
    """A fresh phone-sized page with an empty cache, so each load is a first visit."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(ACTION_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
