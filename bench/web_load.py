"""The web app under load: the real server (gunicorn) driven by wrk, or by a small
threaded keep-alive client when wrk is not installed."""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bench.common import VIGNETTES, Budget, Section, median, ms, percentile
from bench.seed import Person
from spinewise.cli.serve_cmd import THREADS

CONCURRENCY = 50
DURATION = 8  # seconds per endpoint at full concurrency (the floor too, just before it)
SOLO_DURATION = 3  # seconds per endpoint with one client: the service time alone
# Budgets, as ratios to the floor (a one-view Django app served the same way, measured
# just before each page) and as plain service times.
MIN_THROUGHPUT_RATIO = 0.3  # page req/s at 50 clients >= 0.3 x the floor's
MAX_P99_RATIO = 4.0  # page p99 at 50 clients <= 4 x the floor's p99
SOLO_P50 = 0.005  # one client: p50 under 5 ms
SOLO_P99 = 0.020  # one client: p99 under 20 ms
MAX_TAIL = 10.0  # no starvation: p99 <= 10 x p50 at 50 clients


@dataclass
class Endpoint:
    name: str
    path: str
    method: str = "GET"
    body: bytes | None = None
    cookie: str | None = None


@dataclass
class Load:
    p50: float
    p99: float
    rps: float
    requests: int
    bad: int  # non-2xx/3xx answers and socket errors
    tool: str


@dataclass
class Result:
    endpoint: Endpoint
    status: int
    floor: Load
    busy: Load
    solo: Load
    # For a signed-in page: the signed-in reference measured just after it, same load.
    beside: Load | None = None

    @property
    def throughput_ratio(self) -> float:
        return self.busy.rps / self.floor.rps if self.floor.rps else float("nan")

    @property
    def p99_ratio(self) -> float:
        return self.busy.p99 / self.floor.p99 if self.floor.p99 else float("nan")

    @property
    def tail(self) -> float:
        return self.busy.p99 / self.busy.p50 if self.busy.p50 else float("nan")


@dataclass(frozen=True)
class ReferenceRow:
    line: str
    ratio: float


def _reference_endpoint(reference: Reference) -> Endpoint:
    return Endpoint("reference", "/me", cookie=reference.cookie)


def _reference_row(floor: str, reference: Reference) -> ReferenceRow:
    endpoint = _reference_endpoint(reference)
    if check(reference.base, endpoint) != 200:
        raise RuntimeError("the signed-in floor did not answer 200 to its own session")
    measure(reference.base, endpoint, 10, 1)
    measure(floor, Endpoint("floor", "/"), 10, 1)
    floor_load = measure(floor, Endpoint("floor", "/"), CONCURRENCY, DURATION)
    busy = measure(reference.base, endpoint, CONCURRENCY, DURATION)
    solo = measure(reference.base, endpoint, 1, SOLO_DURATION)
    result = Result(endpoint, 200, floor_load, busy, solo)
    line = (
        f"| _reference: the floor signed in (session + auth, SQLite)_ | 200 | {busy.rps:,.0f} | "
        f"{result.throughput_ratio:.2f} | {ms(busy.p50)} | {ms(busy.p99)} | "
        f"{result.p99_ratio:.1f} | {result.tail:.1f} | {ms(solo.p50)} | {ms(solo.p99)} | "
        f"{busy.bad} |"
    )
    return ReferenceRow(line, result.throughput_ratio)


def endpoints(person: Person, journal: bool) -> list[Endpoint]:
    cookie = person.cookie_header
    found = [
        Endpoint("landing `/`", "/"),
        Endpoint("exercise list `/exercises/`", "/exercises/"),
        Endpoint("assessment start `/assessment/`", "/assessment/"),
        Endpoint(
            "assessment submit (POST /api/v1/assessments, P01)",
            "/api/v1/assessments",
            method="POST",
            body=(VIGNETTES / "P01.json").read_bytes(),
        ),
        Endpoint(
            "result page (saved assessment, signed in)",
            f"/assessment/saved/{person.assessment_id}/",
            cookie=cookie,
        ),
        Endpoint("programme page (signed in)", f"/programme/{person.programme_id}/", cookie=cookie),
    ]
    if journal:
        found.append(
            Endpoint(
                f"dashboard `/journal/` ({person.checkins} days of check-ins)",
                "/journal/",
                cookie=cookie,
            )
        )
    return found


