"""SVG output: the animation, the key poses side by side, and the list thumbnail.

The figure is nested groups, one per joint, so a turn at the hip carries the knee and the
foot with it. An animated group turns (and, where needed, shifts or scales) with CSS
keyframes from the SVG's own <style>; a still group carries a plain transform attribute.
The drawings are shown through <img>, where nothing can run or load; the page's
<picture> swaps in the key poses side by side when the reader prefers reduced motion, and
the animation itself stops there too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from .animate import Animation, Drawing, animate, sampled
from .body import PAINT, Node, Shape, Skeleton
from .geometry import Affine, fmt, fmt2
from .kinematics import forward, shape_local
from .scene import Box, Floor, Prop

ASPECT = 4 / 3  # thumbnails: one shape for every card in a list
WIDEST, TALLEST = 2.0, 1.0  # the animation's frame: width over height, within these
OUTLINE = {"near", "arms", "legs"}  # layers drawn with a light edge
EDGE = ' stroke="#f4f8f9" stroke-width=".7" stroke-linejoin="round"'


def escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


# --- framing --------------------------------------------------------------------------------


def fit(box: Box, floor: bool, margin: float, widest: float, tallest: float) -> Box:
    """Grow ``box`` by a margin to a frame whose width over height is within [tallest,
    widest]. With a floor, extra height goes on top so the floor stays near the bottom."""
    pad = max(box.w, box.h) * margin + 2
    b = Box(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)
    if floor:
        b = Box(b.x0, min(-3.0, box.y0 - 3), b.x1, b.y1)
    if b.w / b.h < tallest:
        grow = b.h * tallest - b.w
        b = Box(b.x0 - grow / 2, b.y0, b.x1 + grow / 2, b.y1)
    elif b.w / b.h > widest:
        grow = b.w / widest - b.h
        if floor:
            b = Box(b.x0, b.y0, b.x1, b.y1 + grow)
        else:
            b = Box(b.x0, b.y0 - grow / 2, b.x1, b.y1 + grow / 2)
    return b


def figure_box(drawing: Drawing, channel_sets: Sequence[Mapping[str, float]]) -> Box:
    points: list[tuple[float, float]] = []
    for ch in channel_sets:
        points.extend(forward(drawing.skeleton, ch).body_points())
    box = Box.around(points)
    for prop in drawing.props:
        shown = prop.must_show()
        if shown is not None:
            box = box.union(shown)
    return box


def has_floor(drawing: Drawing) -> bool:
    return any(isinstance(p, Floor) for p in drawing.props)


def animation_frame(drawing: Drawing) -> Box:
    sets = [pose.ch for _, pose in sampled(drawing)]
    return fit(figure_box(drawing, sets), has_floor(drawing), 0.05, WIDEST, TALLEST)


def thumb_frame(drawing: Drawing) -> Box:
    pose = drawing.key_pose(drawing.thumb).ch
    return fit(figure_box(drawing, [pose]), has_floor(drawing), 0.03, ASPECT, ASPECT)


# --- the figure -----------------------------------------------------------------------------


@dataclass
class Style:
    """Class names for animated groups and the CSS that moves them."""

    animation: Animation | None
    names: dict[str, str]

    def name_for(self, group: str) -> str | None:
        return self.names.get(group)


NUMBER = re.compile(r"-?\d*\.?\d+")


def whole(text: str) -> str:
    """Numbers to whole units: a thumbnail is drawn at under one pixel per unit."""
    return NUMBER.sub(lambda m: fmt(round(float(m.group())) + 0.0), text)


class Paths:
    """Shape paths, each written once: a path drawn more than once (the same limb on the
    near and far side, the same body in several key poses) goes in <defs> and is used."""

    def __init__(self, coarse: bool = False) -> None:
        self.coarse = coarse
        self.counting = True
        self.counts: Counter[str] = Counter()
        self.ids: dict[str, str] = {}

    def draw(self, d: str, fill: str) -> str:
        if self.coarse:
            d = whole(d)
        if self.counting:
            self.counts[d] += 1
            return ""
        if self.counts[d] > 1:
            ref = self.ids.setdefault(d, f"s{len(self.ids)}")
            return f'<use href="#{ref}"{fill}/>'
        return f'<path d="{d}"{fill}/>'

    def defs(self) -> str:
        if not self.ids:
            return ""
        return (
            "<defs>" + "".join(f'<path id="{i}" d="{d}"/>' for d, i in self.ids.items()) + "</defs>"
        )


def _letters(i: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[i % 26] + ("" if i < 26 else letters[i // 26 - 1])


def _class_names(drawing: Drawing, animation: Animation) -> dict[str, str]:
    """One class per distinct motion: groups that move identically (the near and far leg
    kneeling side by side) share a class and its keyframes."""
    groups = sorted({group for group, _ in animation.tracks})
    base = {**animation.static, **animation.base}
    by_signature: dict[str, str] = {}
    names = {}
    for group in groups:
        node = drawing.skeleton.nodes.get(group)
        offsets = (node.at, node.rest) if node else (group,)
        tracks = sorted(
            (prop, tuple(t.times), tuple(t.values))
            for (g, prop), t in animation.tracks.items()
            if g == group
        )
        statics = tuple(
            sorted(
                (k[len(group) :], round(v, 2))
                for k, v in base.items()
                if k.startswith(group) and (k == group or k[len(group)] == ".")
            )
        )
        signature = repr((offsets, tracks, statics))
        if signature not in by_signature:
            by_signature[signature] = _letters(len(by_signature))
        names[group] = by_signature[signature]
    return names


def _node_values(node: Node, ch: Mapping[str, float]) -> tuple[float, float, float]:
    x = node.at[0] + ch.get(node.name + ".x", 0.0)
    y = node.at[1] + ch.get(node.name + ".y", 0.0)
    return x, y, node.rest + ch.get(node.name, 0.0)


def _static_transform(x: float, y: float, r: float, coarse: bool = False) -> str:
    if coarse:
        x, y, r = round(x), round(y), round(r)
    parts = []
    if fmt(x) != "0" or fmt(y) != "0":
        parts.append(f"translate({fmt(x)} {fmt(y)})" if fmt(y) != "0" else f"translate({fmt(x)})")
    if fmt(r) != "0":
        parts.append(f"rotate({fmt(r)})")
    return f' transform="{" ".join(parts)}"' if parts else ""


def _shape_transform(shape: Shape, ch: Mapping[str, float]) -> str:
    n = shape.name
    x, y = ch.get(n + ".x", 0.0), ch.get(n + ".y", 0.0)
    sx, sy = ch.get(n + ".sx", 1.0), ch.get(n + ".sy", 1.0)
    parts = []
    if fmt(x) != "0" or fmt(y) != "0":
        parts.append(f"translate({fmt(x)} {fmt(y)})")
    if fmt2(sx) != "1" or fmt2(sy) != "1":
        parts.append(f"scale({fmt2(sx)} {fmt2(sy)})")
    return f' transform="{" ".join(parts)}"' if parts else ""


def _hidden_twins(sk: Skeleton, ch: Mapping[str, float]) -> set[str]:
    """Far-side limbs exactly behind their near twins (hands and knees side by side): in
    a still picture they cannot be seen, so they are not drawn."""
    frame = forward(sk, ch)
    hidden = set()
    for name in sk.nodes:
        if not name.endswith("_far"):
            continue
        twin = name[: -len("_far")]
        a, b = frame.nodes[name], frame.nodes.get(twin)
        if b is None:
            continue
        if all(
            abs(x - y) < 0.05
            for x, y in zip((a.a, a.b, a.e, a.f), (b.a, b.b, b.e, b.f), strict=True)
        ):
            hidden.add(name)
    # A limb is hidden only when every segment below it is too.
    for name in reversed(list(sk.nodes)):  # from the hands and feet up
        if name not in hidden:
            continue
        below = [n for n in sk.nodes if sk.nodes[n].parent == name]
        if any(n not in hidden for n in below):
            hidden.discard(name)
    return hidden


def _path(shape: Shape, layer_paint: str, paths: Paths) -> str:
    fill = "" if shape.paint == layer_paint else f' fill="{PAINT[shape.paint]}"'
    return paths.draw(shape.path, fill)


def _shape_svg(
    shape: Shape, ch: Mapping[str, float], style: Style | None, paint: str, paths: Paths
) -> str:
    if not shape.name:
        return _path(shape, paint, paths)
    name = style.name_for(shape.name) if style else None
    if name:
        return f'<g class="{name}">{_path(shape, paint, paths)}</g>'
    if ch.get(shape.name + ".o", 1.0) < 0.5:
        return ""  # a cue that is not showing in this still
    attr = _shape_transform(shape, ch)
    return f"<g{attr}>{_path(shape, paint, paths)}</g>" if attr else _path(shape, paint, paths)


def _layer_svg(
    sk: Skeleton, layer: str, ch: Mapping[str, float], style: Style | None, paths: Paths
) -> str:
    wanted = {name for name, node in sk.nodes.items() if node.layer == layer and node.shapes}
    if style is None:
        wanted -= _hidden_twins(sk, ch)
    if not wanted:
        return ""
    keep: set[str] = set()
    for name in wanted:
        keep.update(n.name for n in sk.chain(name))
    children: dict[str | None, list[Node]] = {}
    for node in sk.nodes.values():
        if node.name in keep:
            children.setdefault(node.parent, []).append(node)
    # The layer's own fill is its commonest paint (ties by name: the same on every run).
    paints = Counter(s.paint for n in sk.nodes if n in wanted for s in sk.nodes[n].shapes)
    paint = min(paints, key=lambda name: (-paints[name], name))

    def emit(node: Node) -> Iterator[str]:
        name = style.name_for(node.name) if style else None
        if name:
            yield f'<g class="{name}">'
        else:
            yield f"<g{_static_transform(*_node_values(node, ch), coarse=paths.coarse)}>"
        if node.name in wanted:
            for shape in node.shapes:
                yield _shape_svg(shape, ch, style, paint, paths)
        for child in children.get(node.name, []):
            yield from emit(child)
        yield "</g>"

    edge = EDGE if layer in OUTLINE else ""
    body = "".join(part for root in children.get(None, []) for part in emit(root))
    return f'<g fill="{PAINT[paint]}"{edge}>{body}</g>'


def _props_svg(
    props: list[Prop], frame: Box, ch: Mapping[str, float], style: Style | None, front: bool
) -> str:
    out = []
    for prop in props:
        if prop.front != front or prop.after:
            continue
        if prop.name:
            name = style.name_for(prop.name) if style else None
            cx, cy = prop.center
            if name:
                out.append(f'<g class="{name}">{prop.svg(frame)}</g>')
            else:
                x = cx + ch.get(prop.name + ".x", 0.0)
                y = cy + ch.get(prop.name + ".y", 0.0)
                out.append(
                    f"<g{_static_transform(x, y, ch.get(prop.name, 0.0))}>{prop.svg(frame)}</g>"
                )
        else:
            out.append(prop.svg(frame))
    return "".join(out)


def scene_svg(
    drawing: Drawing, frame: Box, ch: Mapping[str, float], style: Style | None, paths: Paths
) -> str:
    sk = drawing.skeleton
    layers = drawing.layers or sk.layers
    parts = [_props_svg(drawing.props, frame, ch, style, front=False)]
    for layer in layers:
        parts.append(_layer_svg(sk, layer, ch, style, paths))
        parts.extend(p.svg(frame) for p in drawing.props if p.after == layer)
    parts.append(_props_svg(drawing.props, frame, ch, style, front=True))
    return "".join(parts)


def _two_pass(render: Callable[[Paths], str], coarse: bool = False) -> tuple[str, str]:
    """Render once to count the paths, then for real; returns (defs, body)."""
    paths = Paths(coarse)
    render(paths)
    paths.counting = False
    body = render(paths)
    return paths.defs(), body


# --- CSS ----------------------------------------------------------------------------------------


def _percent(u: float) -> str:
    text = f"{u * 100:.1f}".rstrip("0").rstrip(".")
    return (text or "0") + "%"


def _value(prop: str, values: tuple[float, ...], offset: tuple[float, ...]) -> str:
    if prop == "r":
        return f"rotate:{fmt(values[0] + offset[0])}deg"
    if prop == "t":
        return f"translate:{fmt(values[0] + offset[0])}px {fmt(values[1] + offset[1])}px"
    if prop == "s":
        return f"scale:{fmt2(values[0])} {fmt2(values[1])}"
    return f"opacity:{fmt2(values[0])}"


def css(drawing: Drawing, animation: Animation, names: dict[str, str]) -> str:
    sk = drawing.skeleton
    rules = [f"g{{animation:{fmt(animation.cycle)}s linear infinite}}"]
    frames: list[str] = []
    props_by_name = {p.name: p for p in drawing.props if p.name}
    base = {**animation.static, **animation.base}
    done: set[str] = set()
    for group, name in sorted(names.items(), key=lambda item: item[1]):
        if name in done:
            continue
        done.add(name)
        if group in sk.nodes:
            node = sk.nodes[group]
            t_off: tuple[float, ...] = node.at
            r_off: tuple[float, ...] = (node.rest,)
        elif group in props_by_name:
            t_off, r_off = props_by_name[group].center, (0.0,)
        else:  # a named shape
            t_off, r_off = (0.0, 0.0), (0.0,)
        offsets = {"r": r_off, "t": t_off, "s": (0.0, 0.0), "o": (0.0,)}
        decl = []
        for prop in ("t", "r", "s"):
            suffixes = {"t": (".x", ".y"), "r": ("",), "s": (".sx", ".sy")}[prop]
            values = tuple(base.get(group + s, 1.0 if prop == "s" else 0.0) for s in suffixes)
            if (
                prop == "s"
                and all(fmt2(v) == "1" for v in values)
                and (group, "s") not in animation.tracks
            ):
                continue
            if (
                prop != "s"
                and all(fmt(v + o) == "0" for v, o in zip(values, offsets[prop], strict=True))
                and (group, prop) not in animation.tracks
            ):
                continue
            decl.append(_value(prop, values, offsets[prop]))
        if (group, "o") in animation.tracks:
            decl.append(_value("o", (base.get(group + ".o", 1.0),), (0.0,)))
        decl.append(f"animation-name:{name}")
        rules.append(f".{name}{{{';'.join(decl)}}}")
        by_time: dict[float, list[str]] = {}
        for (g, prop), track in sorted(animation.tracks.items()):
            if g != group:
                continue
            for t, values in zip(track.times, track.values, strict=True):
                by_time.setdefault(t, []).append(_value(prop, values, offsets[prop]))
        steps = "".join(f"{_percent(t)}{{{';'.join(v)}}}" for t, v in sorted(by_time.items()))
        frames.append(f"@keyframes {name}{{{steps}}}")
    reduced = "@media (prefers-reduced-motion:reduce){g{animation:none!important}}"
    return "".join(rules) + "".join(frames) + reduced


# --- documents --------------------------------------------------------------------------------


def _open(frame: Box, width: float, sid: str, name: str, alt: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{fmt(frame.x0)} {fmt(-frame.y1)} '
        f'{fmt(width)} {fmt(frame.h)}" role="img" aria-labelledby="{sid}-t {sid}-d">'
        f'<title id="{sid}-t">{escape(name)}</title><desc id="{sid}-d">{escape(alt)}</desc>'
    )


def animated_svg(drawing: Drawing, name: str, alt: str) -> str:
    frame = animation_frame(drawing)
    animation = animate(drawing)
    names = _class_names(drawing, animation)
    style = Style(animation, names)
    base = {**animation.static, **animation.base}
    sid = "sw-" + drawing.id.replace("_", "-")
    defs, body = _two_pass(lambda paths: scene_svg(drawing, frame, base, style, paths))
    return (
        _open(frame, frame.w, sid, name, alt)
        + f"<style>{css(drawing, animation, names)}</style>{defs}"
        + f'<g transform="scale(1 -1)">{body}</g></svg>\n'
    )


def stills_svg(drawing: Drawing, name: str, alt: str) -> str:
    """The key poses side by side, each in the animation's own frame."""
    frame = animation_frame(drawing)
    gap = frame.w * 0.12
    count = len(drawing.stills)
    width = frame.w * count + gap * (count - 1)
    sid = "sw-" + drawing.id.replace("_", "-") + "-k"
    poses = [drawing.key_pose(key).ch for key in drawing.stills]

    def render(paths: Paths) -> str:
        return "".join(
            f'<g transform="translate({fmt(i * (frame.w + gap))})">'
            f"{scene_svg(drawing, frame, ch, None, paths)}</g>"
            for i, ch in enumerate(poses)
        )

    defs, body = _two_pass(render)
    cells = [body]
    for i in range(len(poses)):
        dx = i * (frame.w + gap)
        if i:
            # A chevron in the gap: the order to read the poses in.
            x = dx - gap / 2 + frame.x0
            y = frame.y0 + frame.h / 2
            s = gap * 0.2
            cells.append(
                f'<path d="M{fmt(x - s / 2)} {fmt(y + s)}L{fmt(x + s / 2)} {fmt(y)}'
                f'L{fmt(x - s / 2)} {fmt(y - s)}" fill="none" stroke="#5b6b70" '
                f'stroke-width="{fmt(max(1.2, s / 4))}" stroke-linecap="round" '
                f'stroke-linejoin="round"/>'
            )
    return (
        _open(frame, width, sid, name, alt)
        + f'{defs}<g transform="scale(1 -1)">{"".join(cells)}</g></svg>\n'
    )


