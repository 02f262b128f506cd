# ruff: noqa: E501  (the rule tables keep one row per line)
"""Every condition and boundary of every red-flag rule, as tables that read like the rule.

Each row starts from the neutral intake (a woman of 30 with a week of ordinary lower back
ache, every safety answer "no") and changes only what the row names. For a threshold
there is a row on each side of it; for an "and", a row with each part missing; for an
"or", a row with each part alone. The rules live in ``core/red_flags.py``, their wording
and sources in ``content/red_flags.yaml``. A mutation run (``make mutation``) checks that
changing any condition makes some row fail.
"""

from __future__ import annotations

from typing import Any

import pytest

from spinewise.core.intake import History, PregnancySigns, RedFlags
from spinewise.core.knowledge import knowledge
from spinewise.core.red_flags import DETAIL_RULES, RULES

Row = tuple[str, str, dict[str, Any], bool]

NOT_PREGNANT_SIGNS = dict.fromkeys(PregnancySigns.model_fields, False)
BOTH_LEGS = ["lower_back_centre", "leg_above_knee_left", "leg_below_knee_right"]
LEFT_LEG = ["lower_back_centre", "leg_above_knee_left", "leg_below_knee_left"]
BOTH_THIGHS = ["lower_back_centre", "leg_above_knee_left", "leg_above_knee_right"]


def yes(*names: str) -> dict[str, bool]:
    return {f"red_flags.{name}": True for name in names}


def had(*names: str) -> dict[str, bool]:
    return {f"history.{name}": True for name in names}


def pregnant(weeks: int = 30, **signs: bool) -> dict[str, Any]:
    return {"pregnant_weeks": weeks, "pregnancy": {**NOT_PREGNANT_SIGNS, **signs}}


