"""Chart data and accessible inline SVG, drawn server-side with no JavaScript.

Each chart is a plain-data function (what the bars are) and an SVG function (how they look).
The SVG has ``role="img"``, a ``<title>`` and ``<desc>`` naming what it shows and
``aria-labelledby`` pointing at them; every page that shows a chart also shows the same numbers
as a table, so nothing is only in the picture. Colours come with patterns of text (values are
written next to the bars), never colour alone.

- :func:`weekly_hours`: the 90-day plan's hours per week, split by strand, against the week's
  capacity (the person's hours);
- :func:`gap_bars`: each gap's priority (0-1);
- :func:`cause_bars`: the rut check's root-cause scores (0-100).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from unstuck.report.bars import Bar

#: Strand colours, chosen to be told apart in greyscale print too (light to dark alternating).
STRAND_COLOURS: dict[str, str] = {
    "learning": "#1f5f99",
    "reflection": "#9ecae1",
    "challenge": "#6a3d9a",
    "resume": "#fdbf6f",
    "networking": "#33a02c",
    "feedback": "#b2df8a",
    "experiment": "#e31a1c",
    "job_search": "#fb9a99",
    "self_care": "#cab2d6",
    "exit": "#444444",
}


def weekly_hours(plan: Mapping[str, Any]) -> dict[str, Any]:
    """Hours per week and strand from an action plan's ``to_dict()``.

    Returns ``{"strands": [(id, name)], "weeks": [{"week", "start", "capacity", "hours",
    "by_strand": {strand: hours}}]}``; strands are those with hours, in the plan's order.
    """
    names = {s["strand"]: s["name"] for s in plan["strands"]}
    used: list[str] = []
    weeks = []
    for w in plan["weeks"]:
        by: dict[str, float] = {}
        for t in w["tasks"]:
            if t["hours"] > 0:
                by[t["strand"]] = round(by.get(t["strand"], 0.0) + t["hours"], 2)
                if t["strand"] not in used:
                    used.append(t["strand"])
        weeks.append(
            {
                "week": w["week"],
                "start": w["start"],
                "capacity": w["capacity"],
                "hours": round(sum(by.values()), 2),
                "by_strand": by,
            }
        )
    order = [s["strand"] for s in plan["strands"]]
    used.sort(key=lambda s: order.index(s) if s in order else len(order))
    return {"strands": [(s, names.get(s, s)) for s in used], "weeks": weeks}


def _fmt(v: float) -> str:
    return f"{v:.1f}".removesuffix(".0")


def _open(uid: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{uid}-t {uid}-d" class="chart" '
        f'preserveAspectRatio="xMinYMin meet">',
        f'<title id="{uid}-t">{escape(title)}</title>',
        f'<desc id="{uid}-d">{escape(desc)}</desc>',
    ]


def hours_legend(data: Mapping[str, Any]) -> list[dict[str, str]]:
    """The strands of :func:`weekly_hours` with their colours, for a legend drawn as HTML
    (it reflows on a phone, where text inside a scaled-down SVG is too small to read)."""
    return [
        {"id": sid, "name": name, "colour": STRAND_COLOURS.get(sid, "#888")}
        for sid, name in data["strands"]
    ]


def weekly_hours_svg(data: Mapping[str, Any], uid: str = "hours", *, legend: bool = True) -> str:
    """Stacked bars, one per week, with a dashed line at each week's capacity; the legend
    inside the SVG unless ``legend`` is False (the page then shows :func:`hours_legend`)."""
    weeks = data["weeks"]
    strands: Sequence[tuple[str, str]] = data["strands"]
    width, left, top, bottom = 640, 40, 10, 40
    legend_rows = (len(strands) + 1) // 2 if legend else 0
    height = 220 + 18 * legend_rows
    plot_h = 220 - top - bottom
    top_value = float(max([w["capacity"] for w in weeks] + [w["hours"] for w in weeks] + [1.0]))
    n = max(1, len(weeks))
    slot = (width - left - 10) / n
    bar = slot * 0.7

    def y(v: float) -> float:
        return top + plot_h * (1 - v / top_value)

    total = sum(w["hours"] for w in weeks)
    desc = (
        f"{len(weeks)} weeks; {_fmt(total)} hours planned in all; the most in one week is "
        f"{_fmt(max((w['hours'] for w in weeks), default=0))} hours against a weekly limit of "
        f"{_fmt(max((w['capacity'] for w in weeks), default=0))}. The table below lists every "
        "week."
    )
    out = _open(uid, width, height, "Hours planned per week, by strand", desc)
    for tick in (0.0, top_value / 2, top_value):
        out.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            'stroke="#ddd" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{left - 4}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#333">{_fmt(tick)}</text>'
        )
    for i, w in enumerate(weeks):
        x = left + i * slot + (slot - bar) / 2
        base = 0.0
        for sid, name in strands:
            h = w["by_strand"].get(sid, 0.0)
            if h <= 0:
                continue
            out.append(
                f'<rect x="{x:.1f}" y="{y(base + h):.1f}" width="{bar:.1f}" '
                f'height="{y(base) - y(base + h):.1f}" fill="{STRAND_COLOURS.get(sid, "#888")}">'
                f"<title>Week {w['week']}: {escape(name)} {_fmt(h)} h</title></rect>"
            )
            base += h
        cy = y(w["capacity"])
        out.append(
            f'<line x1="{x - 2:.1f}" x2="{x + bar + 2:.1f}" y1="{cy:.1f}" y2="{cy:.1f}" '
            'stroke="#000" stroke-width="1.5" stroke-dasharray="3 2"/>'
        )
        out.append(
            f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 14}" text-anchor="middle" '
            f'font-size="11" fill="#333">{w["week"]}</text>'
        )
    out.append(
        f'<text x="{left}" y="{top + plot_h + 30}" font-size="11" fill="#333">'
        "Week (dashed line: your hours that week)</text>"
    )
    for j, (sid, name) in enumerate(strands if legend else ()):
        lx = left + (j % 2) * 300
        ly = 220 + 18 * (j // 2)
        out.append(
            f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" '
            f'fill="{STRAND_COLOURS.get(sid, "#888")}"/>'
        )
        out.append(f'<text x="{lx + 16}" y="{ly}" font-size="11" fill="#222">{escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)


def gap_bars(gaps: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One bar per gap: its name, kind and priority (0-1)."""
    return [{"label": g["name"], "kind": g["kind"], "value": float(g["priority"])} for g in gaps]