def thumb_svg(drawing: Drawing, name: str, alt: str) -> str:
    """One still key pose, small: every shape moved into place and merged, one path per run
    of a colour, in whole units (a thumbnail is drawn at under a pixel per unit)."""
    frame = thumb_frame(drawing)
    ch = drawing.key_pose(drawing.thumb).ch
    sid = "sw-" + drawing.id.replace("_", "-") + "-s"
    return (
        _open(frame, frame.w, sid, name, alt)
        + f'<g transform="scale(1 -1)">{flat_scene(drawing, frame, ch)}</g></svg>\n'
    )


def flat_scene(drawing: Drawing, frame: Box, ch: Mapping[str, float]) -> str:
    sk = drawing.skeleton
    world = forward(sk, ch)
    hidden = _hidden_twins(sk, ch)
    parts = [_props_svg(drawing.props, frame, ch, None, front=False)]
    for layer in drawing.layers or sk.layers:
        runs: list[tuple[str, list[str]]] = []
        for node in sk.nodes.values():
            if node.layer != layer or node.name in hidden:
                continue
            for shape in node.shapes:
                if shape.name and ch.get(shape.name + ".o", 1.0) < 0.5:
                    continue
                m = world.nodes[node.name] @ shape_local(shape, ch)
                d = moved_path(shape, m)
                if runs and runs[-1][0] == shape.paint:
                    runs[-1][1].append(d)
                else:
                    runs.append((shape.paint, [d]))
        for paint, ds in runs:
            parts.append(f'<path fill="{PAINT[paint]}" d="{"".join(ds)}"/>')
        parts.extend(p.svg(frame) for p in drawing.props if p.after == layer)
    parts.append(_props_svg(drawing.props, frame, ch, None, front=True))
    return "".join(parts)