# --- emergency ---------------------------------------------------------------------------
# fmt: off
EMERGENCY: list[Row] = [
    # Cauda equina (BASS; NHS): any one sign alone.
    ("cauda_equina", "saddle numbness alone", yes("saddle_numbness"), True),
    ("cauda_equina", "new bladder trouble alone", yes("bladder_change"), True),
    ("cauda_equina", "new bowel change alone", yes("bowel_change"), True),
    ("cauda_equina", "new sexual change alone", yes("sexual_dysfunction"), True),
    ("cauda_equina", "everyday stress leaks are not a bladder change", had("usual_leaks"), False),
    ("cauda_equina", "leg weakness is not a CES sign", yes("leg_weakness"), False),
    # Both legs: the new-or-worse answer, or both legs on the map within 14 days.
    ("bilateral_leg_symptoms", "new symptoms in both legs", yes("both_legs_symptoms"), True),
    ("bilateral_leg_symptoms", "both legs mapped, 14 days", {"areas": BOTH_LEGS, "duration_days": 14}, True),
    ("bilateral_leg_symptoms", "both legs mapped, today", {"areas": BOTH_LEGS, "duration_days": 0}, True),
    ("bilateral_leg_symptoms", "both legs mapped, 15 days", {"areas": BOTH_LEGS, "duration_days": 15}, False),
    ("bilateral_leg_symptoms", "one leg mapped, 3 days", {"areas": LEFT_LEG, "duration_days": 3}, False),
    ("bilateral_leg_symptoms", "both legs mapped, 400 days, worse", {"areas": BOTH_LEGS, "duration_days": 400, "trend": "worse"}, True),
    ("bilateral_leg_symptoms", "one leg mapped, 400 days, worse", {"areas": LEFT_LEG, "duration_days": 400, "trend": "worse"}, False),
    ("bilateral_leg_symptoms", "both thighs only mapped, 3 days", {"areas": BOTH_THIGHS, "duration_days": 3}, False),
    ("bilateral_leg_symptoms", "both thighs only mapped, worse", {"areas": BOTH_THIGHS, "duration_days": 400, "trend": "worse"}, False),
    ("bilateral_leg_symptoms", "both thighs mapped and the answer ticked", {**yes("both_legs_symptoms"), "areas": BOTH_THIGHS}, True),
    # Serious accident.
    ("major_trauma", "a serious accident", {"injury": "major_trauma"}, True),
    ("major_trauma", "a slip from standing", {"injury": "minor_fall"}, False),
    # Heart attack (NHS; MedlinePlus).
    ("heart_attack", "new chest pain alone", yes("chest_pain"), True),
    ("heart_attack", "breathless and a cold sweat", yes("breathless", "cold_sweat"), True),
    ("heart_attack", "breathless and sick", yes("breathless", "nausea"), True),
    ("heart_attack", "a cold sweat and sick count as one sign", yes("cold_sweat", "nausea"), False),
    ("heart_attack", "cold sweat with upper back pain at 40", {**yes("cold_sweat"), "age": 40, "areas": ["upper_back_centre"]}, True),
    ("heart_attack", "cold sweat with upper back pain at 39", {**yes("cold_sweat"), "age": 39, "areas": ["upper_back_centre"]}, False),
    ("heart_attack", "cold sweat with rib pain, heart risk", {**yes("cold_sweat"), **had("heart_risk"), "areas": ["ribs_right"]}, True),
    ("heart_attack", "cold sweat with lower back pain at 60", {**yes("cold_sweat"), "age": 60}, False),
    ("heart_attack", "sick with upper back pain at 60", {**yes("nausea"), "age": 60, "areas": ["upper_back_right"]}, False),
    ("heart_attack", "new chest pain while breathless", yes("chest_pain", "breathless"), True),
    ("heart_attack", "arm/jaw spread and faint", yes("arm_jaw_pain", "faint_dizzy"), True),
    ("heart_attack", "three heart signs", yes("breathless", "cold_sweat", "faint_dizzy"), True),
    ("heart_attack", "one heart sign is not enough", yes("breathless"), False),
    ("heart_attack", "arm/jaw at 40 with upper back pain", {**yes("arm_jaw_pain"), "age": 40, "areas": ["upper_back_centre"]}, True),
    ("heart_attack", "arm/jaw at 39 with upper back pain", {**yes("arm_jaw_pain"), "age": 39, "areas": ["upper_back_centre"]}, False),
    ("heart_attack", "arm/jaw at 39 with heart risk", {**yes("arm_jaw_pain"), **had("heart_risk"), "age": 39, "areas": ["upper_back_centre"]}, True),
    ("heart_attack", "arm/jaw at 40 with rib pain", {**yes("arm_jaw_pain"), "age": 40, "areas": ["ribs_left"]}, True),
    ("heart_attack", "arm/jaw at 40 with lower back pain only", {**yes("arm_jaw_pain"), "age": 40}, False),
    ("heart_attack", "pain on effort with a cold sweat", yes("exertion_pain", "cold_sweat"), True),
    ("heart_attack", "pain on effort with sickness", yes("exertion_pain", "nausea"), True),
    ("heart_attack", "pain on effort with breathlessness", yes("exertion_pain", "breathless"), True),
    ("heart_attack", "pain on effort with faintness", yes("exertion_pain", "faint_dizzy"), True),
    ("heart_attack", "pain on effort alone", yes("exertion_pain"), False),
    ("heart_attack", "pain on effort spreading to the jaw, under 40", yes("exertion_pain", "arm_jaw_pain"), False),
    # Atypical: unusual tiredness with one heart sign, upper back or chest pain and heart risk.
    ("heart_attack", "tired and sick with upper back pain at 40", {**yes("unusual_tiredness", "nausea"), "age": 40, "areas": ["upper_back_centre"]}, True),
    ("heart_attack", "tired and sick with upper back pain at 39", {**yes("unusual_tiredness", "nausea"), "age": 39, "areas": ["upper_back_centre"]}, False),
    ("heart_attack", "tired and sick at 39 with heart risk", {**yes("unusual_tiredness", "nausea"), **had("heart_risk"), "age": 39, "areas": ["upper_back_centre"]}, True),
    ("heart_attack", "tired and breathless with rib pain at 60", {**yes("unusual_tiredness", "breathless"), "age": 60, "areas": ["ribs_left"]}, True),
    ("heart_attack", "tired and faint with upper back pain at 60", {**yes("unusual_tiredness", "faint_dizzy"), "age": 60, "areas": ["upper_back_left"]}, True),
    ("heart_attack", "tired and sick with lower back pain at 60", {**yes("unusual_tiredness", "nausea"), "age": 60}, False),
    ("heart_attack", "tired with upper back pain at 60, no other sign", {**yes("unusual_tiredness"), "age": 60, "areas": ["upper_back_centre"]}, False),
    ("heart_attack", "everyday breathlessness is not a heart sign", {**had("usual_breathlessness"), **yes("nausea")}, False),
    # Aortic dissection (HSE).
    ("aortic_dissection", "tearing pain with no injury", yes("tearing_pain"), True),
    ("aortic_dissection", "tearing pain while lifting, young, no risk", {**yes("tearing_pain"), "injury": "lifting"}, False),
    ("aortic_dissection", "tearing while lifting, with faintness", {**yes("tearing_pain", "faint_dizzy"), "injury": "lifting"}, True),
    ("aortic_dissection", "tearing while lifting, breathless", {**yes("tearing_pain", "breathless"), "injury": "lifting"}, True),
    ("aortic_dissection", "tearing while lifting, cold sweat", {**yes("tearing_pain", "cold_sweat"), "injury": "lifting"}, True),
    ("aortic_dissection", "tearing while lifting, sick", {**yes("tearing_pain", "nausea"), "injury": "lifting"}, True),
    ("aortic_dissection", "tearing while lifting, known aneurysm", {**yes("tearing_pain"), **had("aortic_aneurysm"), "injury": "lifting"}, True),
    ("aortic_dissection", "tearing while lifting, heart risk only", {**yes("tearing_pain"), **had("heart_risk"), "injury": "lifting"}, False),
    ("aortic_dissection", "sudden severe upper back pain", {**yes("sudden_severe"), "areas": ["upper_back_centre"]}, True),
    ("aortic_dissection", "sudden severe mid-back pain", {**yes("sudden_severe"), "areas": ["mid_back_left"]}, True),
    ("aortic_dissection", "sudden severe chest pain", {**yes("sudden_severe"), "areas": ["chest"]}, True),
    ("aortic_dissection", "sudden severe lower back pain", yes("sudden_severe"), False),
    # Leaking aortic aneurysm (NHS AAA).
    ("aortic_aneurysm_rupture", "sudden severe lower back pain at 60", {**yes("sudden_severe"), "age": 60}, True),
    ("aortic_aneurysm_rupture", "sudden severe lower back pain at 59", {**yes("sudden_severe"), "age": 59}, False),
    ("aortic_aneurysm_rupture", "sudden severe, 59 with heart risk", {**yes("sudden_severe"), **had("heart_risk"), "age": 59}, True),
    ("aortic_aneurysm_rupture", "sudden severe, 59 with known aneurysm", {**yes("sudden_severe"), **had("aortic_aneurysm"), "age": 59, "intensity": 4}, True),
    ("aortic_aneurysm_rupture", "sudden severe tummy pain at 65", {**yes("sudden_severe"), "age": 65, "areas": ["abdomen"]}, True),
    ("aortic_aneurysm_rupture", "sudden severe groin pain at 65", {**yes("sudden_severe"), "age": 65, "areas": ["groin"]}, True),
    ("aortic_aneurysm_rupture", "sudden severe flank pain at 65", {**yes("sudden_severe"), "age": 65, "areas": ["flank_right"]}, True),
    ("aortic_aneurysm_rupture", "sudden severe buttock pain at 65", {**yes("sudden_severe"), "age": 65, "areas": ["buttock_left"]}, True),
    ("aortic_aneurysm_rupture", "sudden severe upper back pain at 65", {**yes("sudden_severe"), "age": 65, "areas": ["upper_back_centre"]}, False),
    ("aortic_aneurysm_rupture", "sudden severe pain and faint, young", {**yes("sudden_severe", "faint_dizzy"), "areas": ["upper_back_centre"]}, True),
    ("aortic_aneurysm_rupture", "faint alone", yes("faint_dizzy"), False),
    ("aortic_aneurysm_rupture", "known aneurysm and faint", {**had("aortic_aneurysm"), **yes("faint_dizzy")}, True),
    ("aortic_aneurysm_rupture", "known aneurysm, pain 7/10", {**had("aortic_aneurysm"), "intensity": 7}, True),
    ("aortic_aneurysm_rupture", "known aneurysm, pain 6/10", {**had("aortic_aneurysm"), "intensity": 6}, False),
    ("aortic_aneurysm_rupture", "known aneurysm, pain 9/10", {**had("aortic_aneurysm"), "intensity": 9}, True),
    ("aortic_aneurysm_rupture", "age 60 and pain 9/10, no pulsing, not sudden", {"age": 60, "intensity": 9}, False),
    ("aortic_aneurysm_rupture", "pulsing tummy at 60, faint", {**yes("pulsating_abdomen", "faint_dizzy"), "age": 60}, True),
    ("aortic_aneurysm_rupture", "pulsing tummy at 60, pain 7/10", {**yes("pulsating_abdomen"), "age": 60, "intensity": 7}, True),
    ("aortic_aneurysm_rupture", "pulsing tummy at 60, pain 6/10", {**yes("pulsating_abdomen"), "age": 60, "intensity": 6}, False),
    ("aortic_aneurysm_rupture", "pulsing tummy at 59, pain 9/10, no risk", {**yes("pulsating_abdomen"), "age": 59, "intensity": 9}, False),
    ("aortic_aneurysm_rupture", "pulsing tummy with heart risk, 7/10", {**yes("pulsating_abdomen"), **had("heart_risk"), "intensity": 7}, True),
    # Clot in the lung or collapsed lung (NHS PE, pneumothorax).
    ("lung_clot_or_collapse", "coughing blood", yes("coughing_blood"), True),
    ("lung_clot_or_collapse", "coughing blood while breathless", yes("coughing_blood", "breathless"), True),
    ("lung_clot_or_collapse", "breathless with pain on breathing", yes("breathless", "pain_on_breathing"), True),
    ("lung_clot_or_collapse", "breathless with a swollen calf", yes("breathless", "calf_swelling"), True),
    ("lung_clot_or_collapse", "breathless with chest pain", yes("breathless", "chest_pain"), True),
    ("lung_clot_or_collapse", "breathless after a long journey", {**yes("breathless"), **had("recent_immobility")}, True),
    ("lung_clot_or_collapse", "breathless alone", yes("breathless"), False),
    ("lung_clot_or_collapse", "breathless with upper back pain only", {**yes("breathless"), "areas": ["upper_back_centre"]}, False),
    ("lung_clot_or_collapse", "pain on breathing with a swollen calf", yes("pain_on_breathing", "calf_swelling"), True),
    ("lung_clot_or_collapse", "pain on breathing after a long journey", {**yes("pain_on_breathing"), **had("recent_immobility")}, True),
    ("lung_clot_or_collapse", "pain on breathing in pregnancy", {**yes("pain_on_breathing"), **pregnant()}, True),
    ("lung_clot_or_collapse", "pain on breathing alone", yes("pain_on_breathing"), False),
    ("lung_clot_or_collapse", "a swollen calf alone", yes("calf_swelling"), False),
    ("lung_clot_or_collapse", "a long journey alone", had("recent_immobility"), False),
    # Severe tummy pain through to the back.
    ("severe_abdominal_pain", "tummy pain 7/10 with a cold sweat", {**yes("cold_sweat"), "areas": ["abdomen"], "intensity": 7}, True),
    ("severe_abdominal_pain", "tummy pain 7/10, being sick", {**yes("nausea"), "areas": ["abdomen"], "intensity": 7}, True),
    ("severe_abdominal_pain", "tummy pain 7/10 and faint", {**yes("faint_dizzy"), "areas": ["abdomen"], "intensity": 7}, True),
    ("severe_abdominal_pain", "tummy pain 6/10 with a cold sweat", {**yes("cold_sweat"), "areas": ["abdomen"], "intensity": 6}, False),
    ("severe_abdominal_pain", "tummy pain 9/10 with a cold sweat", {**yes("cold_sweat"), "areas": ["abdomen"], "intensity": 9}, True),
    ("severe_abdominal_pain", "tummy pain 9/10 alone", {"areas": ["abdomen"], "intensity": 9}, False),
    ("severe_abdominal_pain", "back pain 9/10 with a cold sweat, no tummy", {**yes("cold_sweat"), "intensity": 9}, False),
    # Cancer with nerve symptoms (NICE NG234: an oncological emergency).
    ("cancer_with_nerve_symptoms", "cancer and a weak leg", {**had("cancer"), **yes("leg_weakness")}, True),
    ("cancer_with_nerve_symptoms", "cancer and worsening weakness", {**had("cancer"), **yes("weakness_worsening")}, True),
    ("cancer_with_nerve_symptoms", "cancer and unsteady walking", {**had("cancer"), **yes("unsteady_walking")}, True),
    ("cancer_with_nerve_symptoms", "cancer and a numb band", {**had("cancer"), **yes("trunk_band_numbness")}, True),
    ("cancer_with_nerve_symptoms", "cancer and both legs", {**had("cancer"), **yes("both_legs_symptoms")}, True),
    ("cancer_with_nerve_symptoms", "cancer and saddle numbness", {**had("cancer"), **yes("saddle_numbness")}, True),
    ("cancer_with_nerve_symptoms", "cancer alone", had("cancer"), False),
    ("cancer_with_nerve_symptoms", "a weak leg without cancer", yes("leg_weakness"), False),
    ("cancer_with_nerve_symptoms", "minor skin cancer and a weak leg", {**had("minor_skin_cancer"), **yes("leg_weakness")}, False),
    # Serious infection (NHS sepsis; GSTT renal colic).
    ("serious_infection", "very unwell alone", yes("very_unwell"), True),
    ("serious_infection", "very unwell with a fever", yes("very_unwell", "fever"), True),
    ("serious_infection", "fever and a weak leg", yes("fever", "leg_weakness"), True),
    ("serious_infection", "fever and worsening weakness", yes("fever", "weakness_worsening"), True),
    ("serious_infection", "fever and unsteady walking", yes("fever", "unsteady_walking"), True),
    ("serious_infection", "fever and a numb band", yes("fever", "trunk_band_numbness"), True),
    ("serious_infection", "fever with pain in waves", yes("fever", "colicky_pain"), True),
    ("serious_infection", "fever alone", yes("fever"), False),
    ("serious_infection", "pain in waves alone", yes("colicky_pain"), False),
    # A suspected spine infection (risk factor and worrying pain) reaching the nerves.
    ("serious_infection", "injects drugs, constant pain, weak leg", {**had("iv_drug_use"), **yes("night_pain", "leg_weakness")}, True),
    ("serious_infection", "recent infection, worse, unsteady walking", {**had("recent_infection"), **yes("unsteady_walking"), "trend": "worse"}, True),
    ("serious_infection", "weak immunity, night sweats, numb band", {**had("immunosuppressed"), **yes("night_sweats", "trunk_band_numbness")}, True),
    ("serious_infection", "recent epidural, worse, worsening weakness", {**had("recent_spinal_surgery"), **yes("weakness_worsening"), "trend": "worse"}, True),
    ("serious_infection", "injects drugs and a weak leg, steady pain", {**had("iv_drug_use"), **yes("leg_weakness")}, False),
    ("serious_infection", "constant pain and a weak leg, no risk", yes("night_pain", "leg_weakness"), False),
    ("serious_infection", "injects drugs, constant pain, no nerve sign", {**had("iv_drug_use"), **yes("night_pain")}, False),
    # Pregnancy (NHS labour signs, pre-eclampsia): call the maternity unit now.
    ("pregnancy_warning", "pain in waves", pregnant(contractions=True), True),
    ("pregnancy_warning", "bleeding", pregnant(bleeding=True), True),
    ("pregnancy_warning", "fluid leaking", pregnant(fluid_leak=True), True),
    ("pregnancy_warning", "headache and visual change", pregnant(preeclampsia_signs=True), True),
    ("pregnancy_warning", "fever in pregnancy", {**pregnant(), **yes("fever")}, True),
    ("pregnancy_warning", "pain in waves in the side, in pregnancy", {**pregnant(), **yes("colicky_pain")}, True),
    ("pregnancy_warning", "pain in waves, not pregnant", yes("colicky_pain"), False),
    ("pregnancy_warning", "pregnant, no warning sign", pregnant(), False),
    ("pregnancy_warning", "fever, not pregnant", yes("fever"), False),
    # Blood thinners and sudden severe pain (NHS anticoagulants: bleeding).
    ("anticoagulant_bleed", "blood thinner and sudden severe pain", {**had("anticoagulants"), **yes("sudden_severe")}, True),
    ("anticoagulant_bleed", "blood thinner alone", had("anticoagulants"), False),
    ("anticoagulant_bleed", "sudden severe pain without a blood thinner", yes("sudden_severe"), False),
]
# fmt: on

