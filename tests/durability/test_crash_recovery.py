"""A write the server acknowledged survives the server being killed mid-stream.

``spinewise serve --workers 2`` runs on SQLite in a throwaway data folder. Two client
threads stream check-ins through the API and note every id answered with a 2xx; the whole
server (master and workers) is SIGKILLed while they write; a new server on the same data
folder must still hold every acknowledged check-in. The server's own log must not contain
the notes either.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="SQLite only: DATABASE_URL selects PostgreSQL"
)

NOTE = "Crash-note-QX7"
P01: dict[str, Any] = json.loads((Path(__file__).parents[1] / "vignettes" / "P01.json").read_text())

SETUP = """
from spinewise.cli.django_setup import setup_django
setup_django(migrate=True)
from django.contrib.auth.models import User
from spinewise.web.api.services import create_token
user = User.objects.create_user(username="crash@example.com", email="crash@example.com")
print(create_token(user, "crash-test")[1])
"""


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPINEWISE_")}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["SPINEWISE_DATA_DIR"] = str(data)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _spinewise() -> list[str]:
    script = Path(sys.executable).parent / "spinewise"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from spinewise.cli.main import app; app()"]


# On a busy machine (CI runs these tests again beside a CPU hog) a server can take tens of
# seconds to start and a request seconds to answer: wait generously, and treat every kind
# of "no answer yet" (refused, reset, timed out, half an answer) as "not up yet".
START_TIMEOUT = float(os.environ.get("SPINEWISE_TEST_START_TIMEOUT", "120"))
REQUEST_TIMEOUT = 30
NOT_UP_YET = (OSError, http.client.HTTPException, ValueError)


def wait_until_up(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    timeout = 1.0
    while True:
        assert process.poll() is None, log.read_text()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=timeout):
                return
        except NOT_UP_YET:
            assert time.monotonic() < deadline, log.read_text()
            timeout = min(timeout * 2, 10.0)  # a slow answer gets longer next time
            time.sleep(0.2)


@contextmanager
def serving(data: Path, log: Path) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """The real server in its own process group, so one signal reaches master and workers."""
    port = _free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            [*_spinewise(), "serve", "--port", str(port), "--workers", "2", "--no-migrate"],
            env=_env(data),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_up(port, process, log)
        yield port, process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _endpoint(port: int) -> str:
    """Check-ins when the API has them, else saved assessments."""
    url = f"http://127.0.0.1:{port}/api/v1/openapi.json"
    with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
        paths = json.load(response)["paths"]
    return "/api/v1/checkins" if "/api/v1/checkins" in paths else "/api/v1/assessments"


class Writer(threading.Thread):
    """Posts one new record after another and keeps the ids the server acknowledged."""

    def __init__(self, port: int, token: str, endpoint: str, first_day: date, step: int) -> None:
        super().__init__(daemon=True)
        self.port, self.token, self.endpoint = port, token, endpoint
        self.day, self.step = first_day, step
        self.acknowledged: dict[int, str] = {}
        self.stop = threading.Event()

    def body(self) -> tuple[str, bytes]:
        if self.endpoint == "/api/v1/checkins":
            entry = {"day": str(self.day), "pain": 3, "note": f"{NOTE} {self.day}"}
            return self.endpoint, json.dumps(entry).encode()
        return f"{self.endpoint}?save=true", json.dumps(P01).encode()

    def run(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        while not self.stop.is_set():
            url, body = self.body()
            try:
                connection.request("POST", url, body=body, headers=headers)
                response = connection.getresponse()
                answer = response.read()
            except (OSError, http.client.HTTPException):
                return  # the server is gone
            if 200 <= response.status < 300:
                self.acknowledged[json.loads(answer)["id"]] = str(self.day)
            self.day -= timedelta(days=self.step)


def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    setup = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SETUP)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    token = setup.stdout.strip().splitlines()[-1]
    log = tmp_path / "server.log"

    with serving(tmp_path, log) as (port, server):
        endpoint = _endpoint(port)
        # Two writers on alternating days, so every check-in is a new row.
        first = date.today()  # back from today: inside the journal's date rule
        writers = [Writer(port, token, endpoint, first - timedelta(n), 2) for n in (0, 1)]
        for writer in writers:
            writer.start()
        # About 40 writes, or at least 20 once 4 s have passed (a loaded machine is slower).
        started = time.monotonic()
        while True:
            done = sum(len(w.acknowledged) for w in writers)
            waited = time.monotonic() - started
            if done >= 40 or (done >= 20 and waited > 4) or waited > START_TIMEOUT:
                break
            time.sleep(0.02)
        os.killpg(server.pid, signal.SIGKILL)  # mid-stream: requests are still in flight
        server.wait(timeout=30)
        for writer in writers:
            writer.stop.set()
            writer.join(timeout=10)

    acknowledged = {pk: day for writer in writers for pk, day in writer.acknowledged.items()}
    assert len(acknowledged) >= 20, "too few writes before the kill to prove anything"

    with serving(tmp_path, log) as (port, _):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{endpoint}", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            stored = {item["id"]: item for item in json.load(response)}

    missing = sorted(set(acknowledged) - set(stored))
    assert missing == [], f"{len(missing)} acknowledged writes lost"
    if endpoint == "/api/v1/checkins":
        assert all(stored[pk]["day"] == day for pk, day in acknowledged.items())
    assert NOTE not in log.read_text()
