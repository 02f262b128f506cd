"""Several processes writing to one SQLite file at once lose nothing and never see
"database is locked": WAL, IMMEDIATE transactions and the busy timeout at work.

Each writer is a separate Python process (like a gunicorn worker and a CLI command side by
side) that saves 100 assessments through the app's own service.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="SQLite only: DATABASE_URL selects PostgreSQL"
)

WRITERS = 4
ROWS = 100
P01 = Path(__file__).parents[1] / "vignettes" / "P01.json"

SETUP = """
from spinewise.cli.django_setup import setup_django
setup_django(migrate=True)
from django.db import connection
with connection.cursor() as cursor:
    mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    sync = cursor.execute("PRAGMA synchronous").fetchone()[0]
print(mode, sync)
"""

WRITER = """
import json, sys, time
from pathlib import Path
from spinewise.cli.django_setup import setup_django
setup_django(migrate=True)  # a no-op by now, as for any CLI command
from django.contrib.auth.models import User
from spinewise.core.intake import parse_intake
from spinewise.web.assessments.services import save_assessment

number, rows, go = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
intake = parse_intake(json.loads(Path(sys.argv[4]).read_text()))
while not go.exists():  # start together, so the writes really overlap
    time.sleep(0.005)
user = User.objects.create_user(username=f"writer{number}@example.com")
ids = [save_assessment(user, intake).pk for _ in range(rows)]
print(json.dumps(ids))
"""

COUNT = """
import json
from spinewise.cli.django_setup import setup_django
setup_django()
from spinewise.web.assessments.models import SavedAssessment
rows = SavedAssessment.objects.values_list("pk", "user__username")
print(json.dumps(sorted([pk, name] for pk, name in rows)))
"""


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPINEWISE_")}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["SPINEWISE_DATA_DIR"] = str(data)
    env["SPINEWISE_WRITES_PER_HOUR"] = str(WRITERS * ROWS)  # this test is the flood
    return env


def _python(script: str, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,  # generous: CI runs this again beside a CPU hog
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_parallel_writers_lose_nothing(tmp_path: Path) -> None:
    env = _env(tmp_path)
    assert _python(SETUP, env).split() == ["wal", "2"]  # WAL, synchronous=FULL
    go = tmp_path / "go"

    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(n), str(ROWS), str(go), str(P01)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    time.sleep(0.2)
    go.touch()
    outputs = [writer.communicate(timeout=300) for writer in writers]

    errors = [err for _, err in outputs if err.strip()]
    assert [writer.returncode for writer in writers] == [0] * WRITERS, errors
    assert not any("database is locked" in err for err in errors)
    acknowledged = {pk for out, _ in outputs for pk in json.loads(out)}
    stored = json.loads(_python(COUNT, env))
    assert len(acknowledged) == WRITERS * ROWS
    assert {pk for pk, _ in stored} == acknowledged
    per_writer = {name: sum(1 for _, n in stored if n == name) for _, name in stored}
    assert per_writer == {f"writer{n}@example.com": ROWS for n in range(WRITERS)}