# --- urgent ------------------------------------------------------------------------------
# fmt: off
URGENT: list[Row] = [
    ("spinal_infection", "a high temperature", yes("fever"), True),
    ("spinal_infection", "no temperature", {}, False),
    ("kidney_infection", "fever and urine symptoms", yes("fever", "urinary_symptoms"), True),
    ("kidney_infection", "fever and left side pain", {**yes("fever"), "areas": ["flank_left"]}, True),
    ("kidney_infection", "fever and right side pain", {**yes("fever"), "areas": ["flank_right"]}, True),
    ("kidney_infection", "fever alone", yes("fever"), False),
    ("kidney_infection", "urine symptoms alone", yes("urinary_symptoms"), False),
    ("kidney_stone", "pain in waves", yes("colicky_pain"), True),
    ("kidney_stone", "no pain in waves", {}, False),
    # Infection risk with a warning sign (Finucane 2020).
    ("infection_risk", "injects drugs, constant pain", {**had("iv_drug_use"), **yes("night_pain")}, True),
    ("infection_risk", "weak immunity, constant pain", {**had("immunosuppressed"), **yes("night_pain")}, True),
    ("infection_risk", "steroids, constant pain", {**had("long_term_steroids"), **yes("night_pain")}, True),
    ("infection_risk", "recent spine surgery, constant pain", {**had("recent_spinal_surgery"), **yes("night_pain")}, True),
    ("infection_risk", "injects drugs, night sweats", {**had("iv_drug_use"), **yes("night_sweats")}, True),
    ("infection_risk", "injects drugs, worse", {**had("iv_drug_use"), "trend": "worse"}, True),
    ("infection_risk", "recent serious infection, constant pain", {**had("recent_infection"), **yes("night_pain")}, True),
    ("infection_risk", "injects drugs, stable pain", had("iv_drug_use"), False),
    ("infection_risk", "constant pain, no risk", yes("night_pain"), False),
    # Past cancer with an NG234 pain feature.
    ("cancer_warning", "cancer, constant pain", {**had("cancer"), **yes("night_pain")}, True),
    ("cancer_warning", "cancer, weight loss", {**had("cancer"), **yes("weight_loss")}, True),
    ("cancer_warning", "cancer, night sweats", {**had("cancer"), **yes("night_sweats")}, True),
    ("cancer_warning", "cancer, upper back pain", {**had("cancer"), "areas": ["upper_back_centre"]}, True),
    ("cancer_warning", "cancer, mid-back pain", {**had("cancer"), "areas": ["mid_back_right"]}, True),
    ("cancer_warning", "cancer, pain into a leg", {**had("cancer"), "areas": LEFT_LEG}, True),
    ("cancer_warning", "cancer, getting worse", {**had("cancer"), "trend": "worse"}, True),
    ("cancer_warning", "cancer, pain 7/10", {**had("cancer"), "intensity": 7}, True),
    ("cancer_warning", "cancer, pain 9/10", {**had("cancer"), "intensity": 9}, True),
    ("cancer_warning", "cancer, pain 6/10", {**had("cancer"), "intensity": 6}, False),
    ("cancer_warning", "cancer, 28 days not better", {**had("cancer"), "duration_days": 28}, True),
    ("cancer_warning", "cancer, 27 days not better", {**had("cancer"), "duration_days": 27}, False),
    ("cancer_warning", "cancer, 60 days not better", {**had("cancer"), "duration_days": 60}, True),
    ("cancer_warning", "cancer, 28 days and improving", {**had("cancer"), "duration_days": 28, "trend": "better"}, False),
    ("cancer_warning", "cancer, mechanical lower back ache", had("cancer"), False),
    ("cancer_warning", "no cancer, constant pain", yes("night_pain"), False),
    ("cancer_warning", "minor skin cancer, upper back", {**had("minor_skin_cancer"), "areas": ["upper_back_centre"]}, False),
    ("weight_loss", "weight loss", yes("weight_loss"), True),
    ("night_pain", "constant pain at rest", yes("night_pain"), True),
    # Fragility fracture (Downie 2013; NOGG).
    ("fragility_fracture", "osteoporosis and a minor fall", {**had("osteoporosis"), "injury": "minor_fall"}, True),
    ("fragility_fracture", "steroids and a minor fall", {**had("long_term_steroids"), "injury": "minor_fall"}, True),
    ("fragility_fracture", "age 70, sudden pain lifting", {"age": 70, "injury": "lifting", "onset": "sudden"}, True),
    ("fragility_fracture", "age 69, sudden pain lifting", {"age": 69, "injury": "lifting", "onset": "sudden"}, False),
    ("fragility_fracture", "age 70, gradual ache after lifting", {"age": 70, "injury": "lifting"}, False),
    ("fragility_fracture", "osteoporosis, sudden pain lifting", {**had("osteoporosis"), "injury": "lifting", "onset": "sudden"}, True),
    ("fragility_fracture", "osteoporosis, gradual ache after lifting", {**had("osteoporosis"), "injury": "lifting"}, False),
    ("fragility_fracture", "osteoporosis, sudden pain in a movement", {**had("osteoporosis"), "injury": "awkward_movement", "onset": "sudden"}, True),
    ("fragility_fracture", "age 85, sudden pain lifting", {"age": 85, "injury": "lifting", "onset": "sudden"}, True),
    ("fragility_fracture", "osteoporosis and a sneeze", {**had("osteoporosis"), "injury": "cough_sneeze"}, True),
    ("fragility_fracture", "osteoporosis and sudden pain", {**had("osteoporosis"), "onset": "sudden"}, True),
    ("fragility_fracture", "osteoporosis, gradual, no trigger", had("osteoporosis"), False),
    ("fragility_fracture", "osteoporosis and sport", {**had("osteoporosis"), "injury": "sport"}, False),
    ("fragility_fracture", "a minor fall without a risk", {"injury": "minor_fall"}, False),
    ("spinal_deformity", "a new change in shape", yes("deformity"), True),
    ("progressive_weakness", "weakness getting worse", yes("weakness_worsening"), True),
    ("progressive_weakness", "stable weakness", yes("leg_weakness"), False),
    ("spinal_cord_symptoms", "unsteady walking", yes("unsteady_walking"), True),
    ("spinal_cord_symptoms", "a numb band", yes("trunk_band_numbness"), True),
    ("spinal_cord_symptoms", "neither", yes("leg_weakness"), False),
    ("shingles", "a one-sided rash", yes("rash_band"), True),
    ("known_aneurysm", "a known aneurysm", had("aortic_aneurysm"), True),
    ("known_aneurysm", "pulsing tummy at 60", {**yes("pulsating_abdomen"), "age": 60}, True),
    ("known_aneurysm", "pulsing tummy at 59", {**yes("pulsating_abdomen"), "age": 59}, False),
    ("known_aneurysm", "pulsing tummy with heart risk", {**yes("pulsating_abdomen"), **had("heart_risk")}, True),
    ("known_aneurysm", "heart risk alone", had("heart_risk"), False),
    ("jaundice", "yellow skin or eyes", yes("jaundice"), True),
    ("breathless", "new breathlessness", yes("breathless"), True),
    ("breathless", "everyday breathlessness", had("usual_breathlessness"), False),
    ("faint", "faint or light-headed", yes("faint_dizzy"), True),
    ("possible_dvt", "a swollen calf", yes("calf_swelling"), True),
    ("pain_on_breathing", "pain on breathing in", yes("pain_on_breathing"), True),
    ("possible_angina", "pain on effort, eased by rest", yes("exertion_pain"), True),
    # Tearing pain after a strain: urgent from 40 or with heart risk (HSE: dissection 40+).
    ("tearing_after_strain", "tearing while lifting at 40", {**yes("tearing_pain"), "injury": "lifting", "age": 40}, True),
    ("tearing_after_strain", "tearing while lifting at 39", {**yes("tearing_pain"), "injury": "lifting", "age": 39}, False),
    ("tearing_after_strain", "tearing while lifting at 39, heart risk", {**yes("tearing_pain"), **had("heart_risk"), "injury": "lifting", "age": 39}, True),
    ("tearing_after_strain", "tearing after an awkward movement at 40", {**yes("tearing_pain"), "injury": "awkward_movement", "age": 40}, True),
    ("tearing_after_strain", "tearing in sport at 40", {**yes("tearing_pain"), "injury": "sport", "age": 40}, True),
    ("tearing_after_strain", "tearing with a sneeze at 40", {**yes("tearing_pain"), "injury": "cough_sneeze", "age": 40}, True),
    ("tearing_after_strain", "tearing after digging at 40", {**yes("tearing_pain"), "injury": "unusual_activity", "age": 40}, True),
    ("tearing_after_strain", "tearing after a slip at 40", {**yes("tearing_pain"), "injury": "minor_fall", "age": 40}, False),
    ("tearing_after_strain", "tearing with no injury at 50", {**yes("tearing_pain"), "age": 50}, False),
    ("tearing_after_strain", "lifting at 50 without tearing", {"injury": "lifting", "age": 50}, False),
    ("anticoagulant_fall", "blood thinner and a fall", {**had("anticoagulants"), "injury": "minor_fall"}, True),
    ("anticoagulant_fall", "blood thinner and lifting", {**had("anticoagulants"), "injury": "lifting"}, False),
    ("anticoagulant_fall", "a fall without a blood thinner", {"injury": "minor_fall"}, False),
    ("sudden_severe_pain", "sudden severe pain by itself", yes("sudden_severe"), True),
    # Both thighs only on the map: often referred pain or sore muscles, so urgent, not 999.
    ("new_pain_both_thighs", "both thighs mapped, 14 days", {"areas": BOTH_THIGHS, "duration_days": 14}, True),
    ("new_pain_both_thighs", "both thighs mapped, 15 days", {"areas": BOTH_THIGHS, "duration_days": 15}, False),
    ("new_pain_both_thighs", "both thighs mapped, 400 days, worse", {"areas": BOTH_THIGHS, "duration_days": 400, "trend": "worse"}, True),
    ("new_pain_both_thighs", "one thigh mapped, 3 days", {"areas": ["lower_back_centre", "leg_above_knee_left"], "duration_days": 3}, False),
    ("new_pain_both_thighs", "below a knee, bilateral speaks instead", {"areas": BOTH_LEGS, "duration_days": 3}, False),
]
# fmt: on

