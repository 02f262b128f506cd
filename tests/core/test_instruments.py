"""Instruments are data: validated on load, scored by one engine, extended by packs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from spinewise.core.content_loader import ContentError, content_dir
from spinewise.core.instruments import (
    PACKS_SETTING,
    AnswersError,
    load_instruments,
    pack_folders,
    packaged_instrument,
    score_instrument,
)

PACK = Path(__file__).parents[1] / "fixtures" / "instrument_pack"
SCREEN = packaged_instrument("recovery_screen")
NO_FACTORS = {item.id: item.options[0].value for item in SCREEN.items}


def _with(**answers: str) -> dict[str, str]:
    return {**NO_FACTORS, **answers}


def test_the_recovery_screen_covers_the_prognostic_factors_the_literature_names() -> None:
    assert [item.id for item in SCREEN.items] == [
        "leg_pain", "pain_elsewhere", "daily_tasks", "fear_of_harm", "worry",
        "catastrophising", "low_mood", "bothersome",
    ]  # fmt: skip


def test_the_recovery_screen_says_it_is_not_the_start_back_tool() -> None:
    assert SCREEN.validated is False
    assert SCREEN.note is not None and "not the validated Keele STarT Back" in SCREEN.note
    assert "MIT" in SCREEN.licence


def test_no_answers_that_slow_recovery_score_zero_and_low() -> None:
    result = score_instrument(SCREEN, NO_FACTORS)
    assert result.scores == {"total": 0, "worry_mood": 0}
    assert result.band == "low"
    assert "Total score: 0 of 8" in result.reasons


def test_three_physical_factors_are_still_low() -> None:
    answers = _with(leg_pain="yes", pain_elsewhere="yes", daily_tasks="a_great_deal")
    assert score_instrument(SCREEN, answers).band == "low"


def test_four_factors_with_little_worry_are_medium_and_say_why() -> None:
    answers = _with(
        leg_pain="yes", pain_elsewhere="yes", daily_tasks="quite_a_lot", bothersome="a_lot"
    )
    result = score_instrument(SCREEN, answers)
    assert (result.scores["total"], result.scores["worry_mood"], result.band) == (4, 1, "medium")
    assert "Pain has travelled from your back into a leg." in result.reasons
    assert any(
        reason.startswith("Some things may slow recovery: not ") for reason in result.reasons
    )


def test_four_worry_and_mood_answers_are_high() -> None:
    answers = _with(fear_of_harm="yes", worry="often", catastrophising="mostly", low_mood="often")
    result = score_instrument(SCREEN, answers)
    assert (result.scores["worry_mood"], result.band) == (4, "high")
    assert "You think moving more could damage your back." in result.reasons


def test_middle_answers_do_not_count_as_a_risk_factor() -> None:
    answers = _with(worry="sometimes", fear_of_harm="not_sure", bothersome="moderately")
    assert score_instrument(SCREEN, answers).scores["total"] == 0


def test_incomplete_or_unknown_answers_name_each_item() -> None:
    answers = {**NO_FACTORS, "worry": "always", "shoe_size": "9"}
    del answers["leg_pain"]
    with pytest.raises(AnswersError) as error:
        score_instrument(SCREEN, answers)
    assert {item for item, _ in error.value.problems} == {"leg_pain", "worry", "shoe_size"}


def test_a_pack_adds_an_instrument_with_its_own_sources() -> None:
    found = load_instruments(packs=[PACK])
    assert {"recovery_screen", "synthetic_index"} <= set(found)
    index = found["synthetic_index"]
    result = score_instrument(index, {"alpha": "a1", "beta": "b2"})
    assert result.scores == {"index": 75.0} and result.band == "severe"
    assert "Beta scored." in result.reasons
    assert score_instrument(index, {"alpha": "a1", "beta": "b0"}).band == "mild"


def test_the_setting_names_pack_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(PACKS_SETTING, f"{PACK}{':'}{tmp_path}")
    assert pack_folders() == [PACK, tmp_path]
    monkeypatch.setenv(PACKS_SETTING, "")
    assert pack_folders() == []


def test_a_missing_pack_folder_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="instrument folder not found"):
        load_instruments(packs=[tmp_path / "nowhere"])


def _broken_pack(tmp_path: Path, change: dict[str, object]) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(PACK, folder)
    path = folder / "synthetic_index.yaml"
    data = yaml.safe_load(path.read_text())
    data.update(change)
    path.write_text(yaml.safe_dump(data))
    return folder


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sources": ["nowhere_2020"]}, "unknown source id 'nowhere_2020'"),
        ({"id": "recovery_screen"}, "defined twice"),
        ({"bands": [{"id": "x", "label": "X", "explanation": "Only a fallback band."}] * 2},
         "band id is used twice"),
        ({"scores": [{"id": "s", "label": "S", "items": ["gamma"]}]}, "unknown items: gamma"),
        ({"licence": ""}, "licence"),
    ],
)  # fmt: skip
def test_a_broken_pack_fails_naming_file_and_field(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    with pytest.raises(ContentError) as error:
        load_instruments(packs=[_broken_pack(tmp_path, change)])
    assert "synthetic_index.yaml" in str(error.value)
    assert message in str(error.value)


def test_the_last_band_must_catch_everything_else(tmp_path: Path) -> None:
    bands = [{"id": "only", "label": "Only", "when": [{"score": "index", "min": 1}],
              "explanation": "Has a condition."}]  # fmt: skip
    with pytest.raises(ContentError, match="last band must have no conditions"):
        load_instruments(packs=[_broken_pack(tmp_path, {"bands": bands})])


def test_every_packaged_instrument_cites_known_sources() -> None:
    for instrument in load_instruments(packs=[], folder=content_dir() / "instruments").values():
        assert instrument.sources and instrument.licence