def cause_bars(causes: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One bar per scored root cause: its name, score (0-100) and likelihood."""
    return [
        {"label": c["name"], "value": float(c["score"]), "kind": c.get("likelihood", "")}
        for c in causes
        if c.get("score") is not None
    ]


def hbar_svg(
    bars: Sequence[Mapping[str, Any]],
    *,
    maximum: float,
    title: str,
    unit: str = "",
    uid: str = "bars",
    digits: int = 2,
) -> str:
    """Horizontal bars with the label above each bar and the value written after it; ``bars``
    are the report's data (``{"label", "value", "kind"}``), each read as a
    :class:`~unstuck.report.bars.Bar` on the scale 0 to ``maximum``."""
    # Narrower than the weekly chart so labels stay readable when a phone scales it down.
    width, row = 480, 34
    height = max(1, len(bars)) * row + 6
    shown = [Bar.from_dict(b, high=maximum) for b in bars]
    top_bar = max(shown, key=lambda b: b.value or 0.0, default=None)
    desc = f"{len(bars)} bars on a scale of 0 to {maximum:g}{unit}." + (
        f" The highest is {top_bar.label} at {top_bar.value:.{digits}f}{unit}."
        if top_bar
        else ""
    )
    out = _open(uid, width, height, title, desc)
    span = width - 80
    for i, b in enumerate(shown):
        y0 = i * row + 4
        w = span * (b.share or 0.0)
        out.append(
            f'<text x="0" y="{y0 + 11}" font-size="12" fill="#222">{escape(b.label)}'
            + (f" ({escape(b.kind)})" if b.kind else "")
            + "</text>"
        )
        out.append(
            f'<rect x="0" y="{y0 + 15}" width="{w:.1f}" height="12" fill="#1f5f99"/>'
            f'<text x="{w + 6:.1f}" y="{y0 + 26}" font-size="12" fill="#222">'
            f"{b.value:.{digits}f}{escape(unit)}</text>"
        )
    out.append("</svg>")
    return "".join(out)
