"""What the dashboard costs as a person's history grows: 30 days, a year, ten years."""

from __future__ import annotations

import time
from datetime import date

from bench.common import Budget, Section, median, ms, percentile
from bench.seed import JOURNAL_MISSING, journal_available, make_person

HISTORIES = (30, 365, 3650)
RUNS = 15
RATIO_BUDGET = 1.5


def run(today: date) -> Section:
    section = Section("Dashboard cost vs history length")
    if not journal_available():
        section.lines.append(f"Not measured yet: no dashboard ({JOURNAL_MISSING}).")
        section.budgets.append(Budget("dashboard 3650 days <= 1.5 x 30 days", None, "no dashboard"))
        return section
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from spinewise.web.journal import services

    section.lines += [
        "Server-side time of `GET /journal/` through Django's test client (middleware, "
        "queries, the core's progress summary, charts and template; no network), for "
        "people with the same programme and 30, 365 and 3650 daily check-ins plus a weekly "
        f"PSFS rating. Three warm-up requests, then {RUNS} timed ones. The page caches its "
        "summary under a key that versions the person's data (`services.dashboard_progress`), "
        "so the page column is the cost of a view when nothing changed; the full, uncached "
        "computation that the first view after a check-in pays (`services.progress_for`) is "
        "timed the same way in its own column.",
        "",
        "| History | Page p50 | Page p99 | Response size | progress_for p50 (uncached) | x 30 days "
        "| SQL per request (writes) |",
        "|---|---|---|---|---|---|---|",
    ]
    pages: dict[int, float] = {}
    for days in HISTORIES:
        person = make_person(f"history{days}@example.com", days, today)
        client = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = person.session_cookie
        for _ in range(3):
            response = client.get("/journal/")
            assert response.status_code == 200, response.status_code
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            response = client.get("/journal/")
            times.append(time.perf_counter() - t0)
        with CaptureQueriesContext(connection) as queries:
            client.get("/journal/")
        sql = [q["sql"].lstrip().split()[0].upper() for q in queries.captured_queries]
        writes = sum(1 for verb in sql if verb in {"INSERT", "UPDATE", "DELETE"})
        user = User.objects.get(pk=person.user_id)
        summary_times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            services.progress_for(user, until=today)
            summary_times.append(time.perf_counter() - t0)
        pages[days] = median(times)
        section.lines.append(
            f"| {days} days | {ms(pages[days])} | {ms(percentile(times, 99))} | "
            f"{len(response.content) / 1024:.1f} KB | {ms(median(summary_times))} | "
            f"{pages[days] / pages[HISTORIES[0]]:.2f} | {len(sql)} ({writes}) |"
        )
    ratio = pages[3650] / pages[30]
    section.budgets.append(
        Budget(
            "dashboard with 3650 days <= 1.5 x 30 days (median page time)",
            ratio <= RATIO_BUDGET,
            f"{ratio:.2f}x: {ms(pages[3650])} vs {ms(pages[30])}",
        )
    )
    return section
