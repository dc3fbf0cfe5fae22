"""Turning results into what the results page shows: bars, plain words, traces.

The core returns numbers with their provenance; this module only arranges them for templates
(each bar a :class:`~unstuck.report.bars.Bar`, rounded labels) and builds the chart data that
the template embeds with ``json_script``. Every bar keeps the list of answers behind it, so the
page can show them.
"""

from __future__ import annotations

import math
from typing import Any

from unstuck.core.assess import (
    Comparison,
    InterestsResult,
    RutCheckResult,
    ValuesResult,
    WellbeingResult,
)
from unstuck.core.assess.instruments import ScoredItem
from unstuck.core.assess.interests import RIASEC
from unstuck.core.assess.rut import SEVERITY_BANDS, StrategyShare
from unstuck.report.bars import Bar


def bar(value: float | None, maximum: float = 100.0, text: str | None = None) -> Bar:
    """A result on 0-``maximum``, printed as ``text`` (default: the whole number); a value
    with too few answers is "not enough answers"."""
    return Bar(
        value,
        0.0,
        maximum,
        note=text or "not enough answers",
        words=text or (None if value is None else f"{value:.0f}"),
        digits=1,
    )


def answers(rows: tuple[ScoredItem, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": r.item_id,
            "text": r.text,
            "answer": r.raw,
            "label": r.label,
            "reverse": r.reverse,
            "keyed": r.keyed,
        }
        for r in rows
    ]


def rut(
    result: RutCheckResult, strategies: tuple[StrategyShare, ...] | None = None
) -> dict[str, Any]:
    """``strategies`` replaces the answers-only mix (e.g. one adjusted for constraints)."""
    sev = result.severity
    comps = sev.to_dict()["components"]
    subs = result.subscales
    return {
        "severity": round(sev.score),
        "severity_bar": bar(sev.score, text=f"{sev.score:.0f} of 100"),
        "band": sev.band,
        "bands": [
            {
                "name": b.name,
                "lower": b.lower,
                "upper": (SEVERITY_BANDS[i + 1].lower if i + 1 < len(SEVERITY_BANDS) else 100),
                "width": (SEVERITY_BANDS[i + 1].lower if i + 1 < len(SEVERITY_BANDS) else 100)
                - b.lower,
                "current": b == sev.band,
            }
            for i, b in enumerate(SEVERITY_BANDS)
        ],
        "marker_x": round(min(max(sev.score - 0.6, 0.0), 98.8), 2),
        "components": [
            {
                **c,
                "bar": bar(c["value"]),
                "answers": answers(subs[c["subscale"]].items),
                "effective_percent": round(100 * c["effective_weight"]),
            }
            for c in comps
        ],
        "causes": [
            {
                "rank": c.rank,
                "id": c.subscale_id,
                "name": c.name,
                "description": c.description,
                "likelihood": c.likelihood,
                "bar": bar(c.score),
                "score": round(c.score),
                "drivers": answers(c.drivers),
                "answers": answers(subs[c.subscale_id].items),
                "answered": c.answered,
                "total": c.total,
            }
            for c in result.causes
        ],
        "unscored_causes": [subs[sid].name for sid in result.unscored_causes],
        "strategies": [
            {
                "id": s.id,
                "name": s.name,
                "description": s.description,
                "share": s.share,
                "bar": bar(s.share, text=f"{s.share}%"),
                "reasons": [r.text for r in s.reasons],
            }
            for s in (strategies or result.strategies)
        ],
        "adjusted": strategies is not None and strategies != result.strategies,
        "coverage": result.coverage,
        "care": result.care,
    }


