"""The knowledge base loads, validates, cites its sources and fails loudly when broken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spinewise.core.content_loader import ContentError, content_dir
from spinewise.core.knowledge import load_knowledge
from spinewise.core.levels import Level

SEED_CAUSES = {
    "muscle_strain", "herniated_disc", "sciatica", "weak_core", "sedentary_lifestyle",
    "poor_posture", "muscle_tension", "forward_head_posture", "repetitive_movements",
    "heavy_bags", "spinal_misalignment",
}  # fmt: skip
REQUIRED_FLAGS = {
    "cauda_equina", "bilateral_leg_symptoms", "progressive_weakness", "major_trauma",
    "fragility_fracture", "cancer_history", "weight_loss", "night_pain", "spinal_infection",
    "infection_risk", "aortic_aneurysm_rupture", "heart_attack", "aortic_dissection",
    "lung_clot_or_collapse", "kidney_infection", "shingles", "jaundice", "kidney_stone",
    "spinal_cord_symptoms", "inflammatory_pattern", "not_improving", "under_16",
    "possible_dvt", "possible_angina", "pregnancy_warning", "anticoagulant_bleed",
}  # fmt: skip


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    for name in ("sources.yaml", "regions.yaml", "causes.yaml", "red_flags.yaml", "mistakes.yaml"):
        shutil.copy(content_dir() / name, tmp_path / name)
    return tmp_path


def test_the_packaged_knowledge_loads() -> None:
    kb = load_knowledge()
    assert set(kb.causes) == SEED_CAUSES
    assert set(kb.mistakes) == {
        "ignoring_posture", "skipping_strength_training", "relying_on_painkillers",
        "sitting_too_long",
    }  # fmt: skip
    assert set(kb.red_flags) >= REQUIRED_FLAGS
    assert [row.feature for row in kb.comparison] == [
        "Location", "Common causes", "Pain type", "Common triggers", "Treatment focus",
    ]  # fmt: skip


def test_every_clinical_item_cites_a_known_source() -> None:
    kb = load_knowledge()
    items = [*kb.causes.values(), *kb.red_flags.values(), *kb.mistakes.values()]
    for item in items:
        assert item.sources and all(source in kb.sources for source in item.sources)


def test_red_flags_cover_both_regions_and_every_level_but_self_care() -> None:
    kb = load_knowledge()
    assert {level for flag in kb.red_flags.values() for level in [flag.level]} == {
        Level.EMERGENCY, Level.URGENT, Level.SOON,
    }  # fmt: skip
    upper = [f for f in kb.red_flags.values() if "upper" in f.regions]
    assert {"heart_attack", "aortic_dissection", "lung_clot_or_collapse", "shingles"} <= {
        f.id for f in upper
    }


def test_emergency_advice_names_the_emergency_number() -> None:
    for flag in load_knowledge().red_flags.values():
        if flag.level is Level.EMERGENCY:
            assert "{emergency_number}" in flag.advice


def test_misalignment_is_framed_honestly() -> None:
    text = load_knowledge().causes["spinal_misalignment"].explanation.lower()
    assert "do not slip out" in text and "stiff" in text


def test_advice_never_suggests_medicines_nice_advises_against() -> None:
    kb = load_knowledge()
    texts = [m.tip for m in kb.mistakes.values()] + [f.advice for f in kb.red_flags.values()]
    for text in texts:
        lowered = text.lower()
        for banned in ("opioid", "codeine", "gabapentin", "pregabalin", "amitriptyline", "tens "):
            assert banned not in lowered
    tip = kb.mistakes["relying_on_painkillers"].tip.lower()
    assert "paracetamol on its own is not recommended" in tip


def test_a_broken_file_fails_with_file_field_and_reason(content_copy: Path) -> None:
    path = content_copy / "red_flags.yaml"
    path.write_text(path.read_text().replace("level: emergency", "level: whenever", 1))
    with pytest.raises(ContentError) as caught:
        load_knowledge(content_copy)
    assert caught.value.file.endswith("red_flags.yaml")
    field, reason = caught.value.problems[0]
    assert field == "0.level" and "emergency" in reason


def test_an_unknown_source_id_is_refused(content_copy: Path) -> None:
    path = content_copy / "causes.yaml"
    path.write_text(
        path.read_text().replace(
            "sources: [seed_guide, nice_ng59, pace_2014]", "sources: [made_up]"
        )
    )
    with pytest.raises(ContentError, match="unknown source id 'made_up'"):
        load_knowledge(content_copy)


def test_a_missing_seed_cause_is_refused(content_copy: Path) -> None:
    path = content_copy / "causes.yaml"
    text = path.read_text()
    path.write_text(text[: text.index("- id: spinal_misalignment")])
    with pytest.raises(ContentError, match="missing causes: spinal_misalignment"):
        load_knowledge(content_copy)


def test_invalid_yaml_is_reported(content_copy: Path) -> None:
    (content_copy / "mistakes.yaml").write_text("- id: [unclosed\n")
    with pytest.raises(ContentError, match="not valid YAML"):
        load_knowledge(content_copy)