# --- soon --------------------------------------------------------------------------------
# fmt: off
SOON: list[Row] = [
    ("under_16", "age 15", {"age": 15}, True),
    ("under_16", "age 16", {"age": 16}, False),
    ("cancer_history", "cancer, mechanical lower back ache", had("cancer"), True),
    ("cancer_history", "cancer with a pain feature", {**had("cancer"), "trend": "worse"}, False),
    ("cancer_history", "no cancer", {}, False),
    # New pain after 50, not better after a month (Finucane 2020).
    ("not_improving_over_50", "50, 28 days, same", {"age": 50, "duration_days": 28}, True),
    ("not_improving_over_50", "49, 28 days, same", {"age": 49, "duration_days": 28}, False),
    ("not_improving_over_50", "50, 27 days, same", {"age": 50, "duration_days": 27}, False),
    ("not_improving_over_50", "50, 42 days, worse", {"age": 50, "duration_days": 42, "trend": "worse"}, True),
    ("not_improving_over_50", "50, 43 days (not_improving speaks)", {"age": 50, "duration_days": 43}, False),
    ("not_improving_over_50", "50, 30 days, better", {"age": 50, "duration_days": 30, "trend": "better"}, False),
    ("not_improving_over_50", "80, 30 days, same", {"age": 80, "duration_days": 30}, True),
    ("not_improving", "43 days, same", {"duration_days": 43}, True),
    ("not_improving", "42 days, same", {"duration_days": 42}, False),
    ("not_improving", "43 days, worse", {"duration_days": 43, "trend": "worse"}, True),
    ("not_improving", "43 days, better", {"duration_days": 43, "trend": "better"}, False),
    ("getting_worse", "14 days, worse", {"duration_days": 14, "trend": "worse"}, True),
    ("getting_worse", "13 days, worse", {"duration_days": 13, "trend": "worse"}, False),
    ("getting_worse", "14 days, the same", {"duration_days": 14}, False),
    ("getting_worse", "30 days, worse", {"duration_days": 30, "trend": "worse"}, True),
    ("stable_leg_weakness", "a weak leg, stable", yes("leg_weakness"), True),
    ("stable_leg_weakness", "a weak leg getting worse", yes("leg_weakness", "weakness_worsening"), False),
    ("stable_leg_weakness", "a weak leg and both legs", yes("leg_weakness", "both_legs_symptoms"), False),
    ("stable_bilateral_legs", "both legs, 15 days, same", {"areas": BOTH_LEGS, "duration_days": 15}, True),
    ("stable_bilateral_legs", "both legs, 15 days, better", {"areas": BOTH_LEGS, "duration_days": 15, "trend": "better"}, True),
    ("stable_bilateral_legs", "both legs, 14 days", {"areas": BOTH_LEGS, "duration_days": 14}, False),
    ("stable_bilateral_legs", "both legs, 10 days", {"areas": BOTH_LEGS, "duration_days": 10}, False),
    ("stable_bilateral_legs", "both legs, 15 days, worse", {"areas": BOTH_LEGS, "duration_days": 15, "trend": "worse"}, False),
    ("stable_bilateral_legs", "one leg, 30 days", {"areas": LEFT_LEG, "duration_days": 30}, False),
    ("infection_risk_factor", "injects drugs", had("iv_drug_use"), True),
    ("infection_risk_factor", "weak immunity", had("immunosuppressed"), True),
    ("infection_risk_factor", "long-term steroids", had("long_term_steroids"), True),
    ("infection_risk_factor", "recent spine surgery", had("recent_spinal_surgery"), True),
    ("infection_risk_factor", "recent serious infection", had("recent_infection"), True),
    ("infection_risk_factor", "risk with constant pain", {**had("iv_drug_use"), **yes("night_pain")}, False),
    ("infection_risk_factor", "risk with night sweats", {**had("iv_drug_use"), **yes("night_sweats")}, False),
    ("infection_risk_factor", "risk, getting worse", {**had("iv_drug_use"), "trend": "worse"}, False),
    ("infection_risk_factor", "no risk", {}, False),
    ("urinary_symptoms", "urine symptoms", yes("urinary_symptoms"), True),
    ("urinary_symptoms", "urine symptoms with a fever", yes("urinary_symptoms", "fever"), False),
    ("pulsating_tummy", "pulsing tummy at 30", yes("pulsating_abdomen"), True),
    ("pulsating_tummy", "pulsing tummy at 60", {**yes("pulsating_abdomen"), "age": 60}, False),
    ("pulsating_tummy", "pulsing tummy with heart risk", {**yes("pulsating_abdomen"), **had("heart_risk")}, False),
    ("pulsating_tummy", "pulsing tummy with a known aneurysm", {**yes("pulsating_abdomen"), **had("aortic_aneurysm")}, False),
    ("night_sweats", "drenching night sweats", yes("night_sweats"), True),
    ("severe_worsening", "8/10 and worse", {"intensity": 8, "trend": "worse"}, True),
    ("severe_worsening", "10/10 and worse", {"intensity": 10, "trend": "worse"}, True),
    ("severe_worsening", "7/10 and worse", {"intensity": 7, "trend": "worse"}, False),
    ("severe_worsening", "8/10 and the same", {"intensity": 8}, False),
]
# fmt: on

