"""The framework-free engine: assessments and programmes per second, per-call latency."""

from __future__ import annotations

import gc
import time
from datetime import date

from bench.common import Budget, Section, median, ms, percentile, vignette_data

REPETITIONS = 5
ASSESS_ROUNDS = 300
PROGRAMME_ROUNDS = 30
BUDGET_SECONDS = 0.002


def run() -> Section:
    from spinewise.core.assessment import assess
    from spinewise.core.intake import parse_intake
    from spinewise.core.plan import Preferences, build_programme

    section = Section("Engine (spinewise.core, in process)")
    intakes = [(name, parse_intake(data)) for name, data in vignette_data()]
    assessments = {name: assess(intake) for name, intake in intakes}  # warm: content loaded
    eligible = [(n, i) for n, i in intakes if assessments[n].triage.allows_plan]
    prefs = Preferences()
    start = date(2026, 1, 5)
    for name, intake in eligible:
        build_programme(assessments[name], intake, prefs, start)

    assess_times: dict[str, list[float]] = {name: [] for name, _ in intakes}
    plan_times: dict[str, list[float]] = {name: [] for name, _ in eligible}
    # Several repetitions, each with its own p50/p99 and rate; the report takes their
    # medians, so one burst of noise from another process does not decide a verdict.
    runs: list[dict[str, float]] = []
    for _ in range(REPETITIONS):
        gc.collect()
        a_run: list[float] = []
        began = time.perf_counter()
        for _ in range(ASSESS_ROUNDS // REPETITIONS):
            for name, intake in intakes:
                t0 = time.perf_counter()
                assess(intake)
                took = time.perf_counter() - t0
                assess_times[name].append(took)
                a_run.append(took)
        a_wall = time.perf_counter() - began
        p_run: list[float] = []
        began = time.perf_counter()
        for _ in range(PROGRAMME_ROUNDS // REPETITIONS):
            for name, intake in eligible:
                t0 = time.perf_counter()
                build_programme(assessments[name], intake, prefs, start)
                took = time.perf_counter() - t0
                plan_times[name].append(took)
                p_run.append(took)
        p_wall = time.perf_counter() - began
        runs.append(
            {
                "a_rate": len(a_run) / a_wall,
                "a_p50": median(a_run),
                "a_p99": percentile(a_run, 99),
                "p_rate": len(p_run) / p_wall,
                "p_p50": median(p_run),
                "p_p99": percentile(p_run, 99),
            }
        )

    all_assess = [t for times in assess_times.values() for t in times]
    all_plans = [t for times in plan_times.values() for t in times]
    slowest_assess = max(assess_times, key=lambda n: median(assess_times[n]))
    slowest_plan = max(plan_times, key=lambda n: median(plan_times[n]))
    mid = {key: median([run[key] for run in runs]) for key in runs[0]}
    a_p99, p_p99 = mid["a_p99"], mid["p_p99"]
    section.lines += [
        f"{len(intakes)} vignettes (tests/vignettes/P*.json); {len(eligible)} of them allow a "
        "programme (the others are emergency or urgent, which get no plan).",
        "",
        f"Each figure is the median over {REPETITIONS} repetitions (rate, p50 and p99 computed "
        "per repetition); p99 over all calls together, including the noisiest repetition: "
        f"assess {ms(percentile(all_assess, 99))}, build_programme "
        f"{ms(percentile(all_plans, 99))}.",
        "",
        "| Operation | Calls | Per second | p50 | p99 | Slowest vignette (its p50) |",
        "|---|---|---|---|---|---|",
        f"| `assess` | {len(all_assess)} | {mid['a_rate']:,.0f} | "
        f"{ms(mid['a_p50'])} | {ms(a_p99)} | {slowest_assess} "
        f"({ms(median(assess_times[slowest_assess]))}) |",
        f"| `build_programme` | {len(all_plans)} | {mid['p_rate']:,.0f} | "
        f"{ms(mid['p_p50'])} | {ms(p_p99)} | {slowest_plan} "
        f"({ms(median(plan_times[slowest_plan]))}) |",
        "",
        f"A programme costs {median(all_plans) / median(all_assess):.0f}x an assessment "
        "(median to median).",
    ]
    section.budgets += [
        Budget("engine p99 < 2 ms: assess", a_p99 < BUDGET_SECONDS, f"p99 {ms(a_p99)}"),
        Budget("engine p99 < 2 ms: build_programme", p_p99 < BUDGET_SECONDS, f"p99 {ms(p_p99)}"),
    ]
    if p_p99 >= BUDGET_SECONDS:
        section.lines += ["", *profile_programme(eligible, assessments, prefs, start)]
    return section


def profile_programme(eligible, assessments, prefs, start) -> list[str]:  # type: ignore[no-untyped-def]
    """Where build_programme's time goes, so a FAIL says what stands in the way."""
    import cProfile
    import pstats
    from io import StringIO

    from spinewise.core.plan import build_programme

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        for name, intake in eligible:
            build_programme(assessments[name], intake, prefs, start)
    profiler.disable()
    out = StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"spinewise|pydantic", 12)
    rows = [
        line.rstrip()
        for line in out.getvalue().splitlines()
        if line.strip() and ("spinewise" in line or "pydantic" in line or "ncalls" in line)
    ]
    return [
        "Where `build_programme` spends its time (cProfile, cumulative, top entries):",
        "",
        "```",
        *rows[:14],
        "```",
    ]
