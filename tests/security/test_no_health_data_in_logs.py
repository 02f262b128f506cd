"""Health data stays out of the logs: answers and notes, on success and on error.

Every logger is captured at DEBUG, including the ones that do not propagate to the root
(``django.request`` and ``django.security`` have their own handler in settings), while a
person saves an assessment with a distinctive answer and writes check-in notes through the
API and the web form, and while invalid versions of the same requests are refused.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner

from spinewise.web.accounts.backends import BACKEND
from spinewise.web.api.services import create_token
from spinewise.web.assessments.models import SavedAssessment

P01: dict[str, Any] = json.loads((Path(__file__).parents[1] / "vignettes" / "P01.json").read_text())
SPORT = "Sport-QX7 underwater hockey"
NOTE = "Note-QX7 my husband's kettlebell again"
BAD_NOTE = "Bad-note-QX7 rejected but private"
MARKERS = (SPORT, NOTE, BAD_NOTE, "QX7")


class _Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def text(self) -> str:
        formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
        parts = []
        for record in self.records:
            parts.append(formatter.format(record))  # message, args and any traceback
            parts.append(repr(record.args))
            parts.append(repr({k: v for k, v in vars(record).items() if k != "request"}))
        return "\n".join(parts)


@pytest.fixture
def captured() -> Iterator[_Everything]:
    """A handler on the root and on every named logger, everything at DEBUG."""
    handler = _Everything()
    names = ["", "django", "spinewise", *logging.Logger.manager.loggerDict]
    loggers = [logging.getLogger(name) for name in dict.fromkeys(names)]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)


@pytest.fixture
def person(db: None) -> tuple[User, Client, Client]:
    user = User.objects.create_user(username="logs@example.com", email="logs@example.com")
    _, raw = create_token(user, "phone")
    web = Client()
    web.force_login(user, backend=BACKEND)
    return user, web, Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def post_json(client: Client, url: str, body: Any) -> Any:
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, data=data, content_type="application/json")


def assert_clean(handler: _Everything) -> None:
    text = handler.text()
    for marker in MARKERS:
        assert marker not in text, f"{marker!r} reached the logs"


def test_successful_writes_log_no_answers_or_notes(
    captured: _Everything, person: tuple[User, Client, Client]
) -> None:
    _, web, api = person
    intake = {**copy.deepcopy(P01), "habits": {**P01["habits"], "sport": SPORT}}
    today = timezone.localdate()

    saved = post_json(api, "/api/v1/assessments?save=true", intake)
    checkin = post_json(api, "/api/v1/checkins", {"day": str(today), "pain": 4, "note": NOTE})
    form = web.post(
        "/journal/checkin/",
        {"day": str(today - timedelta(days=1)), "pain": "3", "sessions_done": "1", "note": NOTE},
    )
    listed = api.get("/api/v1/checkins")

    assert saved.status_code == 201
    stored = SavedAssessment.objects.get(pk=saved.json()["id"])
    assert stored.intake["habits"]["sport"] == SPORT
    assert checkin.status_code == 201
    assert form.status_code == 302
    assert NOTE in listed.content.decode()  # stored and shown to its owner ...
    assert_clean(captured)  # ... and never logged


def test_refused_requests_do_not_echo_notes_into_the_logs(
    captured: _Everything, person: tuple[User, Client, Client]
) -> None:
    _, web, api = person
    today = str(timezone.localdate())
    bad_intake = {**copy.deepcopy(P01), "age": "old", "habits": {**P01["habits"], "sport": SPORT}}

    responses = [
        (post_json(api, "/api/v1/checkins", {"day": today, "pain": 99, "note": BAD_NOTE}), 422),
        (post_json(api, "/api/v1/checkins", {"day": "soon", "note": BAD_NOTE}), 422),
        (post_json(api, "/api/v1/checkins", f'{{"note": "{BAD_NOTE}", oops}}'), 400),
        (post_json(api, "/api/v1/assessments", bad_intake), 422),
        (post_json(Client(), "/api/v1/checkins", {"day": today, "note": BAD_NOTE}), 401),
        (
            post_json(
                Client(HTTP_AUTHORIZATION="Bearer wrong"),
                "/api/v1/checkins",
                {"day": today, "pain": 2, "note": BAD_NOTE},
            ),
            401,
        ),
        (web.post("/journal/checkin/", {"day": today, "pain": "12", "note": BAD_NOTE}), 400),
    ]

    for response, status in responses:
        assert response.status_code == status, response.content
    # The refusals were logged (so the capture works) ...
    warnings = [r for r in captured.records if r.levelno >= logging.WARNING]
    assert any(r.name == "django.request" for r in warnings)
    # ... as a status and a path, without what was sent.
    assert_clean(captured)


def test_the_server_keeps_no_access_log(monkeypatch: pytest.MonkeyPatch) -> None:
    """Request lines can carry personal data in query strings: gunicorn logs none."""
    from gunicorn.app.base import BaseApplication

    from spinewise.cli.main import app

    seen: dict[str, Any] = {}

    def fake_run(self: BaseApplication) -> None:
        seen["accesslog"] = self.cfg.accesslog
        seen["loglevel"] = self.cfg.loglevel

    monkeypatch.setattr(BaseApplication, "run", fake_run)
    result = CliRunner().invoke(app, ["serve", "--no-migrate", "--port", "8999"])

    assert result.exit_code == 0, result.output
    assert seen == {"accesslog": None, "loglevel": "warning"}


def test_the_capture_would_see_a_leak(captured: _Everything) -> None:
    # django.request does not propagate to the root: the fixture must still see it.
    logging.getLogger("django.request").debug("body was %s", {"note": NOTE})

    with pytest.raises(AssertionError, match="reached the logs"):
        assert_clean(captured)