def interests(result: InterestsResult) -> dict[str, Any]:
    descriptions = {letter: desc for letter, _, _, desc in RIASEC}
    return {
        "code": result.code,
        "code_names": [t.name for t in result.types if t.letter in result.code],
        "code_letters": [{"letter": c, "name": result.by_letter()[c].name} for c in result.code],
        "flat": result.flat,
        "ties": [" and ".join(t) for t in result.ties],
        "types": [
            {
                "letter": t.letter,
                "name": t.name,
                "description": descriptions[t.letter],
                "bar": bar(t.score),
                "oi": None if t.oi is None else round(t.oi, 1),
                "answers": answers(t.detail.items),
                "answered": t.detail.answered,
                "total": t.detail.total,
            }
            for t in result.types
        ],
        "coverage": result.coverage,
    }


def radar(result: InterestsResult) -> dict[str, Any]:
    """An inline-SVG hexagon for the RIASEC profile (viewBox 0–100, centre 50,50)."""

    def point(i: int, r: float) -> tuple[float, float]:
        angle = math.radians(-90 + 60 * i)
        return round(50 + r * math.cos(angle), 2), round(50 + r * math.sin(angle), 2)

    radius = 38.0
    points = []
    shape = []
    for i, t in enumerate(result.types):
        value = t.score or 0.0
        x, y = point(i, radius * value / 100)
        shape.append(f"{x},{y}")
        ax, ay = point(i, radius)
        tx, ty = point(i, radius + 7)
        points.append(
            {
                "letter": t.letter,
                "name": t.name,
                "label": "not scored" if t.score is None else f"{t.score:.0f}",
                "axis_x": ax,
                "axis_y": ay,
                "text_x": tx,
                "text_y": ty,
            }
        )
    rings = [
        " ".join("{},{}".format(*point(i, radius * f)) for i in range(6))
        for f in (0.25, 0.5, 0.75, 1.0)
    ]
    return {"points": points, "shape": " ".join(shape), "rings": rings}


def values(result: ValuesResult) -> dict[str, Any]:
    return {
        "ranked": result.ranked,
        "top": [v.name for v in result.top()],
        "values": [
            {
                "id": v.id,
                "name": v.name,
                "bar": bar(v.score),
                "ex": None if v.ex is None else round(v.ex, 1),
                "rank": v.rank,
                "rating": None if v.rating is None else round(100 * v.rating),
                "answers": answers(v.detail.items),
                "answered": v.detail.answered,
                "total": v.detail.total,
            }
            for v in sorted(result.values, key=lambda v: -(v.combined or -1.0))
        ],
        "coverage": result.coverage,
    }


def wellbeing(result: WellbeingResult) -> dict[str, Any]:
    return {
        "score": round(result.score),
        "bar": bar(result.score),
        "band": result.band.name,
        "answers": answers(result.detail.items),
        "coverage": result.coverage,
        "care": result.care,
    }


def comparison(c: Comparison | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "moved": [
            {
                "label": ch.label,
                "before": None if ch.before is None else round(ch.before),
                "after": None if ch.after is None else round(ch.after),
                "delta": None if ch.delta is None else round(ch.delta),
                "direction": ch.direction,
            }
            for ch in c.moved
        ],
        "highlights": [
            {"label": h.label, "before": h.before, "after": h.after} for h in c.highlights
        ],
        "notes": list(c.notes),
    }


def chart_data(results: dict[str, Any]) -> dict[str, Any]:
    """Plain numbers for the page's charts, embedded with ``json_script``."""
    out: dict[str, Any] = {}
    if "rut" in results:
        r = results["rut"]
        out["severity"] = r["severity"]
        out["root_causes"] = {c["id"]: c["score"] for c in r["causes"]}
        out["strategy_mix"] = {s["id"]: s["share"] for s in r["strategies"]}
    if "interests" in results:
        out["riasec"] = {
            t["letter"]: t["bar"].percent
            for t in results["interests"]["types"]
        }
    if "values" in results:
        out["values"] = {v["id"]: v["ex"] for v in results["values"]["values"]}
    if "wellbeing" in results:
        out["wellbeing"] = results["wellbeing"]["score"]
    return out