def check(base: str, endpoint: Endpoint) -> int:
    request = urllib.request.Request(
        base + endpoint.path, data=endpoint.body, method=endpoint.method
    )
    if endpoint.body:
        request.add_header("Content-Type", "application/json")
    if endpoint.cookie:
        request.add_header("Cookie", endpoint.cookie)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


# --- wrk ------------------------------------------------------------------------------------

_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def _seconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def wrk(base: str, endpoint: Endpoint, clients: int, seconds: int) -> Load:
    command = ["wrk", f"-t{min(2, clients)}", f"-c{clients}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "10s"]  # slow answers count in the tail, not as errors
    with tempfile.TemporaryDirectory() as tmp:
        if endpoint.cookie:
            command += ["-H", f"Cookie: {endpoint.cookie}"]
        if endpoint.method != "GET":
            script = Path(tmp) / "request.lua"
            body = (endpoint.body or b"").decode()
            script.write_text(
                f'wrk.method = "{endpoint.method}"\n'
                f"wrk.body = [==[{body}]==]\n"
                'wrk.headers["Content-Type"] = "application/json"\n'
            )
            command += ["-s", str(script)]
        out = subprocess.run(
            [*command, base + endpoint.path],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        ).stdout
    pct = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.M))
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    if requests == 0 or not pct:
        return Load(float("nan"), float("nan"), 0.0, 0, 0, "wrk")
    if set(pct) != {"50", "99"}:
        raise RuntimeError(f"unexpected wrk output:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    bad = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if errors:
        bad += sum(int(n) for n in errors.groups())
    return Load(_seconds(pct["50"]), _seconds(pct["99"]), rps, requests, bad, "wrk")


# --- fallback: threads with keep-alive connections -----------------------------------------


def threaded(base: str, endpoint: Endpoint, clients: int, seconds: int) -> Load:
    parts = urlsplit(base)
    headers = {"Connection": "keep-alive"}
    if endpoint.cookie:
        headers["Cookie"] = endpoint.cookie
    if endpoint.body:
        headers["Content-Type"] = "application/json"
    latencies: list[list[float]] = [[] for _ in range(clients)]
    bad = [0] * clients
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        connection = http.client.HTTPConnection(
            parts.hostname or "127.0.0.1", parts.port, timeout=30
        )
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                connection.request(endpoint.method, endpoint.path, endpoint.body, headers)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                bad[n] += 1
                connection.close()
                continue
            latencies[n].append(time.perf_counter() - t0)
            if response.status >= 400:
                bad[n] += 1

    began = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - began
    flat = [t for per in latencies for t in per]
    return Load(
        percentile(flat, 50), percentile(flat, 99), len(flat) / wall, len(flat), sum(bad), "threads"
    )


def measure(base: str, endpoint: Endpoint, clients: int, seconds: int) -> Load:
    if shutil.which("wrk"):
        return wrk(base, endpoint, clients, seconds)
    return threaded(base, endpoint, clients, seconds)


def _budget(
    name: str, results: list[Result], ok: Callable[[Result], bool], show: Callable[[Result], str]
) -> Budget:
    failing = [r for r in results if not ok(r)]
    if not failing:
        worst = ", ".join(show(r) for r in results)
        return Budget(name, True, f"all {len(results)} pages: {worst}")
    return Budget(name, False, "; ".join(f"{r.endpoint.name} {show(r)}" for r in failing))


@dataclass(frozen=True)
class Reference:
    """The signed-in floor (``bench/floor.py --signed-in``): its address and session cookie."""

    base: str
    cookie: str


def run(
    base: str,
    floor: str,
    reference: Reference,
    person: Person,
    journal: bool,
    workers: int,
    cores: int,
) -> Section:
    section = Section(f"Web under load ({CONCURRENCY} concurrent clients)")
    tool = "wrk" if shutil.which("wrk") else "a threaded http.client load generator (bench/)"
    section.lines += [
        f"`spinewise serve --workers {workers}` (2 x {cores} cores + 1; gthread, {THREADS} "
        "threads each) on 127.0.0.1 against SQLite in a throwaway data folder, default "
        "(non-production) settings. **The floor** is a one-view Django app (`bench/floor.py`: "
        "no middleware, no database, a 50-byte page) served by the same gunicorn options "
        "(`serve_cmd.gunicorn_options`), measured for "
        f"{DURATION} s just before each page so both see the same machine load. Load from "
        f"{tool} on the same machine ({min(2, CONCURRENCY)} threads, {CONCURRENCY} keep-alive "
        f"connections, {DURATION} s per page, then {SOLO_DURATION} s with one connection for "
        "the service time alone, after a 1 s warm-up at 10 connections).",
        "",
        f"| Page | Status | req/s @{CONCURRENCY} | x floor | p50 @{CONCURRENCY} | "
        f"p99 @{CONCURRENCY} | p99 / floor p99 | p99 / p50 | p50 @1 | p99 @1 | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    results: list[Result] = []
    for endpoint in endpoints(person, journal):
        status = check(base, endpoint)
        measure(base, endpoint, 10, 1)  # warm-up: every worker has compiled and connected
        measure(floor, Endpoint("floor", "/"), 10, 1)
        floor_load = measure(floor, Endpoint("floor", "/"), CONCURRENCY, DURATION)
        busy = measure(base, endpoint, CONCURRENCY, DURATION)
        solo = measure(base, endpoint, 1, SOLO_DURATION)
        beside = None
        if endpoint.cookie is not None:
            beside = measure(reference.base, _reference_endpoint(reference), CONCURRENCY, DURATION)
        result = Result(endpoint, status, floor_load, busy, solo, beside)
        results.append(result)
        section.lines.append(
            f"| {endpoint.name} | {status} | {busy.rps:,.0f} | {result.throughput_ratio:.2f} | "
            f"{ms(busy.p50)} | {ms(busy.p99)} | {result.p99_ratio:.1f} | {result.tail:.1f} | "
            f"{ms(solo.p50)} | {ms(solo.p99)} | {busy.bad} |"
        )
    signed_in = _reference_row(floor, reference)
    section.lines.append(signed_in.line)
    floors = [r.floor for r in results]
    floor_rps = median([f.rps for f in floors])
    section.lines += [
        "",
        f"The floor, measured {len(floors)} times in this run: {floor_rps:,.0f} "
        f"req/s (from {min(f.rps for f in floors):,.0f} to {max(f.rps for f in floors):,.0f}), "
        f"p99 {ms(median([f.p99 for f in floors]))} at {CONCURRENCY} clients (medians); each "
        "page's ratios use the floor measured just before it.",
        "",
        "The last row is a reference, not a page: the floor's view behind Django's own "
        "session and authentication middleware, signed in, on SQLite (`bench/floor.py "
        "--signed-in`). Its two reads (the session, then the person) are what every "
        "signed-in page pays before doing anything of its own, so it bounds what a signed-in "
        f"page can reach: {signed_in.ratio:.2f}x the floor in this run.",
    ]
    paired = [(r, r.beside) for r in results if r.beside is not None and r.beside.rps]
    if paired:
        section.lines += [
            "",
            "The machine's load changes from one 8-second window to the next, so each "
            "signed-in page is also measured against the reference run just after it: its "
            "throughput over the reference's, "
            + "; ".join(
                f"{r.endpoint.name} {r.busy.rps / load.rps:.2f} "
                f"(reference {load.rps / r.floor.rps:.2f}x the floor)"
                for r, load in paired
            )
            + ". Above 1, the page costs less than Django's own session and authentication.",
        ]
    section.budgets += [
        _budget(
            f"throughput at {CONCURRENCY} clients >= {MIN_THROUGHPUT_RATIO}x the floor",
            results,
            lambda r: r.throughput_ratio >= MIN_THROUGHPUT_RATIO,
            lambda r: f"{r.throughput_ratio:.2f}x",
        ),
        _budget(
            f"p99 at {CONCURRENCY} clients <= {MAX_P99_RATIO:g}x the floor's p99",
            results,
            lambda r: r.p99_ratio <= MAX_P99_RATIO,
            lambda r: f"{r.p99_ratio:.1f}x",
        ),
        _budget(
            f"one client: p50 < {SOLO_P50 * 1000:g} ms",
            results,
            lambda r: r.solo.p50 < SOLO_P50,
            lambda r: ms(r.solo.p50),
        ),
        _budget(
            f"one client: p99 < {SOLO_P99 * 1000:g} ms",
            results,
            lambda r: r.solo.p99 < SOLO_P99,
            lambda r: ms(r.solo.p99),
        ),
        _budget(
            f"no starvation tail: p99 <= {MAX_TAIL:g}x p50 at {CONCURRENCY} clients",
            results,
            lambda r: r.tail <= MAX_TAIL,
            lambda r: f"{r.tail:.1f}x",
        ),
        _budget(
            "every page answers 200 with no errors under load",
            results,
            lambda r: r.status == 200 and r.busy.bad == 0,
            lambda r: f"{r.status}/{r.busy.bad}",
        ),
    ]
    return section
