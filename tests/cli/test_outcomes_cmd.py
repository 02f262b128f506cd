"""``spinewise outcomes`` and the staff page give the same aggregates from demo cohorts."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from typer.testing import CliRunner

from spinewise.cli.main import app
from spinewise.core.outcomes import report_table, service_outcomes
from spinewise.demo.people import create_demo_users
from spinewise.web.programmes.outcomes import courses_started

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner(env={"SPINEWISE_USER": None})
PAGE = "/programme/outcomes/"


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPINEWISE_DATA_DIR", str(tmp_path / "data"))


def _range() -> tuple[str, str]:
    today = date.today()
    return (today - timedelta(days=200)).isoformat(), today.isoformat()


def _staff_client(client: Client) -> Client:
    staff = User.objects.create_user("staff", "staff@example.com", "a long pass 123")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    return client


def test_demo_cohorts_fill_every_pathway_and_cli_and_page_agree(client: Client) -> None:
    create_demo_users(120, 42, seed=4, cohorts=True, today=date.today())
    start, end = _range()
    cli = runner.invoke(app, ["outcomes", "--from", start, "--to", end, "--json"])
    assert cli.exit_code == 0, cli.output
    rows = {row["pathway"]: row for row in json.loads(cli.stdout)["rows"]}
    assert all(not rows[p]["suppressed"] for p in ("low", "medium", "high"))
    assert sum(rows[p]["started"] for p in rows) == 120
    assert rows["high"]["retention"]["6"] is not None

    body = _staff_client(client).get(PAGE, {"from": start, "to": end}).content.decode()
    report = service_outcomes(
        courses_started(date.fromisoformat(start), date.fromisoformat(end)),
        date.fromisoformat(start),
        date.fromisoformat(end),
        date.today(),
    )
    headings, table = report_table(report)
    for cell in [*headings, *(cell for row in table for cell in row)]:
        assert cell in body
    text = runner.invoke(app, ["outcomes", "--from", start, "--to", end])
    assert text.exit_code == 0
    assert table[0][1] in text.stdout and "docs/outcomes.md" in text.stdout


def test_small_groups_are_suppressed_on_the_page_and_in_the_cli(client: Client) -> None:
    create_demo_users(6, 42, seed=4, cohorts=True, today=date.today())
    start, end = _range()
    body = _staff_client(client).get(PAGE, {"from": start, "to": end}).content.decode()
    assert body.count("fewer than 10") >= 3
    cli = runner.invoke(app, ["outcomes", "--from", start, "--to", end, "--json"])
    assert all(row["started"] is None for row in json.loads(cli.stdout)["rows"])


def test_the_page_is_for_staff_only(client: Client) -> None:
    assert client.get(PAGE).status_code == 302  # anonymous: sign in first
    person = User.objects.create_user("p", "p@example.com", "a long pass 123")
    client.force_login(person)
    assert client.get(PAGE).status_code == 403


def test_a_bad_range_exits_2() -> None:
    result = runner.invoke(app, ["outcomes", "--from", "2026-02-01", "--to", "2026-01-01"])
    assert result.exit_code == 2
    assert runner.invoke(app, ["outcomes", "--from", "yesterday"]).exit_code == 2
