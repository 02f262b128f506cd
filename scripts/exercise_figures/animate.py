"""Key poses to a looping timeline, sampled, eased and thinned into keyframes.

Each drawing is a list of key poses, each held for a moment and then moved out of. A key
pose is a few named parameters (how far the hips are lifted, how round the back is); the
drawing's ``build`` turns parameters into channel values, solving contacts (hands and knees
stay put, feet stay flat) on the way. In-between poses are built from eased, interpolated
parameters, not by interpolating joint angles, so contacts hold all the way through.

The browser interpolates linearly between the keyframes written for each animated group;
``rendered`` reproduces exactly that, so the tests check what is on screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .body import Skeleton
from .scene import Box, Prop, Solid

SAMPLES_PER_SECOND = 24
TOLERANCE = {"r": 0.45, "t": 0.25, "s": 0.008, "o": 0.02}  # per channel kind
DIGITS = {"r": 1, "t": 1, "s": 3, "o": 2}


@dataclass
class Pose:
    """Channel values, plus what the picture plane cannot show (for the tests)."""

    ch: dict[str, float]
    rom: dict[str, float] = field(default_factory=dict)  # "node:motion" -> degrees, out of plane
    meta: dict[str, float] = field(default_factory=dict)  # e.g. heights out of the picture


Params = dict[str, float]


@dataclass(frozen=True)
class Contact:
    """A body point that must touch a named surface: ``node`` and a point in its frame, or
    ``point=None`` for "the node's outline rests on it" (closest point touches, nothing
    sinks in)."""

    node: str
    surface: str
    point: tuple[float, float] | None = None
    stays: bool = True  # False: touching at the key, free while moving (a stepping foot)


@dataclass
class Key:
    params: Params
    hold: float
    move: float
    contacts: tuple[Contact, ...] = ()
    name: str = ""


@dataclass
class Drawing:
    id: str
    view: str  # "side", "front" or "top"
    skeleton: Skeleton
    props: list[Prop]
    build: Callable[[Params], Pose]
    keys: list[Key]
    stills: tuple[int, ...]  # keys shown side by side when motion is reduced
    thumb: int  # the key drawn as the list thumbnail
    layers: tuple[str, ...] | None = None
    ground: float = 0.0  # the height a body rests on (the mat's top when there is one)
    surfaces: dict[str, Solid] = field(default_factory=dict)  # contact surfaces by name
    bounds: dict[str, Box] = field(default_factory=dict)  # seen from above: stay inside
    loaded: tuple[str, ...] = ()  # motions allowed their loaded end range (see rom.py)
    phase: str | None = None  # a parameter that runs 0 -> 1 evenly over the loop (walking)
    out_of_plane: tuple[str, ...] = ()  # joints whose angle the picture cannot show (rom.py)
    _samples: list[tuple[float, Pose]] | None = field(default=None, repr=False, compare=False)

    @property
    def cycle(self) -> float:
        return sum(k.hold + k.move for k in self.keys)

    def key_pose(self, index: int) -> Pose:
        return self.build(self.keys[index].params)


def ease(u: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * u)


def params_at(drawing: Drawing, t: float) -> tuple[Params, tuple[int, int, float]]:
    """Parameters at time t (seconds into the loop) and (key, next key, eased progress)."""
    keys = drawing.keys
    t = t % drawing.cycle
    if drawing.phase is not None:
        return {drawing.phase: t / drawing.cycle}, (0, 0, 0.0)
    start = 0.0
    for index, key in enumerate(keys):
        if t < start + key.hold:
            return dict(key.params), (index, index, 0.0)
        if t < start + key.hold + key.move:
            nxt = keys[(index + 1) % len(keys)]
            u = ease((t - start - key.hold) / key.move)
            mixed = {
                name: value + (nxt.params[name] - value) * u for name, value in key.params.items()
            }
            return mixed, (index, (index + 1) % len(keys), u)
        start += key.hold + key.move
    return dict(keys[0].params), (0, 0, 0.0)


def sample_times(drawing: Drawing) -> list[float]:
    cycle = drawing.cycle
    count = max(2, round(cycle * SAMPLES_PER_SECOND))
    times = {cycle * i / count for i in range(count)}
    start = 0.0
    for key in drawing.keys:  # every key's start and end exactly
        times.add(start)
        times.add(start + key.hold)
        start += key.hold + key.move
    return sorted(t for t in times if t < cycle)


def kind(channel: str) -> str:
    if channel.endswith((".x", ".y")):
        return "t"
    if channel.endswith((".sx", ".sy")):
        return "s"
    if channel.endswith(".o"):
        return "o"
    return "r"


@dataclass
class Track:
    """One animated CSS property of one group: keyframe times (0..1) and values."""

    times: list[float]
    values: list[tuple[float, ...]]


def _thin(times: list[float], values: list[tuple[float, ...]], tol: float) -> list[int]:
    """Indices to keep so that straight lines between them stay within tol of every sample."""
    keep = [0]
    anchor = 0
    n = len(times)
    j = 2
    while j < n:
        ok = True
        t0, t1 = times[anchor], times[j]
        for k in range(anchor + 1, j):
            u = (times[k] - t0) / (t1 - t0)
            for a, b, v in zip(values[anchor], values[j], values[k], strict=True):
                if abs(a + (b - a) * u - v) > tol:
                    ok = False
                    break
            if not ok:
                break
        if ok:
            j += 1
        else:
            keep.append(j - 1)
            anchor = j - 1
            j = anchor + 2
    keep.append(n - 1)
    return sorted(set(keep))


def _round(value: float, digits: int) -> float:
    r = round(value, digits)
    return 0.0 if r == 0 else r


@dataclass
class Animation:
    """The keyframes of a drawing, and the channels that never move."""

    cycle: float
    tracks: dict[tuple[str, str], Track]  # (group, property) -> track; property r, t or s
    static: dict[str, float]
    base: dict[str, float]  # what shows with animation off (the thumbnail key)


PROPERTY_CHANNELS = {
    "r": ("",),
    "t": (".x", ".y"),
    "s": (".sx", ".sy"),
    "o": (".o",),
}
DEFAULTS = {"": 0.0, ".x": 0.0, ".y": 0.0, ".sx": 1.0, ".sy": 1.0, ".o": 1.0}


def group_of(channel: str) -> tuple[str, str]:
    """A channel's (group, property): ``knee.x`` -> (knee, t)."""
    for prop, suffixes in PROPERTY_CHANNELS.items():
        for suffix in suffixes:
            if suffix and channel.endswith(suffix):
                return channel[: -len(suffix)], prop
    return channel, "r"