# --- soon, from the answers after the safety checks ---------------------------------------
MORNING_AND_NIGHT = {"time_pattern": ["morning_stiffness_long", "wakes_second_half_night"]}
# fmt: off
DETAIL: list[Row] = [
    ("inflammatory_pattern", "28, 90 days, morning and night", {"age": 28, "duration_days": 90, **MORNING_AND_NIGHT}, True),
    ("inflammatory_pattern", "28, 89 days", {"age": 28, "duration_days": 89, **MORNING_AND_NIGHT}, False),
    ("inflammatory_pattern", "began at 44.7", {"age": 45, "duration_days": 90, **MORNING_AND_NIGHT}, True),
    ("inflammatory_pattern", "began at 45.0", {"age": 46, "duration_days": 365, **MORNING_AND_NIGHT}, False),
    ("inflammatory_pattern", "began just under 45", {"age": 46, "duration_days": 366, **MORNING_AND_NIGHT}, True),
    ("inflammatory_pattern", "began at exactly 45 (4 years at 49)", {"age": 49, "duration_days": 1461, **MORNING_AND_NIGHT}, False),
    ("inflammatory_pattern", "began at 44.98 (35 years at 80)", {"age": 80, "duration_days": 12790, **MORNING_AND_NIGHT}, True),
    ("inflammatory_pattern", "wakes at night only", {"age": 28, "duration_days": 200, "better_with": [], "time_pattern": ["wakes_second_half_night"]}, False),
    ("inflammatory_pattern", "one feature only", {"age": 28, "duration_days": 200, "better_with": [], "time_pattern": ["morning_stiffness_long"]}, False),
    ("inflammatory_pattern", "morning stiffness and eased by exercise", {"age": 28, "duration_days": 200, "time_pattern": ["morning_stiffness_long"], "better_with": ["exercise"]}, True),
    ("inflammatory_pattern", "eased by moving around, worse resting", {"age": 28, "duration_days": 200, "better_with": ["moving_around"], "worse_with": ["resting"]}, True),
    ("inflammatory_pattern", "eased by walking, wakes at night", {"age": 28, "duration_days": 200, "better_with": ["walking"], "time_pattern": ["wakes_second_half_night"]}, True),
    ("inflammatory_pattern", "eased by exercise and by rest", {"age": 28, "duration_days": 200, "better_with": ["exercise", "rest"], "time_pattern": ["morning_stiffness_long"]}, False),
    ("gallbladder_pattern", "pain after fatty meals", {"worse_with": ["fatty_meals"]}, True),
    ("gallbladder_pattern", "pain after sitting", {"worse_with": ["sitting"]}, False),
    ("gallbladder_pattern", "fatty meals with a high temperature", {**yes("fever"), "worse_with": ["fatty_meals"]}, False),
    ("gallbladder_pattern", "fatty meals with yellow skin", {**yes("jaundice"), "worse_with": ["fatty_meals"]}, False),
]
# fmt: on

