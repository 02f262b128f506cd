"""Normal joint range of motion, and the joint angles a pose puts the figure in.

Ranges are the American Academy of Orthopaedic Surgeons' normal values (AAOS 1965, Joint
Motion: Method of Measuring and Recording), as tabulated in Norkin and White, Measurement
of Joint Motion: A Guide to Goniometry (F. A. Davis), appendix A, the usual clinical
reference. Angles are degrees from the anatomical position; the first number of each range
is the opposite motion, negative (shoulder flexion -60..180 means 60 of extension).

Two ranges go further when the joint carries body weight at the end of its range, where a
passive angle beyond the active one is normal: a flat hand under a vertical forearm is 90
degrees of wrist extension by geometry, and kneeling or squatting takes the knee to 150-160
degrees (Hemmerich et al. 2006, J Orthop Res 24:770, squatting with heels up 157 +/- 6).
A drawing may use them only where its exercise's content warns about that joint (see
``LOADED_NEEDS``), and only for joints it lists in ``Drawing.loaded``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .animate import Drawing, Pose

AAOS = "AAOS 1965 normal values (Norkin & White, Measurement of Joint Motion, appendix A)"
HEMMERICH = "Hemmerich et al. 2006, J Orthop Res 24(4):770-781 (kneeling and squatting)"
GEOMETRY = "a flat hand under a vertical forearm: 90 degrees by geometry"


@dataclass(frozen=True)
class Range:
    low: float
    high: float
    source: str = AAOS
    loaded_high: float | None = None  # under body weight at end of range
    loaded_source: str = ""


RANGES: dict[str, Range] = {
    "shoulder flexion": Range(-60, 180),
    "shoulder abduction": Range(-10, 180),
    "shoulder horizontal abduction": Range(-135, 45),  # horizontal flexion 135, extension 45
    "shoulder external rotation": Range(-70, 90),
    "elbow flexion": Range(0, 150),
    "wrist extension": Range(-80, 70, loaded_high=90, loaded_source=GEOMETRY),
    "wrist deviation": Range(-20, 20),  # radial 20, ulnar 30: the smaller both ways
    "hip flexion": Range(-30, 120),
    "hip abduction": Range(-30, 45),
    "knee flexion": Range(0, 135, loaded_high=155, loaded_source=HEMMERICH),
    "knee sideways": Range(-5, 5, source="the knee is a hinge: no sideways bend"),
    "ankle dorsiflexion": Range(-50, 20),
    "ankle inversion": Range(-15, 15),  # eversion 15, inversion 35: the smaller both ways
    "thoracolumbar flexion": Range(-25, 80),
    "thoracolumbar lateral flexion": Range(-35, 35),
    "thoracolumbar rotation": Range(-45, 45),
    "cervical flexion": Range(-45, 45),
    "cervical lateral flexion": Range(-45, 45),
    "cervical rotation": Range(-60, 60),
}

# A loaded end range is allowed only when the exercise's content cautions about the joint.
LOADED_NEEDS = {"wrist extension": "wrist_problems", "knee flexion": "knee_problems"}


@dataclass(frozen=True)
class Motion:
    joint: str  # the node, or a spine region
    motion: str  # a key of RANGES
    value: float


def _side(ch: Mapping[str, float], skip: set[str]) -> Iterator[Motion]:
    def get(n: str) -> float:
        return ch.get(n, 0.0)

    yield Motion("lower back", "thoracolumbar flexion", -get("lumbar"))
    yield Motion("upper back", "thoracolumbar flexion", -get("thorax"))
    yield Motion("spine", "thoracolumbar flexion", -get("lumbar") - get("thorax"))
    yield Motion("lower neck", "cervical flexion", -get("neck"))
    yield Motion("upper neck", "cervical flexion", -get("head"))
    yield Motion("neck", "cervical flexion", -get("neck") - get("head"))
    for sfx in ("", "_far"):
        for node, motion, sign in (
            ("shoulder", "shoulder flexion", 1),
            ("elbow", "elbow flexion", 1),
            ("wrist", "wrist extension", 1),
            ("hip", "hip flexion", 1),
            ("knee", "knee flexion", -1),
            ("ankle", "ankle dorsiflexion", 1),
        ):
            if node + sfx not in skip:
                yield Motion(node + sfx, motion, sign * get(node + sfx))


def _front(ch: Mapping[str, float], skip: set[str]) -> Iterator[Motion]:
    def get(n: str) -> float:
        return ch.get(n, 0.0)

    yield Motion("spine", "thoracolumbar lateral flexion", get("lumbar") + get("thorax"))
    yield Motion("neck", "cervical lateral flexion", get("neck") + get("head"))
    for side, sign in (("r", -1), ("l", 1)):
        for node, motion in (
            ("shoulder", "shoulder abduction"),
            ("elbow", "elbow flexion"),
            ("wrist", "wrist deviation"),
            ("hip", "hip abduction"),
            ("knee", "knee sideways"),
            ("ankle", "ankle inversion"),
        ):
            name = f"{node}_{side}"
            if name in skip:
                continue
            if node == "elbow":
                # Seen from the front the elbow bends toward or away from the body, with the
                # upper arm turned in or out; either way the angle is its flexion.
                yield Motion(name, motion, abs(get(name)))
            else:
                yield Motion(name, motion, sign * get(name))


def _top_seated(ch: Mapping[str, float], skip: set[str]) -> Iterator[Motion]:
    yield Motion("trunk", "thoracolumbar rotation", ch.get("trunk", 0.0))
    yield Motion("head", "cervical rotation", ch.get("head", 0.0))


def _axial(ch: Mapping[str, float], skip: set[str]) -> Iterator[Motion]:
    def get(n: str) -> float:
        return ch.get(n, 0.0)

    yield Motion("chest", "thoracolumbar rotation", get("chest"))
    yield Motion("head", "cervical rotation", get("head"))
    for sfx in ("", "_far"):
        yield Motion("shoulder" + sfx, "shoulder horizontal abduction", get("shoulder" + sfx) - 90)
        yield Motion("elbow" + sfx, "elbow flexion", get("elbow" + sfx))
        yield Motion("wrist" + sfx, "wrist extension", get("wrist" + sfx))


VIEWS = {"side": _side, "front": _front, "top": _top_seated, "axial": _axial}


def motions(drawing: Drawing, pose: Pose) -> list[Motion]:
    """Every joint angle of a pose, by anatomical motion.

    Planar joints are read from the channels; motions out of the picture plane (an upper
    arm pointing at us) come from the pose's own ``rom`` entries, ``"node:motion"``.
    """
    skip = set(drawing.out_of_plane)
    found = list(VIEWS[drawing.skeleton.view](pose.ch, skip))
    for key, value in sorted(pose.rom.items()):
        joint, motion = key.split(":", 1)
        found.append(Motion(joint, motion, value))
    return found


def allowed(drawing: Drawing, motion: Motion) -> tuple[float, float]:
    r = RANGES[motion.motion]
    high = r.high
    if motion.motion in drawing.loaded and r.loaded_high is not None:
        high = r.loaded_high
    return r.low, high
