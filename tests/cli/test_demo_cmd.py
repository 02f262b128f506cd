"""``spinewise demo-data`` and the generator behind it (``spinewise.demo``)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from typer.testing import CliRunner

from spinewise.cli.main import app
from spinewise.demo.people import create_demo_users, demo_email
from spinewise.web.journal import services
from spinewise.web.journal.models import CheckIn, PsfsEntry

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner(env={"SPINEWISE_USER": None})
TODAY = date(2025, 6, 30)


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPINEWISE_DATA_DIR", str(tmp_path / "data"))


def _snapshot() -> dict[str, list[tuple[date, int, int, bool]]]:
    return {
        user.username: [
            (c.day, c.pain, c.sessions_done, c.flare_up)
            for c in CheckIn.objects.filter(user=user).order_by("day")
        ]
        for user in User.objects.order_by("username")
    }


def test_demo_data_makes_n_people_with_d_days_each() -> None:
    result = runner.invoke(app, ["demo-data", "--users", "3", "--days", "20", "--seed", "5"])
    assert result.exit_code == 0, result.output
    assert "Created 3 demo people with 20 days" in " ".join(result.stdout.split())
    users = list(User.objects.order_by("username"))
    assert [u.username for u in users] == [demo_email(n) for n in (1, 2, 3)]
    for user in users:
        assert not user.has_usable_password()
        days = [c.day for c in CheckIn.objects.filter(user=user)]
        today = services.today_for(user)
        programme = services.latest_programme(user)
        assert programme is not None and programme.start == today - timedelta(days=20)
        assert 14 <= len(days) <= 20  # a few days missed, like real people
        assert min(days) == programme.start and max(days) < today
        assert services.latest_assessment(user) is not None
        assert PsfsEntry.objects.filter(user=user).exists()
        assert services.progress_for(user).pain.baseline is not None


def test_the_same_seed_makes_the_same_people_and_existing_ones_are_skipped() -> None:
    create_demo_users(4, 30, seed=9, today=TODAY)
    first = _snapshot()
    again = runner.invoke(app, ["demo-data", "--users", "5", "--days", "30", "--seed", "9"])
    assert again.exit_code == 0, again.output
    assert "Skipped 4 that already exist" in " ".join(again.stdout.split())
    assert User.objects.count() == 5
    User.objects.all().delete()
    create_demo_users(4, 30, seed=9, today=TODAY)
    assert _snapshot() == first
    User.objects.all().delete()
    create_demo_users(4, 30, seed=10, today=TODAY)
    assert _snapshot() != first


def test_trajectories_differ_and_progress_is_reported() -> None:
    seen: list[int] = []
    created = create_demo_users(30, 42, seed=3, progress=seen.append, today=TODAY)
    assert len(created) == 30 and seen == list(range(1, 31))
    directions = {services.progress_for(user).pain.direction for user in created}
    assert {"better", "worse"} <= directions
    assert CheckIn.objects.filter(flare_up=True).exists()
    assert CheckIn.objects.filter(sessions_done__gt=0).count() > 30 * 42 * 0.2