TABLES = {"emergency": EMERGENCY, "urgent": URGENT, "soon": SOON}
ALL_ROWS = [*EMERGENCY, *URGENT, *SOON, *DETAIL]


def _id(row: Row) -> str:
    return f"{row[0]}: {row[1]}"


def _rule(rule_id: str) -> Any:
    return RULES.get(rule_id) or DETAIL_RULES[rule_id]


@pytest.mark.parametrize("row", ALL_ROWS, ids=_id)
def test_each_rule_fires_exactly_when_its_condition_holds(row: Row, make_intake: Any) -> None:
    rule_id, _, changes, fires = row
    evidence = _rule(rule_id)(make_intake(**changes))
    assert bool(evidence) is fires, evidence
    assert all(isinstance(phrase, str) and phrase for phrase in evidence)


def test_every_rule_has_a_row_where_it_fires() -> None:
    # ...and test_the_neutral_intake_fires_no_rule is the row where each stays quiet.
    for rule_id in [*RULES, *DETAIL_RULES]:
        assert any(rid == rule_id and fires for rid, _, _, fires in ALL_ROWS), rule_id


def test_the_neutral_intake_fires_no_rule(make_intake: Any) -> None:
    neutral = make_intake()
    assert [rid for rid in [*RULES, *DETAIL_RULES] if _rule(rid)(neutral)] == []