def sampled(drawing: Drawing) -> list[tuple[float, Pose]]:
    """The drawing's poses at the sample times (built once)."""
    if drawing._samples is None:
        drawing._samples = [
            (t, drawing.build(params_at(drawing, t)[0])) for t in sample_times(drawing)
        ]
    return drawing._samples


def animate(drawing: Drawing) -> Animation:
    samples = sampled(drawing)
    times = [t for t, _ in samples]
    cycle = drawing.cycle
    poses = [pose.ch for _, pose in samples]
    channels = sorted({name for pose in poses for name in pose})
    groups: dict[tuple[str, str], list[str]] = {}
    for name in channels:
        groups.setdefault(group_of(name), [])
    tracks: dict[tuple[str, str], Track] = {}
    static: dict[str, float] = {}
    base = drawing.key_pose(drawing.thumb).ch
    for (group, prop), _ in sorted(groups.items()):
        names = [group + suffix for suffix in PROPERTY_CHANNELS[prop]]
        series = [tuple(pose.get(n, DEFAULTS[n[len(group) :]]) for n in names) for pose in poses]
        series.append(series[0])  # the loop closes
        stamps = [t / cycle for t in times] + [1.0]
        tol = TOLERANCE[prop]
        spread = max(
            max(v[i] for v in series) - min(v[i] for v in series) for i in range(len(names))
        )
        if spread <= tol / 2:
            for i, n in enumerate(names):
                static[n] = series[0][i]
            continue
        keep = _thin(stamps, series, tol * 0.8)
        digits = DIGITS[prop]
        times_kept: list[float] = []
        values_kept: list[tuple[float, ...]] = []
        for i in keep:  # times to a tenth of a percent; a repeated time keeps the later value
            t = round(stamps[i], 3)
            if times_kept and times_kept[-1] == t:
                times_kept.pop()
                values_kept.pop()
            times_kept.append(t)
            values_kept.append(tuple(_round(v, digits) for v in series[i]))
        tracks[(group, prop)] = Track(times_kept, values_kept)
    return Animation(cycle, tracks, static, base)


def rendered(drawing: Drawing, animation: Animation, t: float) -> dict[str, float]:
    """The channel values on screen at time t: the browser's linear interpolation."""
    u = (t % animation.cycle) / animation.cycle
    out = dict(animation.static)
    for (group, prop), track in animation.tracks.items():
        names = [group + suffix for suffix in PROPERTY_CHANNELS[prop]]
        times, values = track.times, track.values
        for i in range(len(times) - 1):
            if times[i] <= u <= times[i + 1]:
                span = times[i + 1] - times[i]
                w = 0.0 if span == 0 else (u - times[i]) / span
                for k, n in enumerate(names):
                    out[n] = values[i][k] + (values[i + 1][k] - values[i][k]) * w
                break
    return out


def transitions(drawing: Drawing) -> Sequence[tuple[int, int]]:
    n = len(drawing.keys)
    return [(i, (i + 1) % n) for i in range(n)]
