"""PostgreSQL with many people: a throwaway database seeded in bulk, then one person's
dashboard timed and its check-in query explained.

``run()`` (in the bench process) creates the database with psql, runs this module in a
subprocess with DATABASE_URL pointing at it, and drops it afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from typing import Any

from bench.common import ROOT, Budget, Section, median, ms, percentile

PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}
USERS = int(os.environ.get("BENCH_PG_USERS", "10000"))
DAYS = 365
RUNS = 30


def _psql(sql: str) -> str:
    return subprocess.run(
        ["psql", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-Atqc", sql, "postgres"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout


def run() -> Section:
    section = Section("PostgreSQL with many users")
    if not shutil.which("psql"):
        section.lines.append("Not measured: psql is not installed.")
        return section
    try:
        _psql("select 1")
    except (subprocess.CalledProcessError, OSError) as exc:
        section.lines.append(f"Not measured: PostgreSQL is not reachable on 127.0.0.1 ({exc}).")
        return section
    # BENCH_PG_PREFIX lets a shared server keep each checkout's throwaway databases apart.
    name = f"{os.environ.get('BENCH_PG_PREFIX', 'spinewise_bench')}_{os.getpid()}"
    _psql(f"create database {name}")
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SPINEWISE_")}
        env["DATABASE_URL"] = f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
        env["SPINEWISE_DATA_DIR"] = os.environ.get("SPINEWISE_DATA_DIR", "")
        env["PYTHONPATH"] = str(ROOT)
        done = subprocess.run(
            [sys.executable, "-m", "bench.postgres", str(USERS), str(DAYS)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-3000:])
        result = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        _psql(f"drop database if exists {name} with (force)")
    return report(section, result)


def report(section: Section, r: dict[str, Any]) -> Section:
    section.lines += [
        f"Scale: **{r['users']:,} users with {r['days']} daily check-ins each "
        f"({r['checkins']:,} check-in rows)**. The target is 100,000 users; seeding that "
        "many on this 2-core machine would take most of the bench's time budget (see the "
        f"extrapolation below), so the default is {USERS:,} users "
        "(BENCH_PG_USERS=100000 runs the full target). Seeded "
        "server-side with `INSERT ... SELECT generate_series` (bulk), then `VACUUM ANALYZE`.",
        "",
        f"- Seeding: users {r['seed_users_s']:.1f} s, check-ins {r['seed_checkins_s']:.1f} s, "
        f"VACUUM ANALYZE {r['analyze_s']:.1f} s; check-in table with indexes "
        f"{r['table_mb']:.0f} MB.",
        f"- One person's check-ins (`services.entries_for`, {r['person_checkins']} rows): "
        f"p50 {ms(r['entries_p50'])}, p99 {ms(r['entries_p99'])} over {RUNS} runs; the "
        "database's own share is the plan's Execution Time below, the rest is Python "
        "(model instances and their conversion to core entries).",
        f"- One person's full dashboard (`GET /journal/` through the test client): "
        f"p50 {ms(r['page_p50'])}, p99 {ms(r['page_p99'])} over {RUNS} runs.",
        f"- Extrapolated from the measured seeding rate, the 100,000-user target would take "
        f"about {r['seed_checkins_s'] * 100_000 / r['users'] / 60:.0f} min to seed and "
        f"{r['table_mb'] * 100_000 / r['users'] / 1024:.1f} GB for the check-in table alone.",
        "",
        "`EXPLAIN ANALYZE` of the check-in query the dashboard runs:",
        "",
        "```",
        r["sql"],
        "",
        *r["plan"].splitlines(),
        "```",
    ]
    section.budgets.append(
        Budget(
            "the dashboard's check-in query uses an index at this scale",
            r["uses_index"],
            "Index Scan in the plan" if r["uses_index"] else "no index scan",
        )
    )
    return section


# --- the subprocess ---------------------------------------------------------------------------


def _seed_and_measure(users: int, days: int) -> dict[str, Any]:
    from spinewise.cli.django_setup import setup_django

    setup_django(migrate=True)
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    from bench.seed import make_person
    from spinewise.web.journal import services
    from spinewise.web.journal.models import CheckIn

    today = date.today()
    user_table = User._meta.db_table
    checkin_table = CheckIn._meta.db_table
    col = {f.name: f.column for f in CheckIn._meta.concrete_fields}
    with connection.cursor() as cursor:
        t0 = time.perf_counter()
        cursor.execute(
            f"""INSERT INTO {user_table} (password, is_superuser, username, first_name,
                last_name, email, is_staff, is_active, date_joined)
            SELECT '!', false, 'demo' || g || '@example.com', '', '', 'demo' || g ||
                '@example.com', false, true, now()
            FROM generate_series(1, %s) AS g""",
            [users - 1],
        )
        seed_users = time.perf_counter() - t0
        t0 = time.perf_counter()
        cursor.execute(
            f"""INSERT INTO {checkin_table} ({col["user"]}, {col["day"]}, {col["pain"]},
                {col["worst"]}, {col["sessions_done"]}, {col["sitting_hours"]},
                {col["flare_up"]}, {col["note"]}, {col["new_red_flags"]}, {col["created"]},
                {col["updated"]})
            SELECT u.id, %s::date - d, (u.id + d) %% 11, NULL, d %% 3, NULL, false, '',
                '[]'::jsonb, now(), now()
            FROM {user_table} AS u CROSS JOIN generate_series(0, %s) AS d""",
            [today, days - 1],
        )
        seed_checkins = time.perf_counter() - t0
    # The measured person: made through the services, like any other account.
    person = make_person("measured@example.com", days, today)
    with connection.cursor() as cursor:
        t0 = time.perf_counter()
        cursor.execute("VACUUM ANALYZE")
        analyze = time.perf_counter() - t0
        cursor.execute(f"SELECT count(*) FROM {checkin_table}")
        checkins = cursor.fetchone()[0]
        cursor.execute(f"SELECT count(*) FROM {user_table}")
        total_users = cursor.fetchone()[0]
        cursor.execute(f"SELECT pg_total_relation_size('{checkin_table}')")
        table_bytes = cursor.fetchone()[0]

    user = User.objects.get(pk=person.user_id)
    entries = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        services.entries_for(user)
        entries.append(time.perf_counter() - t0)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = person.session_cookie
    for _ in range(3):
        assert client.get("/journal/").status_code == 200
    pages = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        client.get("/journal/")
        pages.append(time.perf_counter() - t0)
    query = CheckIn.objects.filter(user=user).order_by("day")
    plan = query.explain(analyze=True, buffers=True)
    return {
        "users": total_users,
        "days": days,
        "checkins": checkins,
        "person_checkins": len(services.entries_for(user)),
        "seed_users_s": seed_users,
        "seed_checkins_s": seed_checkins,
        "analyze_s": analyze,
        "table_mb": table_bytes / 1024 / 1024,
        "entries_p50": median(entries),
        "entries_p99": percentile(entries, 99),
        "page_p50": median(pages),
        "page_p99": percentile(pages, 99),
        "sql": str(query.query),
        "plan": plan,
        "uses_index": "Index Scan" in plan or "Index Only Scan" in plan,
    }


if __name__ == "__main__":
    print(json.dumps(_seed_and_measure(int(sys.argv[1]), int(sys.argv[2])), default=str))
