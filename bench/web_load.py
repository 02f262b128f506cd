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
# The machine is shared and its load changes from one second to the next, so a page and the
# floor are measured in turns: ROUNDS rounds of ROUND_SECONDS each (floor, page, and for a
# signed-in page the signed-in reference), and every ratio is the median of the rounds' ratios.
ROUNDS = 3
ROUND_SECONDS = 3
SOLO_DURATION = 3  # seconds per endpoint with one client: the service time alone
# Budgets, as ratios to the floor (a one-view Django app served the same way, measured
# in turn with each page) and as plain service times.
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


def _ratio(a: float, b: float) -> float:
    return a / b if b and a == a else float("nan")


@dataclass
class Result:
    """A page measured in rounds; each round is (the floor's load, the page's load)."""

    endpoint: Endpoint
    status: int
    floors: list[Load]
    busies: list[Load]
    solo: Load
    # For a signed-in page: the signed-in reference, measured in each round after the page.
    besides: list[Load] | None = None

    @property
    def rps(self) -> float:
        return median([b.rps for b in self.busies])

    @property
    def p50(self) -> float:
        return median([b.p50 for b in self.busies])

    @property
    def p99(self) -> float:
        return median([b.p99 for b in self.busies])

    @property
    def bad(self) -> int:
        return sum(b.bad for b in self.busies)

    @property
    def throughput_ratio(self) -> float:
        return _per_round(self.busies, self.floors, _rps)

    @property
    def p99_ratio(self) -> float:
        return _per_round(self.busies, self.floors, _p99)

    @property
    def tail(self) -> float:
        return median([_ratio(b.p99, b.p50) for b in self.busies])

    @property
    def over_reference(self) -> float:
        """The page's throughput over the signed-in reference's (median of the rounds)."""
        return _per_round(self.busies, self.besides, _rps)

    @property
    def reference_ratio(self) -> float:
        """The signed-in reference's throughput over the floor's (median of the rounds)."""
        return _per_round(self.besides, self.floors, _rps)


def _rps(load: Load) -> float:
    return load.rps


def _p99(load: Load) -> float:
    return load.p99


def _per_round(
    tops: list[Load] | None, bottoms: list[Load] | None, value: Callable[[Load], float]
) -> float:
    """The median over the rounds of value(top) / value(bottom); NaN when a side is missing."""
    if not tops or not bottoms:
        return float("nan")
    pairs = zip(tops, bottoms, strict=True)
    return median([_ratio(value(top), value(bottom)) for top, bottom in pairs])


@dataclass(frozen=True)
class Reference:
    """The signed-in floor (``bench/floor.py --signed-in``): its address and session cookie."""

    base: str
    cookie: str

    @property
    def endpoint(self) -> Endpoint:
        return Endpoint("reference", "/me", cookie=self.cookie)


FLOOR = Endpoint("floor", "/")


def measure_page(
    base: str, endpoint: Endpoint, floor: str, reference: Reference | None = None
) -> Result:
    """A page in ROUNDS rounds, each the floor, then the page (then the reference, if any),
    under CONCURRENCY clients; then the page with one client."""
    status = check(base, endpoint)
    measure(base, endpoint, 10, 1)  # warm-up: every worker has compiled and connected
    measure(floor, FLOOR, 10, 1)
    if reference is not None:
        measure(reference.base, reference.endpoint, 10, 1)
    floors: list[Load] = []
    busies: list[Load] = []
    besides: list[Load] = []
    for _ in range(ROUNDS):
        floors.append(measure(floor, FLOOR, CONCURRENCY, ROUND_SECONDS))
        busies.append(measure(base, endpoint, CONCURRENCY, ROUND_SECONDS))
        if reference is not None:
            besides.append(measure(reference.base, reference.endpoint, CONCURRENCY, ROUND_SECONDS))
    solo = measure(base, endpoint, 1, SOLO_DURATION)
    return Result(endpoint, status, floors, busies, solo, besides or None)


def _row(name: str, result: Result) -> str:
    return (
        f"| {name} | {result.status} | {result.rps:,.0f} | {result.throughput_ratio:.2f} | "
        f"{ms(result.p50)} | {ms(result.p99)} | {result.p99_ratio:.1f} | {result.tail:.1f} | "
        f"{ms(result.solo.p50)} | {ms(result.solo.p99)} | {result.bad} |"
    )


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
        f"(`serve_cmd.gunicorn_options`). Load from {tool} on the same machine "
        f"({min(2, CONCURRENCY)} threads, {CONCURRENCY} keep-alive connections). The machine's "
        f"load changes from second to second, so each page is measured in {ROUNDS} rounds of "
        f"{ROUND_SECONDS} s: the floor, then the page (then, for a signed-in page, the signed-in "
        "reference below), so that each round's three see the same load. Each ratio is the "
        "median of the rounds' ratios; req/s, p50 and p99 are medians of the rounds; errors "
        f"are summed. Then {SOLO_DURATION} s with one connection gives the service time alone. "
        "Every server is warmed up first (1 s at 10 connections).",
        "",
        f"| Page | Status | req/s @{CONCURRENCY} | x floor | p50 @{CONCURRENCY} | "
        f"p99 @{CONCURRENCY} | p99 / floor p99 | p99 / p50 | p50 @1 | p99 @1 | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    results: list[Result] = []
    for endpoint in endpoints(person, journal):
        beside = reference if endpoint.cookie is not None else None
        result = measure_page(base, endpoint, floor, beside)
        results.append(result)
        section.lines.append(_row(endpoint.name, result))
    if check(reference.base, reference.endpoint) != 200:
        raise RuntimeError("the signed-in floor did not answer 200 to its own session")
    signed_in = measure_page(reference.base, reference.endpoint, floor)
    section.lines.append(
        _row("_reference: the floor signed in (session + auth, SQLite)_", signed_in)
    )
    floors = [f for r in results for f in r.floors]
    floor_rps = median([f.rps for f in floors])
    section.lines += [
        "",
        f"The floor, measured {len(floors)} times in this run: {floor_rps:,.0f} "
        f"req/s (from {min(f.rps for f in floors):,.0f} to {max(f.rps for f in floors):,.0f}), "
        f"p99 {ms(median([f.p99 for f in floors]))} at {CONCURRENCY} clients (medians).",
        "",
        "The last row is a reference, not a page: the floor's view behind Django's own "
        "session and authentication middleware, signed in, on SQLite (`bench/floor.py "
        "--signed-in`). Its two reads (the session, then the person) are what every "
        "signed-in page pays before doing anything of its own, so it bounds what a signed-in "
        f"page can reach: {signed_in.throughput_ratio:.2f}x the floor in this run.",
    ]
    paired = [r for r in results if r.besides]
    if paired:
        section.lines += [
            "",
            "Each signed-in page over the reference measured in the same rounds (throughput, "
            "median of the rounds; above 1, the page costs less than Django's own session and "
            "authentication): "
            + "; ".join(
                f"{r.endpoint.name} {r.over_reference:.2f} "
                f"(reference {r.reference_ratio:.2f}x the floor)"
                for r in paired
            )
            + ".",
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
            lambda r: r.status == 200 and r.bad == 0,
            lambda r: f"{r.status}/{r.bad}",
        ),
    ]
    return section
