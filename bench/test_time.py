"""How long ``make test`` takes on this machine (lint, types, unit and browser tests)."""

from __future__ import annotations

import os
import subprocess
import time

from bench.common import ROOT, Budget, Section

BUDGET_SECONDS = 6 * 60


def run() -> Section:
    section = Section("make test")
    if os.environ.get("BENCH_SKIP_TEST") == "1":
        section.lines.append("Skipped (BENCH_SKIP_TEST=1).")
        section.budgets.append(Budget("make test under 6 minutes", None, "skipped"))
        return section
    env = {k: v for k, v in os.environ.items() if k not in ("SPINEWISE_DATA_DIR",)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    began = time.monotonic()
    done = subprocess.run(
        ["make", "test"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    took = time.monotonic() - began
    tail = [line for line in done.stdout.splitlines() if " passed" in line or " failed" in line]
    section.lines += [
        "`make test` run from this bench (after the load tests, so nothing else of ours "
        "competes with it): lint, types, the unit and web tests on 2 processes, then the "
        "browser tests.",
        "",
        f"- Took {took / 60:.1f} min ({took:.0f} s); exit status {done.returncode}.",
        *[f"- `{line.strip()}`" for line in tail],
    ]
    section.budgets.append(
        Budget(
            "make test under 6 minutes (and passing)",
            took < BUDGET_SECONDS and done.returncode == 0,
            f"{took:.0f} s, exit {done.returncode}",
        )
    )
    return section