PATH_TOKEN = re.compile(r"[MLAaz]|-?\d*\.?\d+")


def moved_path(shape: Shape, m: Affine) -> str:
    """A shape's path moved by ``m``, in whole units. A rigid move keeps its arcs; a
    stretched shape (a foreshortened limb) becomes a polygon through its outline."""
    if abs(m.a * m.d - m.b * m.c - 1) > 1e-6 or abs(m.a * m.a + m.b * m.b - 1) > 1e-6:
        pts: list[tuple[int, int]] = []
        for p in shape.outline:
            x, y = m.apply(p)
            q = (round(x), round(y))
            if not pts or abs(q[0] - pts[-1][0]) + abs(q[1] - pts[-1][1]) >= 2:
                pts.append(q)  # whole units: neighbours closer than that add nothing
        return "M" + "L".join(f"{x} {y}" for x, y in pts) + "z"
    tokens = PATH_TOKEN.findall(shape.path)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        cmd = tokens[i]
        i += 1
        if cmd in "ML":
            x, y = m.apply((float(tokens[i]), float(tokens[i + 1])))
            out.append(f"{cmd}{round(x)} {round(y)}")
            i += 2
        elif cmd in "Aa":
            rx, _ry, rot, large, sweep = tokens[i : i + 5]  # circles: rx == ry
            px, py = float(tokens[i + 5]), float(tokens[i + 6])
            if cmd == "A":
                x, y = m.apply((px, py))
                end = f"{round(x)} {round(y)}"
            else:  # relative: turn the step, do not move it
                x, y = m.a * px + m.c * py, m.b * px + m.d * py
                end = f"{round(x)} {round(y)}"
            r = round(float(rx) * 2) / 2
            out.append(f"{cmd}{fmt(r)} {fmt(r)} {rot} {large} {sweep} {end}")
            i += 7
        else:
            out.append(cmd)
    return "".join(out)
