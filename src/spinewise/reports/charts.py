"""Progress charts drawn on the server: SVG strings for the web and PDF, text for the CLI.

Every SVG is self-contained and safe to inline under a strict CSP: ``role="img"`` with a
``<title>`` and a ``<desc>`` that says the numbers in words, a viewBox (it scales to the
width of a phone), presentation attributes and classes only (no ``style``), no scripts,
no event handlers, no external references. Colours are dark enough on white to print and
to pass WCAG contrast (text 4.5:1, lines 3:1). Text comes only from numbers and dates,
never from notes, and is escaped all the same.

Class names (``sw-chart``, ``sw-grid``, ``sw-daily``, ``sw-mean``, ``sw-target``...) let a
stylesheet restyle the charts, e.g. for dark mode.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from xml.sax.saxutils import escape, quoteattr

from spinewise.core.journal import PSFS_MEAN_CHANGE
from spinewise.core.personal_outcomes import PersonalOutcomes
from spinewise.core.progress import (
    PainPoint,
    PsfsPoint,
    WeekAdherence,
    downsample,
    fmt,
    needed_change,
    resolution_for,
)
from spinewise.core.wording import counted

WIDTH, HEIGHT = 400, 240
FONT = "Helvetica, Arial, sans-serif"
INK = "#1f2937"  # text: 14.7:1 on white
MUTED = "#4b5563"  # axis labels: 7.6:1
GRID = "#e5e7eb"
DAILY = "#64748b"  # daily dots: 4.8:1
MEAN = "#1d4ed8"  # mean line and done bars: 6.7:1
TARGET = "#047857"  # meaningful-change line: 5.5:1
BASELINE = "#6b7280"
PLANNED = "#cbd5e1"

MAX_CHART_POINTS = 120
BLOCKS = " ▁▂▃▄▅▆▇█"


# --- SVG building blocks -------------------------------------------------------------------------


def _attrs(**values: object) -> str:
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        parts.append(f"{name.rstrip('_').replace('_', '-')}={quoteattr(str(value))}")
    return " ".join(parts)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, content: str, **extra: object) -> str:
    attrs = {"x": _n(x), "y": _n(y), "fill": MUTED, "font_size": 12, **extra}
    return f"<text {_attrs(**attrs)}>{escape(content)}</text>"


def _label(x: float, y: float, content: str, fill: str, anchor: str = "start") -> str:
    """A small label on a white backing, so it stays readable over dots and lines."""
    width = 5.6 * len(content) + 6
    left = {"start": x - 3, "middle": x - width / 2, "end": x - width + 3}[anchor]
    backing = (
        f'<rect x="{_n(left)}" y="{_n(y - 10)}" width="{_n(width)}" height="14" rx="2" '
        'fill="#ffffff" fill-opacity="0.9"/>'
    )
    return backing + _text(x, y, content, fill=fill, font_size=11, text_anchor=anchor)


def _line(x1: float, y1: float, x2: float, y2: float, **extra: object) -> str:
    return f"<line {_attrs(x1=_n(x1), y1=_n(y1), x2=_n(x2), y2=_n(y2), **extra)}/>"


def _target_line(plot: _Plot, y: float) -> str:
    """The dashed line where a meaningful change begins."""
    return _line(
        plot.left, y, plot.right, y,
        stroke=TARGET, stroke_width=2, stroke_dasharray="6 4", class_="sw-target",
    )  # fmt: skip


def _svg(prefix: str, title: str, desc: str, body: list[str], height: int = HEIGHT) -> str:
    head = _attrs(
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {WIDTH} {height}",
        role="img",
        aria_labelledby=f"{prefix}-title {prefix}-desc",
        class_=f"sw-chart {prefix}",
        font_family=FONT,
        preserveAspectRatio="xMidYMid meet",
    )
    return "\n".join(
        [
            f"<svg {head}>",
            f'<title id="{escape(prefix)}-title">{escape(title)}</title>',
            f'<desc id="{escape(prefix)}-desc">{escape(desc)}</desc>',
            f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
            *body,
            "</svg>",
        ]
    )


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _tick_label(day: date, span_days: int) -> str:
    return f"{day.day} {day:%b}" if span_days <= 366 else f"{day:%b %Y}"


class _Plot:
    """The plot area inside the axes, with scales for value (0-top) and x."""

    def __init__(self, left: float, top: float, right: float, bottom: float, top_value: float):
        self.left, self.top, self.right, self.bottom = left, top, right, bottom
        self.top_value = top_value

    @property
    def width(self) -> float:
        return self.right - self.left

    def y(self, value: float) -> float:
        clamped = max(0.0, min(self.top_value, value))
        return self.bottom - clamped / self.top_value * (self.bottom - self.top)

    def y_axis(self, step: float, label_every: int = 1) -> list[str]:
        out = []
        ticks = round(self.top_value / step)
        for index in range(ticks + 1):
            value = index * step
            y = self.y(value)
            out.append(_line(self.left, y, self.right, y, stroke=GRID, class_="sw-grid"))
            if index % label_every == 0:
                out.append(_text(self.left - 6, y + 4, _n(value), text_anchor="end"))
        return out


# --- Pain -------------------------------------------------------------------------------------


def _pain_desc(points: Sequence[PainPoint], baseline: float | None, resolution: str) -> str:
    if not points:
        return "No check-ins yet, so there is no pain trend to show."
    first, last = points[0], points[-1]
    span = (last.day - first.day).days + 1
    start = baseline if baseline is not None else first.pain
    now = last.mean7 if last.mean7 is not None else last.pain
    change = now - start
    move = "stayed at" if abs(change) < 0.05 else "fell from" if change < 0 else "rose from"
    head = (
        f"Pain {move} {fmt(start)} to {fmt(now)} over {span} day{'s' if span != 1 else ''}"
        if move != "stayed at"
        else f"Pain stayed at {fmt(now)} over {span} day{'s' if span != 1 else ''}"
    )
    where = "at the start" if baseline is not None else "on the first day"
    parts = [
        f"{head} ({_long_date(first.day)} to {_long_date(last.day)}), on a scale of 0 (no pain) "
        f"to 10 (worst possible): {fmt(start)} {where}, a 7-day average of {fmt(now)} now.",
    ]
    if resolution != "daily":
        parts.append(f"Shown as {resolution} averages.")
    if baseline is not None:
        target = baseline - needed_change(baseline)
        if target >= 0:
            parts.append(
                f"A meaningful improvement from {fmt(baseline)} means {fmt(target)} or below "
                "(at least 2 points and 30% less); the dashed line marks it."
            )
    lowest = min(points, key=lambda p: p.pain)
    highest = max(points, key=lambda p: p.pain)
    parts.append(
        f"Lowest {fmt(lowest.pain)} on {_long_date(lowest.day)}, highest {fmt(highest.pain)} "
        f"on {_long_date(highest.day)}."
    )
    return " ".join(parts)


def _date_ticks(first: date, last: date, count: int = 5) -> list[date]:
    span = (last - first).days
    if span == 0:
        return [first]
    count = min(count, span + 1)
    return list(
        dict.fromkeys(first + timedelta(days=round(span * i / (count - 1))) for i in range(count))
    )


def _legend(x: float, y: float, items: list[tuple[str, str]]) -> list[str]:
    """Legend entries: (kind, label) with kind in dot, line, dash, dot-line, bar, bar-light."""
    out = []
    for kind, label in items:
        if kind == "dot":
            out.append(f'<circle cx="{_n(x + 6)}" cy="{_n(y - 4)}" r="3" fill="{DAILY}"/>')
        elif kind == "line":
            out.append(_line(x, y - 4, x + 14, y - 4, stroke=MEAN, stroke_width=2.5))
        elif kind == "dash":
            out.append(
                _line(
                    x, y - 4, x + 14, y - 4, stroke=TARGET, stroke_width=2, stroke_dasharray="4 3"
                )
            )
        elif kind == "bar":
            out.append(
                f'<rect x="{_n(x + 2)}" y="{_n(y - 10)}" width="10" height="10" fill="{MEAN}"/>'
            )
        else:
            out.append(
                f'<rect x="{_n(x + 2)}" y="{_n(y - 10)}" width="10" height="10" '
                f'fill="{PLANNED}" stroke="{DAILY}"/>'
            )
        out.append(_text(x + 18, y, label, fill=INK))
        x += 18 + 6.2 * len(label) + 14
    return out


def pain_chart(
    series: Sequence[PainPoint],
    baseline: float | None,
    *,
    id_prefix: str = "pain-chart",
    title: str = "Pain over time",
) -> str:
    """Daily pain (dots), its 7-day mean (line), axes 0-10 and dated, and a dashed line
    where a meaningful improvement from ``baseline`` begins (max(2 points, 30%) below it).

    Long series are downsampled first (``progress.downsample``), so the cost stays flat.
    """
    points = downsample(series, MAX_CHART_POINTS) if series else []
    resolution = resolution_for(list(series), MAX_CHART_POINTS).label if series else "daily"
    plot = _Plot(left=30, top=48, right=WIDTH - 12, bottom=HEIGHT - 30, top_value=10)
    body = plot.y_axis(2)
    body.append(_text(4, 36, "Pain (0-10)", fill=INK, font_size=11))
    average = "7-day average" if resolution == "daily" else f"{resolution.capitalize()} mean"
    legend = [("dot", "Daily pain" if resolution == "daily" else "Average pain"), ("line", average)]
    if not points:
        body.append(_empty_note(plot, "No check-ins yet"))
        return _svg(id_prefix, title, _pain_desc(points, baseline, resolution), body)
    first, last = points[0].day, points[-1].day
    span = (last - first).days
    labels: list[str] = []

    def x(day: date) -> float:
        if span == 0:
            return (plot.left + plot.right) / 2
        return plot.left + 6 + (day - first).days / span * (plot.width - 12)

    for tick in _date_ticks(first, last):
        anchor = "start" if tick == first and span else "end" if tick == last and span else "middle"
        tx = x(tick)
        body.append(_line(tx, plot.bottom, tx, plot.bottom + 4, stroke=MUTED))
        body.append(_text(tx, plot.bottom + 17, _tick_label(tick, span), text_anchor=anchor))
    body.append(_line(plot.left, plot.bottom, plot.right, plot.bottom, stroke=MUTED))
    if baseline is not None:
        by = plot.y(baseline)
        body.append(
            _line(
                plot.left,
                by,
                plot.right,
                by,
                stroke=BASELINE,
                stroke_width=1,
                stroke_dasharray="1 3",
                class_="sw-baseline",
            )
        )
        labels.append(_label(plot.left + 4, by - 4, f"Start {fmt(baseline)}", MUTED))
        target = baseline - needed_change(baseline)
        if target >= 0:
            ty = plot.y(target)
            body.append(_target_line(plot, ty))
            labels.append(
                _label(plot.left + 4, ty + 14, f"Meaningful: {fmt(target)} or below", TARGET)
            )
            legend.append(("dash", "Meaningful change"))
    radius = 3 if len(points) <= 60 else 2.2  # labels go last, over the dots
    dots = "".join(
        f'<circle cx="{_n(x(p.day))}" cy="{_n(plot.y(p.pain))}" r="{radius}"/>' for p in points
    )
    body.append(f'<g class="sw-daily" fill="{DAILY}">{dots}</g>')
    means = [p for p in points if p.mean7 is not None]
    if means:
        path = " ".join(f"{_n(x(p.day))},{_n(plot.y(p.mean7 or 0))}" for p in means)
        body.append(
            f'<polyline class="sw-mean" points="{path}" fill="none" stroke="{MEAN}" '
            'stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>'
        )
    body.extend(labels)
    body.extend(_legend(plot.left, 16, legend))
    return _svg(id_prefix, title, _pain_desc(points, baseline, resolution), body)


# --- Adherence -----------------------------------------------------------------------------------


def _adherence_desc(weeks: Sequence[WeekAdherence]) -> str:
    if not weeks:
        return "No programme weeks have started yet, so there are no sessions to count."
    each = "; ".join(f"week {w.number}, {w.done} of {w.planned}" for w in weeks)
    done = sum(w.done for w in weeks)
    planned = sum(w.planned for w in weeks)
    share = f" ({round(100 * done / planned)}%)" if planned else ""
    return (
        f"Exercise sessions done against planned each week: {each}. "
        f"In total {done} of {planned}{share}."
    )


def adherence_chart(
    weeks: Sequence[WeekAdherence],
    *,
    id_prefix: str = "adherence-chart",
    title: str = "Sessions done each week",
) -> str:
    """Per week, a light bar for the sessions planned beside a dark one for those done."""
    top = max([5, *(w.planned for w in weeks), *(w.done for w in weeks)]) + 1
    step = 1 if top <= 7 else 2 if top <= 14 else 5
    top = step * -(-top // step)
    plot = _Plot(left=30, top=48, right=WIDTH - 12, bottom=HEIGHT - 30, top_value=top)
    body = plot.y_axis(step)
    body.append(_text(4, 36, "Sessions", fill=INK, font_size=11))
    body.append(_line(plot.left, plot.bottom, plot.right, plot.bottom, stroke=MUTED))
    if not weeks:
        body.append(_empty_note(plot, "No programme weeks yet"))
    slot = plot.width / max(len(weeks), 1)
    bar = min(22.0, slot * 0.36)
    for index, week in enumerate(weeks):
        centre = plot.left + slot * (index + 0.5)
        planned_y, done_y = plot.y(week.planned), plot.y(week.done)
        body.append(
            f'<rect class="sw-planned" x="{_n(centre - bar - 1)}" y="{_n(planned_y)}" '
            f'width="{_n(bar)}" height="{_n(plot.bottom - planned_y)}" fill="{PLANNED}" '
            f'stroke="{DAILY}" stroke-width="1"/>'
        )
        body.append(
            f'<rect class="sw-done" x="{_n(centre + 1)}" y="{_n(done_y)}" width="{_n(bar)}" '
            f'height="{_n(plot.bottom - done_y)}" fill="{MEAN}"/>'
        )
        body.append(
            _text(
                centre,
                min(planned_y, done_y) - 5,
                f"{week.done}/{week.planned}",
                text_anchor="middle",
                fill=INK,
                font_size=11,
            )
        )
        label = f"Week {week.number}" if len(weeks) <= 8 else str(week.number)
        body.append(_text(centre, plot.bottom + 17, label, text_anchor="middle"))
    body.extend(_legend(plot.left, 16, [("bar-light", "Planned"), ("bar", "Done")]))
    return _svg(id_prefix, title, _adherence_desc(weeks), body)


# --- PSFS ----------------------------------------------------------------------------------------


def _psfs_desc(points: Sequence[PsfsPoint]) -> str:
    scale = 'Patient-Specific Functional Scale average, 0 "unable" to 10 "as before"'
    if not points:
        return f"No ratings yet on the {scale}."
    values = "; ".join(f"week {p.week}, {fmt(p.mean)}" for p in points)
    first, last = points[0], points[-1]
    if len(points) == 1:
        return f"{scale}: {values}."
    change = last.mean - first.mean
    move = "stayed at" if abs(change) < 0.05 else "rose" if change > 0 else "fell"
    real = (
        "a real change (2 points or more)"
        if abs(change) >= PSFS_MEAN_CHANGE - 1e-9
        else "less than the 2 points that count as a real change"
    )
    if move == "stayed at":
        head = f"Function stayed at {fmt(last.mean)} from week {first.week} to week {last.week}"
    else:
        head = (
            f"Function {move} from {fmt(first.mean)} in week {first.week} to {fmt(last.mean)} "
            f"in week {last.week}: {counted(abs(change), 'point')}, {real}"
        )
    return f"{head}. {scale}: {values}."


MAX_WEEK_LABELS = 12


def _empty_note(plot: _Plot, message: str) -> str:
    """The words in the middle of a chart that has nothing to draw yet."""
    return _text(
        (plot.left + plot.right) / 2,
        (plot.top + plot.bottom) / 2,
        message,
        text_anchor="middle",
        fill=INK,
        font_size=14,
    )


def _weekly_scale(
    y_label: str, weeks: Sequence[int]
) -> tuple[_Plot, list[str], Callable[[int], float]]:
    """A 0-10 chart over programme weeks: the plot, its axes and week labels, and the x of a
    week's centre. At least six weeks are shown, and at most about a dozen labels however
    long the history, so the drawing stays small."""
    plot = _Plot(left=30, top=48, right=WIDTH - 12, bottom=HEIGHT - 30, top_value=10)
    body = plot.y_axis(2)
    body.append(_text(4, 36, y_label, fill=INK, font_size=11))
    body.append(_line(plot.left, plot.bottom, plot.right, plot.bottom, stroke=MUTED))
    last_week = max([6, *weeks])
    slot = plot.width / last_week

    def x(week: int) -> float:
        return plot.left + slot * (week - 0.5)

    step = max(1, math.ceil(last_week / MAX_WEEK_LABELS))
    for week in range(1, last_week + 1, step):
        label = f"Week {week}" if last_week <= 8 else str(week)
        body.append(_text(x(week), plot.bottom + 17, label, text_anchor="middle"))
    return plot, body, x


def psfs_chart(
    by_week: Sequence[PsfsPoint],
    *,
    id_prefix: str = "psfs-chart",
    title: str = "Function: your chosen activities",
) -> str:
    """The PSFS average (0-10) per week as a line with labelled dots."""
    plot, body, x = _weekly_scale("Ability (0-10)", [p.week for p in by_week])
    if not by_week:
        body.append(_empty_note(plot, "No ratings yet"))
    else:
        first = by_week[0]
        target = first.mean + PSFS_MEAN_CHANGE
        if len(by_week) > 1 and target <= 10:
            ty = plot.y(target)
            body.append(_target_line(plot, ty))
            body.append(
                _label(plot.left + 4, ty - 5, f"Real change: {fmt(target)} or above", TARGET)
            )
        path = " ".join(f"{_n(x(p.week))},{_n(plot.y(p.mean))}" for p in by_week)
        body.append(
            f'<polyline class="sw-mean" points="{path}" fill="none" stroke="{MEAN}" '
            'stroke-width="2.5" stroke-linejoin="round"/>'
        )
        for p in by_week:
            px, py = x(p.week), plot.y(p.mean)
            body.append(
                f'<circle class="sw-psfs" cx="{_n(px)}" cy="{_n(py)}" r="4" fill="{MEAN}"/>'
            )
            body.append(
                _text(px, py - 9, fmt(p.mean), text_anchor="middle", fill=INK, font_size=11)
            )
    legend = [("line", "Average of your activities")]
    if len(by_week) > 1 and by_week[0].mean + PSFS_MEAN_CHANGE <= 10:
        legend.append(("dash", "Real change"))
    body.extend(_legend(plot.left, 16, legend))
    return _svg(id_prefix, title, _psfs_desc(by_week), body)


# --- Terminal ------------------------------------------------------------------------------------


def _interference_desc(outcomes: PersonalOutcomes) -> str:
    measure = outcomes.measure("pain_interference")
    scale = "Pain interference, the average of three answers from 0 to 10 (lower is better)"
    if not measure.points:
        return f"No ratings yet. {scale}."
    values = "; ".join(f"week {p.week}, {fmt(p.value)}" for p in measure.points)
    head = f"{measure.change.verdict} " if measure.change else ""
    return f"{head}{scale}: {values}."


def outcomes_chart(
    outcomes: PersonalOutcomes,
    *,
    id_prefix: str = "outcomes-chart",
    title: str = "How much pain got in your way, week by week",
) -> str:
    """The weekly pain-interference average (0-10) as a line with labelled dots, and the
    dashed line where a meaningful improvement from the first week begins."""
    measure = outcomes.measure("pain_interference")
    points = measure.points
    plot, body, x = _weekly_scale("Interference (0-10)", [p.week for p in points])
    legend = [("line", "Your weekly average")]
    if not points:
        body.append(_empty_note(plot, "No ratings yet"))
    else:
        target = points[0].value - needed_change(points[0].value)
        if len(points) > 1 and target >= 0:
            ty = plot.y(target)
            body.append(_target_line(plot, ty))
            body.append(
                _label(plot.left + 4, ty + 14, f"Meaningful: {fmt(target)} or below", TARGET)
            )
            legend.append(("dash", "Meaningful change"))
        path = " ".join(f"{_n(x(p.week))},{_n(plot.y(p.value))}" for p in points)
        body.append(
            f'<polyline class="sw-mean" points="{path}" fill="none" stroke="{MEAN}" '
            'stroke-width="2.5" stroke-linejoin="round"/>'
        )
        for p in points:
            px, py = x(p.week), plot.y(p.value)
            body.append(
                f'<circle class="sw-interference" cx="{_n(px)}" cy="{_n(py)}" r="4" fill="{MEAN}"/>'
            )
            body.append(
                _text(px, py - 9, fmt(p.value), text_anchor="middle", fill=INK, font_size=11)
            )
    body.extend(_legend(plot.left, 16, legend))
    return _svg(id_prefix, title, _interference_desc(outcomes), body)


def terminal_chart(series: Sequence[PainPoint], width: int = 60, height: int = 10) -> str:
    """Pain as a block-character bar chart for the terminal, 0-10, dated underneath.

    Each column is the mean pain of an equal slice of the time span (days without an
    entry are blank, a 0 shows as the lowest block); the height is in eighths of a row.
    """
    if width < 2 or height < 1:
        raise ValueError("width must be at least 2 and height at least 1")
    if not series:
        return "No check-ins yet."
    first, last = series[0].day, series[-1].day
    span = (last - first).days + 1
    columns = min(width, span)
    sums = [0.0] * columns
    counts = [0] * columns
    for point in series:
        column = min(columns - 1, (point.day - first).days * columns // span)
        sums[column] += point.pain
        counts[column] += 1
    values = [s / c if c else None for s, c in zip(sums, counts, strict=True)]
    rows = []
    for row in range(height, 0, -1):
        cells = []
        for value in values:
            if value is None:
                cells.append(" ")
                continue
            eighths = round(value / 10 * height * 8) - (row - 1) * 8
            if row == 1:
                eighths = max(1, eighths)  # a day rated 0 still shows it was logged
            cells.append(BLOCKS[max(0, min(8, eighths))])
        if row == height:
            label = "10"
        elif row == 1:
            label = " 0"
        elif row == (height + 1) // 2:
            label = f"{10 * row / height:>2.0f}"
        else:
            label = "  "
        rows.append(f"{label} ┤{''.join(cells).rstrip()}")
    rows.append("   └" + "─" * columns)
    left, right = first.isoformat(), last.isoformat()
    gap = columns - len(left) - len(right)
    rows.append("    " + (left + " " * gap + right if gap >= 1 else left))
    return "\n".join(rows)