@pytest.mark.parametrize("level", sorted(TABLES))
def test_each_table_holds_the_rules_of_its_level(level: str) -> None:
    flags = knowledge().red_flags
    assert {row[0] for row in TABLES[level]} == {
        fid for fid, flag in flags.items() if flag.level == level and fid in RULES
    }


def test_rules_that_read_the_later_answers_only_ever_say_soon() -> None:
    flags = knowledge().red_flags
    assert {fid for fid in DETAIL_RULES} == {row[0] for row in DETAIL}
    assert all(flags[fid].level == "soon" for fid in DETAIL_RULES)


def test_every_red_flag_in_the_content_has_exactly_one_rule() -> None:
    assert set(knowledge().red_flags) == set(RULES) | set(DETAIL_RULES)
    assert not set(RULES) & set(DETAIL_RULES)


# --- evidence: the reasons a person and a clinician read ----------------------------------


def _answers_named_in(evidence: list[str]) -> set[str]:
    return {phrase for phrase in evidence if phrase.startswith(("you said: ", "your health"))}


@pytest.mark.parametrize("row", [row for row in ALL_ROWS if row[3]], ids=_id)
def test_a_fired_rule_names_every_warning_answer_of_its_row(row: Row, make_intake: Any) -> None:
    # The row's yes answers are the reason the rule fired; each must be shown as evidence.
    rule_id, _, changes, _ = row
    intake = make_intake(**changes)
    evidence = _rule(rule_id)(intake)
    expected = {
        f"you said: {RedFlags.model_fields[key.split('.')[1]].description}"
        for key, value in changes.items()
        if key.startswith("red_flags.") and value is True
    } | {
        f"your health background: {History.model_fields[key.split('.')[1]].description}"
        for key, value in changes.items()
        if key.startswith("history.") and value is True
    }
    assert expected <= _answers_named_in(evidence), evidence


