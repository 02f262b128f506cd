"""``python -m bench`` (``make bench``): run every section, write docs/performance.md."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench.common import ROOT, Section, floor_cookie, server_env, serving, serving_floor

OUTPUT = ROOT / "docs" / "performance.md"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def tool_version(command: list[str]) -> str:
    if not shutil.which(command[0]):
        return "not installed"
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0] if text else "unknown"


def guarded(title: str, make: Callable[[], Section]) -> Section:
    started = time.monotonic()
    print(f"== {title}", flush=True)
    try:
        section = make()
    except Exception:  # a failing section is reported, not fatal
        section = Section(title)
        section.lines += [
            "**This section failed to run**; the error:",
            "",
            "```",
            *traceback.format_exc().strip().splitlines()[-25:],
            "```",
        ]
    section.seconds = time.monotonic() - started
    for budget in section.budgets:
        print("   " + budget.line().replace("**", ""), flush=True)
    return section


def wanted(section: str) -> bool:
    """``BENCH_SECTIONS=web,cli`` runs only those (engine, cli, web, dashboard, postgres, test)."""
    chosen = os.environ.get("BENCH_SECTIONS", "")
    return not chosen or section in chosen.split(",")


def main() -> int:
    began = time.monotonic()
    started_at = datetime.now(UTC).replace(microsecond=0)
    load_before = load_average()
    cores = os.cpu_count() or 1
    workers = 2 * cores + 1
    data = Path(tempfile.mkdtemp(prefix="spinewise-bench-"))
    os.environ.pop("DATABASE_URL", None)
    os.environ["SPINEWISE_DATA_DIR"] = str(data)
    os.environ["DJANGO_SETTINGS_MODULE"] = "spinewise.web.settings"
    sections: list[Section] = []
    try:
        from bench import (
            cli_startup,
            dashboard,
            engine,
            page_weight,
            postgres,
            test_time,
            web_load,
        )

        if wanted("engine"):
            sections.append(guarded("Engine", engine.run))
        if wanted("cli"):
            sections.append(guarded("CLI start-up", cli_startup.run))

        from spinewise.cli.django_setup import setup_django

        setup_django(migrate=True)
        from django.db import connections
        from django.utils import timezone as dj_timezone

        from bench.seed import journal_available, make_person

        today = dj_timezone.localdate()
        journal = journal_available()
        person = make_person("bench@example.com", 365, today)
        connections.close_all()

        log = data / "server.log"

        def web() -> list[Section]:
            signed_in_db = data / "floor-signed-in.sqlite3"
            cookie = floor_cookie(signed_in_db)
            with (
                serving(server_env(data), workers, log) as url,
                serving_floor(workers, data / "floor.log") as floor,
                serving_floor(workers, data / "floor-signed-in.log", signed_in_db) as signed_in,
            ):
                reference = web_load.Reference(signed_in, f"sessionid={cookie}")
                load = guarded(
                    "Web under load",
                    lambda: web_load.run(url, floor, reference, person, journal, workers, cores),
                )
                weight = guarded("Page weight", lambda: page_weight.run(url, person, journal))
            return [load, weight]

        try:
            if wanted("web"):
                sections += web()
        except Exception:  # the server did not start
            failed = Section("Web under load and page weight")
            failed.lines += ["**The server failed to start**:", "", "```"]
            failed.lines += [*traceback.format_exc().strip().splitlines()[-15:], "```"]
            sections.append(failed)

        if wanted("dashboard"):
            sections.append(
                guarded("Dashboard cost vs history length", lambda: dashboard.run(today))
            )
        if wanted("postgres"):
            sections.append(guarded("PostgreSQL with many users", postgres.run))
        if wanted("test"):
            sections.append(guarded("make test", test_time.run))
    finally:
        shutil.rmtree(data, ignore_errors=True)

    write(sections, started_at, load_before, time.monotonic() - began, workers)
    print(f"wrote {OUTPUT.relative_to(ROOT)} in {time.monotonic() - began:.0f} s")
    return 0


def write(
    sections: list[Section], started_at: datetime, load_before: str, took: float, workers: int
) -> None:
    budgets = [b for s in sections for b in s.budgets]
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (`python -m bench`); do not edit by hand. Numbers come from "
        "one run on the machine below. They are measurements, not tests: nothing here fails "
        "the build. Web budgets are ratios to a one-view Django app served the same way in "
        "the same run (the framework's floor on this machine), so a busy machine moves both.",
        "",
        "## Machine",
        "",
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores (`os.cpu_count()`)",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.release()}",
        f"- Run: {started_at.isoformat()} UTC, {took:.0f} s in all",
        f"- Load average (1/5/15 min) before: {load_before}; after: {load_average()}. "
        "The machine is shared (other builds and test runs may be running), so tails "
        "are noisier than on a dedicated host.",
        f"- Load generator: {tool_version(['wrk', '--version'])}; "
        f"PostgreSQL client: {tool_version(['psql', '--version'])}",
        f"- Web server: gunicorn via `spinewise serve --workers {workers}`",
        "",
        "## Budgets",
        "",
        *[f"- {b.line()}" for b in budgets],
        "",
    ]
    for section in sections:
        lines += [f"## {section.title}", "", *section.lines, ""]
        if section.budgets:
            lines += [*[f"- {b.line()}" for b in section.budgets], ""]
        lines += [f"_Section time: {section.seconds:.0f} s._", ""]
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text("\n".join(lines).rstrip() + "\n")


if __name__ == "__main__":
    sys.exit(main())
