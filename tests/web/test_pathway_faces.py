"""The same person gets the same pathway, with the same reasons, in the web, CLI and API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client
from test_web_assessment import answer_steps
from typer.testing import CliRunner

from spinewise.cli.main import app
from spinewise.core.assessment import assess
from spinewise.core.intake import load_intake

pytestmark = pytest.mark.django_db
VIGNETTES = Path(__file__).parents[1] / "vignettes"
EXPECTED = {"S01": "low", "S02": "medium", "S03": "high", "S04": "medium"}
runner = CliRunner()


@pytest.mark.parametrize(("case", "pathway"), EXPECTED.items())
def test_cli_json_and_api_give_the_same_pathway(client: Client, case: str, pathway: str) -> None:
    path = VIGNETTES / f"{case}.json"
    cli = runner.invoke(app, ["assess", "--answers", str(path), "--json"])
    assert cli.exit_code == 0, cli.stdout
    from_cli = json.loads(cli.stdout)["pathway"]
    api = client.post(
        "/api/v1/assessments", data=path.read_bytes(), content_type="application/json"
    )
    assert api.status_code == 200
    assert from_cli["id"] == pathway
    assert api.json()["pathway"] == from_cli


@pytest.mark.parametrize("case", ["S01", "S02", "S03"])
def test_the_web_result_shows_the_pathway_and_its_reasons(client: Client, case: str) -> None:
    answer_steps(client, case)
    body = client.get("/assessment/result/").content.decode()
    pathway = assess(load_intake(VIGNETTES / f"{case}.json")).pathway
    assert pathway is not None
    assert f"Your plan's pathway: {pathway.name}" in body
    for reason in pathway.reasons:
        assert reason.replace("'", "&#x27;") in body


def test_the_cli_text_result_shows_the_pathway_and_the_physio_advice() -> None:
    result = runner.invoke(app, ["assess", "--answers", str(VIGNETTES / "S03.json")])
    assert result.exit_code == 0
    assert "Your plan's pathway: Exercise programme with extra support" in result.stdout
    assert "physiotherapist" in result.stdout