# One row per hard-coded phrase: the words that explain a number or a body-map answer.
# fmt: off
EVIDENCE: list[tuple[str, str, dict[str, Any], str]] = [
    ("bilateral_leg_symptoms", "both legs mapped, 3 days", {"areas": BOTH_LEGS, "duration_days": 3}, "pain in both legs on the body map, starting 3 days ago"),
    ("major_trauma", "a serious accident", {"injury": "major_trauma"}, "the pain started after a serious accident"),
    ("heart_attack", "arm/jaw at 40 with upper back pain", {**yes("arm_jaw_pain"), "age": 40, "areas": ["upper_back_centre"]}, "pain in the upper back or chest"),
    ("heart_attack", "arm/jaw at 40 with upper back pain", {**yes("arm_jaw_pain"), "age": 40, "areas": ["upper_back_centre"]}, "age 40"),
    ("heart_attack", "cold sweat at 40 with upper back pain", {**yes("cold_sweat"), "age": 40, "areas": ["upper_back_centre"]}, "pain in the upper back or chest"),
    ("heart_attack", "unusual tiredness and sickness at 40 with upper back pain", {**yes("unusual_tiredness", "nausea"), "age": 40, "areas": ["upper_back_centre"]}, "pain in the upper back or chest"),
    ("heart_attack", "unusual tiredness and sickness at 40 with upper back pain", {**yes("unusual_tiredness", "nausea"), "age": 40, "areas": ["upper_back_centre"]}, "you said: new, unusual tiredness or exhaustion that came on with the pain"),
    ("bilateral_leg_symptoms", "both legs ticked and mapped below a knee", {**yes("both_legs_symptoms"), "areas": BOTH_LEGS, "duration_days": 3}, "you said: pain, numbness, tingling or weakness in both legs that is new or getting worse"),
    ("bilateral_leg_symptoms", "both legs ticked and mapped below a knee", {**yes("both_legs_symptoms"), "areas": BOTH_LEGS, "duration_days": 3}, "pain in both legs on the body map, starting 3 days ago"),
    ("aortic_dissection", "tearing pain with no injury", yes("tearing_pain"), "it came on with no injury"),
    ("aortic_dissection", "sudden severe upper back pain", {**yes("sudden_severe"), "areas": ["upper_back_centre"]}, "pain in the upper back or chest"),
    ("aortic_aneurysm_rupture", "sudden severe lower back pain at 60", {**yes("sudden_severe"), "age": 60}, "pain in the lower back, side, tummy or groin"),
    ("aortic_aneurysm_rupture", "sudden severe lower back pain at 60", {**yes("sudden_severe"), "age": 60}, "age 60"),
    ("aortic_aneurysm_rupture", "known aneurysm, pain 7/10", {**had("aortic_aneurysm"), "intensity": 7}, "pain of 7/10"),
    ("lung_clot_or_collapse", "pain on breathing in pregnancy", {**yes("pain_on_breathing"), **pregnant()}, "pregnancy"),
    ("severe_abdominal_pain", "tummy pain 7/10 with a cold sweat", {**yes("cold_sweat"), "areas": ["abdomen"], "intensity": 7}, "tummy pain of 7/10"),
    ("pregnancy_warning", "bleeding at 30 weeks", pregnant(bleeding=True), "30 weeks pregnant"),
    ("not_improving_over_50", "50, 28 days, same", {"age": 50, "duration_days": 28}, "age 50, pain for 28 days that is not getting better"),
    ("getting_worse", "14 days, worse", {"duration_days": 14, "trend": "worse"}, "pain for 14 days that is getting worse"),
    ("kidney_infection", "fever and side pain", {**yes("fever"), "areas": ["flank_left"]}, "pain in the side, under the ribs"),
    ("infection_risk", "injects drugs, worse", {**had("iv_drug_use"), "trend": "worse"}, "the pain is getting worse"),
    ("cancer_warning", "cancer, upper back pain", {**had("cancer"), "areas": ["upper_back_centre"]}, "pain in the upper or middle back"),
    ("cancer_warning", "cancer, pain into a leg", {**had("cancer"), "areas": LEFT_LEG}, "pain spreading into a leg"),
    ("cancer_warning", "cancer, getting worse", {**had("cancer"), "trend": "worse"}, "the pain is getting worse"),
    ("cancer_warning", "cancer, pain 7/10", {**had("cancer"), "intensity": 7}, "pain of 7/10"),
    ("cancer_warning", "cancer, 28 days not better", {**had("cancer"), "duration_days": 28}, "pain for 28 days that is not getting better"),
    ("fragility_fracture", "age 70, sudden pain lifting", {"age": 70, "injury": "lifting", "onset": "sudden"}, "age 70"),
    ("fragility_fracture", "age 70 and a fall", {"age": 70, "injury": "minor_fall"}, "the pain started after a minor fall"),
    ("fragility_fracture", "age 70, a fall, sudden", {"age": 70, "injury": "minor_fall", "onset": "sudden"}, "the pain started after a minor fall"),
    ("fragility_fracture", "osteoporosis and sudden pain", {**had("osteoporosis"), "onset": "sudden"}, "the pain started suddenly"),
    ("fragility_fracture", "osteoporosis, sudden pain while lifting", {**had("osteoporosis"), "onset": "sudden", "injury": "lifting"}, "the pain started suddenly"),
    ("known_aneurysm", "pulsing tummy at 60", {**yes("pulsating_abdomen"), "age": 60}, "age 60"),
    ("tearing_after_strain", "tearing while lifting at 40", {**yes("tearing_pain"), "injury": "lifting", "age": 40}, "age 40"),
    ("bilateral_leg_symptoms", "both legs mapped, 400 days, worse", {"areas": BOTH_LEGS, "duration_days": 400, "trend": "worse"}, "pain in both legs on the body map, getting worse"),
    ("anticoagulant_fall", "blood thinner and a fall", {**had("anticoagulants"), "injury": "minor_fall"}, "the pain started after a fall"),
    ("under_16", "age 15", {"age": 15}, "age 15"),
    ("not_improving", "43 days, same", {"duration_days": 43}, "pain for 6 weeks and not getting better"),
    ("not_improving", "49 days, worse", {"duration_days": 49, "trend": "worse"}, "pain for 7 weeks and getting worse"),
    ("stable_bilateral_legs", "both legs, 15 days, same", {"areas": BOTH_LEGS, "duration_days": 15}, "pain in both legs on the body map for 15 days, not getting worse"),
    ("severe_worsening", "8/10 and worse", {"intensity": 8, "trend": "worse"}, "pain of 8/10 that is getting worse"),
    ("inflammatory_pattern", "28, 90 days", {"age": 28, "duration_days": 90, **MORNING_AND_NIGHT}, "pain for 3 months, starting before age 45"),
    ("inflammatory_pattern", "28, 116 days", {"age": 28, "duration_days": 116, **MORNING_AND_NIGHT}, "pain for 3 months, starting before age 45"),
    ("inflammatory_pattern", "morning stiffness", {"age": 28, "duration_days": 90, **MORNING_AND_NIGHT}, "morning stiffness lasting over 30 minutes"),
    ("inflammatory_pattern", "waking at night", {"age": 28, "duration_days": 90, **MORNING_AND_NIGHT}, "wakes you in the second half of the night"),
    ("inflammatory_pattern", "eased by exercise", {"age": 28, "duration_days": 90, "time_pattern": ["morning_stiffness_long"], "better_with": ["exercise"]}, "eases with exercise or movement but not with rest"),
    ("inflammatory_pattern", "worse resting", {"age": 28, "duration_days": 90, "better_with": ["walking"], "worse_with": ["resting"]}, "worse when resting"),
    ("gallbladder_pattern", "pain after fatty meals", {"worse_with": ["fatty_meals"]}, "pain after fatty meals"),
]
# fmt: on


@pytest.mark.parametrize("row", EVIDENCE, ids=lambda row: f"{row[0]}: {row[1]}")
def test_the_evidence_says_which_answer_fired_the_rule(
    row: tuple[str, str, dict[str, Any], str], make_intake: Any
) -> None:
    rule_id, _, changes, phrase = row
    assert phrase in _rule(rule_id)(make_intake(**changes))
