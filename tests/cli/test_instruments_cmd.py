"""``spinewise instruments``: what is loaded, with licences, and scoring a pack's instrument."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spinewise.cli.main import app
from spinewise.core.instruments import PACKS_SETTING

runner = CliRunner()
PACK = Path(__file__).parents[1] / "fixtures" / "instrument_pack"


def test_the_list_shows_the_recovery_screen_and_its_honesty_note() -> None:
    result = runner.invoke(app, ["instruments"], env={PACKS_SETTING: ""})
    assert result.exit_code == 0, result.output
    assert "recovery_screen" in result.stdout and "MIT" in result.stdout
    assert "Not validated in this wording." in result.stdout


def test_a_pack_named_by_the_setting_is_listed_and_scored() -> None:
    env = {PACKS_SETTING: str(PACK)}
    assert "synthetic_index" in runner.invoke(app, ["instruments"], env=env).stdout
    args = ["instruments", "--score", "synthetic_index", "-a", "alpha=a2", "-a", "beta=b2"]
    result = runner.invoke(app, [*args, "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["scores"] == {"index": 100.0}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--score", "nothing"], "no instrument 'nothing'"),
        (["--score", "recovery_screen", "-a", "leg_pain=yes"], "worry: required"),
        (["--score", "recovery_screen", "-a", "leg_pain"], "ITEM=VALUE"),
    ],
)
def test_bad_requests_exit_2_with_the_reason(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["instruments", *args], env={PACKS_SETTING: ""})
    assert result.exit_code == 2 and message in result.stderr


def test_a_missing_pack_folder_stops_with_its_name(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = runner.invoke(app, ["instruments"], env={PACKS_SETTING: str(missing)})
    assert result.exit_code == 2 and "nowhere" in result.stderr
