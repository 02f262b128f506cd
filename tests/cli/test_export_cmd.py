"""``spinewise export``: files for a clinician and for keeping, from the shared database."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from typer.testing import CliRunner

from spinewise.cli.main import app
from spinewise.core.intake import parse_intake
from spinewise.core.journal import DailyEntry
from spinewise.web.assessments.services import save_assessment
from spinewise.web.journal import services

pytestmark = pytest.mark.django_db(transaction=True)
VIGNETTES = Path(__file__).parents[1] / "vignettes"
runner = CliRunner(env={"SPINEWISE_USER": None})


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPINEWISE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)


def _person(days: int, assessed: bool = True) -> User:
    user = User.objects.create_user("pat@example.com", "pat@example.com", "a long phrase 123")
    if assessed:
        intake = parse_intake(json.loads((VIGNETTES / "P01.json").read_text()))
        save_assessment(user, intake)
    today = services.today_for(user)
    for offset in range(days):
        day = today - timedelta(days=offset)
        services.record_checkin(user, DailyEntry(day=day, pain=3 + offset % 3, note="=SUM(A1)"))
    return user


def test_the_pdf_goes_to_a_file_named_by_the_export(tmp_path: Path) -> None:
    _person(days=5)
    result = runner.invoke(app, ["export", "--format", "pdf"])
    assert result.exit_code == 0, result.output
    (written,) = tmp_path.glob("spinewise-report-*.pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert written.name in " ".join(result.stdout.split())


def test_csv_has_a_row_a_check_in_and_can_go_to_a_chosen_file(tmp_path: Path) -> None:
    _person(days=9)
    target = tmp_path / "mine.csv"
    result = runner.invoke(app, ["export", "-f", "csv", "--out", str(target)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(target.read_text())))
    assert rows[0][:2] == ["day", "pain"] and len(rows) == 1 + 9
    assert rows[1][-1] == "'=SUM(A1)"  # spreadsheet formulas stay text


def test_text_formats_print_with_out_dash() -> None:
    _person(days=3)
    result = runner.invoke(app, ["export", "-f", "json", "--out", "-"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["count"] == 3
    fhir = runner.invoke(app, ["export", "-f", "fhir", "-o", "-"])
    assert json.loads(fhir.stdout)["resourceType"] == "Bundle"


def test_all_is_the_zip_of_everything_written_into_a_folder(tmp_path: Path) -> None:
    _person(days=2)
    folder = tmp_path / "out"
    folder.mkdir()
    result = runner.invoke(app, ["export", "--format", "all", "--out", str(folder)])
    assert result.exit_code == 0, result.output
    (archive,) = folder.glob("spinewise-data-*.zip")
    names = set(zipfile.ZipFile(archive).namelist())
    assert {"spinewise-data.json", "checkins.csv", "clinician-report.pdf"} <= names


@pytest.mark.parametrize("fmt", ["pdf", "fhir"])
def test_reports_without_an_assessment_exit_2_with_the_reason(fmt: str, tmp_path: Path) -> None:
    _person(days=2, assessed=False)
    result = runner.invoke(app, ["export", "--format", fmt])
    assert result.exit_code == 2
    assert "take the assessment first" in " ".join(result.stderr.split())
    assert not list(tmp_path.glob("spinewise-*"))


def test_an_unknown_format_or_folder_is_refused(tmp_path: Path) -> None:
    _person(days=1)
    assert runner.invoke(app, ["export", "--format", "docx"]).exit_code == 2
    missing = runner.invoke(app, ["export", "-f", "csv", "-o", str(tmp_path / "no" / "x.csv")])
    assert missing.exit_code == 2 and "does not exist" in " ".join(missing.stderr.split())
