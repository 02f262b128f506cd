"""What the sections share: statistics, results, the vignettes and a real server."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VIGNETTES = ROOT / "tests" / "vignettes"


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p50 is the median of an odd count)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def ms(seconds: float) -> str:
    if seconds != seconds:  # NaN
        return "n/a"
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


@dataclass
class Budget:
    name: str
    passed: bool | None  # None: not measured
    detail: str

    def line(self) -> str:
        verdict = {True: "PASS", False: "FAIL", None: "NOT MEASURED"}[self.passed]
        return f"**{verdict}**: {self.name} ({self.detail})"


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    seconds: float = 0.0


def vignette_data() -> list[tuple[str, dict[str, Any]]]:
    return [(path.stem, json.loads(path.read_text())) for path in sorted(VIGNETTES.glob("P*.json"))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def spinewise_command() -> list[str]:
    script = Path(sys.executable).parent / "spinewise"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from spinewise.cli.main import app; app()"]


def server_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPINEWISE_")}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["SPINEWISE_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


@contextmanager
def serving(env: dict[str, str], workers: int, log: Path) -> Iterator[str]:
    """``spinewise serve`` on a free loopback port; stopped (whole process group) after."""
    port = free_port()
    command = [*spinewise_command(), "serve", "--port", str(port), "--workers", str(workers)]
    with _running(command, env, port, log) as url:
        yield url


def _floor_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


@contextmanager
def serving_floor(workers: int, log: Path, signed_in: Path | None = None) -> Iterator[str]:
    """The one-view Django app of ``bench/floor.py``, served the way ``serving`` serves;
    with ``signed_in`` (a SQLite file made by ``floor_cookie``), behind session and auth."""
    port = free_port()
    command = [sys.executable, "-m", "bench.floor", "--port", str(port), "--workers", str(workers)]
    if signed_in is not None:
        command += ["--signed-in", str(signed_in)]
    with _running(command, _floor_env(), port, log) as url:
        yield url


def floor_cookie(database: Path) -> str:
    """Makes the signed-in floor's database and returns its person's session cookie."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.floor", "--prepare", str(database)],
        env=_floor_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


@contextmanager
def _running(command: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[str]:
    with log.open("ab") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited early:\n{log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{command[0]} did not become healthy") from None
                time.sleep(0.2)
        yield url
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
