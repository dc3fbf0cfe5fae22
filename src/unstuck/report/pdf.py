"""The career restart plan as a PDF, drawn with reportlab from the report's plain data.

reportlab is pure Python wheels (no system libraries), so the PDF works wherever ``pip install``
does. The document follows the HTML report section by section, from the same dict
(:func:`unstuck.report.data.report_data`), and draws the same charts as vector graphics
(:mod:`reportlab.graphics`), each followed by its table. The standard PDF fonts cover Western
European text; characters outside it print as reportlab's fallback glyph.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from unstuck.report.bars import Bar
from unstuck.report.charts import STRAND_COLOURS

#: Paper sizes by name: US Letter for the US (the default: unstuck's wage and outlook data are
#: the US BLS's), A4 elsewhere (``UNSTUCK_PAPER=a4``). The text block fits both.
PAPER = {"letter": LETTER, "a4": A4}
WIDTH = min(A4[0], LETTER[0]) - 36 * mm
UNKNOWN = "<i>unknown</i>"


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontSize=9.5, leading=12.5)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=18, leading=22),
        "h2": ParagraphStyle(
            "h2", parent=base["Heading2"], fontSize=13, spaceBefore=10, textColor="#1f5f99"
        ),
        "h3": ParagraphStyle("h3", parent=base["Heading3"], fontSize=11, spaceBefore=8),
        "body": body,
        "muted": ParagraphStyle("muted", parent=body, textColor="#4b5563", fontSize=8.5),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
    }


S = _styles()


def _p(text: Any, style: str = "body") -> Paragraph:
    return Paragraph(escape(str(text)), S[style])


def _raw(markup: str, style: str = "body") -> Paragraph:
    return Paragraph(markup, S[style])


def _num(v: Any, unknown: str = UNKNOWN) -> str:
    if v is None:
        return unknown
    if isinstance(v, float):
        return f"{v:.1f}".removesuffix(".0")
    return escape(str(v))


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Table:
    def cell(v: Any) -> Paragraph:
        return v if isinstance(v, Paragraph) else _p(v, "cell")

    data = [[_raw(f"<b>{escape(h)}</b>", "cell") for h in header]]
    data += [[cell(v) for v in row] for row in rows]
    t = Table(data, colWidths=[w * WIDTH for w in widths], repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#d6dae0")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f5f8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


def hours_drawing(data: Mapping[str, Any]) -> Drawing:
    """Stacked weekly hours by strand with a dashed capacity mark (as the SVG chart)."""
    weeks = data["weeks"]
    strands = data["strands"]
    w, h, left, bottom = WIDTH, 170.0, 28.0, 40.0
    legend = 14.0 * ((len(strands) + 2) // 3)
    d = Drawing(w, h + legend)
    top_value = float(max([x["capacity"] for x in weeks] + [x["hours"] for x in weeks] + [1.0]))
    plot_h = h - bottom - 10
    n = max(1, len(weeks))
    slot = (w - left - 4) / n
    bar = slot * 0.7
    y0 = legend + bottom

    def y(v: float) -> float:
        return y0 + plot_h * v / top_value

    for tick in (0.0, top_value / 2, top_value):
        d.add(Line(left, y(tick), w - 4, y(tick), strokeColor=colors.HexColor("#dddddd")))
        d.add(String(left - 3, y(tick) - 3, _num(float(tick)), fontSize=7, textAnchor="end"))
    for i, wk in enumerate(weeks):
        x = left + i * slot + (slot - bar) / 2
        base = 0.0
        for sid, _name in strands:
            v = wk["by_strand"].get(sid, 0.0)
            if v <= 0:
                continue
            d.add(
                Rect(
                    x,
                    y(base),
                    bar,
                    y(base + v) - y(base),
                    fillColor=colors.HexColor(STRAND_COLOURS.get(sid, "#888888")),
                    strokeColor=None,
                )
            )
            base += v
        d.add(
            Line(
                x - 2,
                y(wk["capacity"]),
                x + bar + 2,
                y(wk["capacity"]),
                strokeColor=colors.black,
                strokeWidth=1.2,
                strokeDashArray=[3, 2],
            )  # fmt: skip
        )
        d.add(String(x + bar / 2, y0 - 11, str(wk["week"]), fontSize=7, textAnchor="middle"))
    d.add(String(left, y0 - 24, "Week (dashed line: your hours that week)", fontSize=7))
    for j, (sid, name) in enumerate(strands):
        lx = left + (j % 3) * (w / 3)
        ly = legend - 12 - 14 * (j // 3)
        d.add(
            Rect(
                lx,
                ly,
                8,
                8,
                fillColor=colors.HexColor(STRAND_COLOURS.get(sid, "#888888")),
                strokeColor=None,
            )  # fmt: skip
        )
        d.add(String(lx + 11, ly + 1, name[:40], fontSize=7))
    return d


def bars_drawing(bars: Sequence[Mapping[str, Any]], maximum: float, digits: int = 2) -> Drawing:
    """Horizontal bars, label above each, value after it (as the SVG chart)."""
    row = 24.0
    d = Drawing(WIDTH, row * len(bars) + 4)
    span = WIDTH - 60
    for i, b in enumerate(Bar.from_dict(b, high=maximum) for b in bars):
        top = row * (len(bars) - i)
        label = b.label + (f" ({b.kind})" if b.kind else "")
        d.add(String(0, top - 9, label[:90], fontSize=7.5))
        bw = span * (b.share or 0.0)
        d.add(Rect(0, top - 20, bw, 8, fillColor=colors.HexColor("#1f5f99"), strokeColor=None))
        d.add(String(bw + 4, top - 19, f"{b.value:.{digits}f}", fontSize=7.5))
    return d


def _money(v: Any) -> str:
    return UNKNOWN if v is None else f"${float(v):,.0f}"


def summary_page(story: list[Any], s: Mapping[str, Any]) -> None:
    """The first page: why this target, what it costs, the first steps, the verdict on
    leaving, and the care note wherever the results showed one."""
    story.append(_p("Summary", "h2"))
    if s.get("target"):
        story.append(_p(f"Target: {s['target']}."))
    else:
        story.append(_raw("<i>No target chosen yet.</i>"))
    w = s.get("why")
    if w:
        pay = w["pay"]
        pay_text = UNKNOWN if pay["target"] is None else f"{_money(pay['target'])} a year"
        if pay["target"] is not None and pay.get("area"):
            pay_text += f" in {pay['area']}"
        if pay.get("change_percent") is not None:
            pay_text += f" ({pay['change_percent']:+.0f}% on your current work)"
        o = w["outlook"]
        outlook = UNKNOWN if o["growth_percent"] is None else f"{o['growth_percent']:+.1f}% jobs"
        if o["growth_percent"] is not None and o.get("period"):
            outlook += f", {o['period']}"
        months = w["readiness_months"]
        ready = UNKNOWN if months is None else f"in about {months:g} months"
        if months == 0:
            ready = "now"
        if w.get("beyond_limit"):
            ready += f", beyond your {w['retraining_months']}-month retraining limit"
        story.append(
            _table(
                ["Why this target", ""],
                [
                    ["The move", w["kind_name"] + (f": {w['move']}" if w.get("move") else "")],
                    [
                        "Fit",
                        UNKNOWN
                        if w["fit"] is None
                        else f"{w['fit_label']}: {w['fit']} of 100 (score {w['score']:g})",
                    ],
                    ["Pay", pay_text],
                    ["Outlook", outlook],
                    ["Ready to apply", ready],
                ],
                [0.3, 0.7],
            )
        )
    if s.get("hours") is not None:
        text = f"Learning: {s['hours']} hours, costing about {_money(s.get('cost'))}"
        if s.get("budget") is not None:
            text += f" of your {_money(s['budget'])} budget"
        story.append(_p(text + "."))
    if s.get("over_budget"):
        story.append(_p("Not in the budget: " + "; ".join(s["over_budget"]) + "."))
    if s.get("first_steps"):
        story.append(_p("First steps:"))
        for n, t in enumerate(s["first_steps"], 1):
            story.append(_p(f"{n}. {t}"))
    if s.get("verdict"):
        story.append(_raw(f"Leaving your job: <b>{escape(s['verdict'])}</b>"))
    care = s.get("care") or {}
    if care.get("shown"):
        story.append(_p(care.get("message", "")))
        for r in care.get("resources") or ():
            story.append(_p(f"• {r}", "muted"))
    story.append(PageBreak())


def render_pdf(data: Mapping[str, Any]) -> bytes:
    """The report dict as PDF bytes, on ``data["paper"]`` (``letter`` or ``a4``; Letter when
    not given)."""
    out = io.BytesIO()
    target = data.get("target")
    title = "Career restart plan" + (f": towards {target['title']}" if target else "")
    doc = SimpleDocTemplate(
        out,
        pagesize=PAPER.get(str(data.get("paper") or "letter"), LETTER),
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=title,
        author="unstuck",
        subject="Career restart plan",
    )
    story: list[Any] = [
        _p(title, "title"),
        _p(
            f"Made with unstuck on {data['made']} from O*NET {data['release']} and your own "
            "answers. Sources are listed at the end.",
            "muted",
        ),
    ]

    def h2(text: str) -> None:
        story.append(_p(text, "h2"))

    summary_page(story, data.get("summary") or {})

    # 1. Diagnosis
    h2("1. Diagnosis")
    d = data.get("diagnosis")
    if d:
        sev = d["severity"]
        story.append(
            _raw(
                f"<b>{escape(sev['band'])}</b> ({sev['score']} of 100, rut check of "
                f"{escape(d['taken'] or 'an unknown date')}). {escape(sev['meaning'])}"
            )
        )
        if d["care"].get("shown"):
            story.append(
                _p("The care note in the summary applies: looking after yourself comes first.")
            )
        bars = data["charts"]["causes"]
        if bars:
            story.append(KeepTogether([Spacer(1, 4), bars_drawing(bars, 100.0, 0)]))
        story.append(
            _table(
                ["Cause", "Score (0-100)", "Likelihood"],
                [(c["name"], c["score"], c["likelihood"]) for c in d["causes"]],
                [0.55, 0.2, 0.25],
            )
        )
        story.append(Spacer(1, 4))
        story.append(
            _table(
                ["Strategy (adjusted for your constraints)", "Share"],
                [(s["name"], f"{s['share']}%") for s in d["strategies"]],
                [0.8, 0.2],
            )
        )
    else:
        story.append(_raw("<i>No rut check taken yet, so there is no diagnosis.</i>"))

    # 2. Profile
    h2("2. Profile")
    p = data["profile"]
    c = p["constraints"]
    occ = p["occupation"]
    loc = c.get("location")
    story.append(
        _table(
            ["About you", ""],
            [
                (
                    "Current occupation",
                    _raw(f"{escape(occ['title'])} ({escape(occ['code'])})", "cell")
                    if occ.get("title")
                    else _raw(UNKNOWN, "cell"),
                ),
                ("Years in it", _raw(_num(p["years_in_occupation"]), "cell")),
                ("Education", _raw(_num(p["education"]), "cell")),
                ("Skills and knowledge rated", str(p["skills_rated"])),
                ("Hours a week for the change", _raw(_num(c["hours_per_week"]), "cell")),
                ("Risk tolerance", c["risk_tolerance"]),
                (
                    "Location",
                    _raw(escape(loc.get("name") or loc["code"]) if loc else UNKNOWN, "cell"),
                ),
                ("Minimum pay a year", _raw(_money(c["min_pay"]), "cell")),
            ],
            [0.4, 0.6],
        )  # fmt: skip
    )

    # 3. Chosen paths
    h2("3. Chosen paths")
    if data["shortlist"]:
        for s in data["shortlist"]:
            mark = " (the target of this plan)" if target and target["code"] == s["code"] else ""
            story.append(_p(f"• {s['title']} ({s['code']}){mark}"))
    else:
        story.append(_raw("<i>No shortlisted paths yet.</i>"))

    # 4. Gaps
    h2("4. Gaps")
    gaps = data.get("gaps")
    if gaps:
        bars = data["charts"]["gaps"]
        if bars:
            story.append(KeepTogether([bars_drawing(bars, 1.0)]))
        story.append(
            _table(
                ["Gap", "Kind", "You", "Target", "Priority", "In plan"],
                [
                    (
                        g["name"],
                        g["kind"],
                        _raw(_num(g["current"]), "cell"),
                        _raw(_num(g["required"], "<i>not published</i>"), "cell"),
                        f"{g['priority']:.2f}",
                        "later" if g["left_for_later"] else "yes",
                    )
                    for g in gaps["gaps"]
                ],
                [0.36, 0.14, 0.1, 0.12, 0.13, 0.15],
            )
        )
        if gaps["unrated"]:
            names = ", ".join(u["name"] for u in gaps["unrated"])
            story.append(_p(f"Not rated by you, so not judged: {names}.", "muted"))
        for n in gaps["notes"]:
            story.append(_p(n, "muted"))
    else:
        story.append(_raw("<i>No target chosen.</i>"))

    # 5. Learning plan
    h2("5. Learning plan")
    learning = data["plan"].get("learning")
    if learning:
        story.append(
            _p(
                f"{learning['total_hours']} hours of activities. Hours are estimates for you "
                "and your coach to adjust."
            )
        )
        story.append(
            _table(
                ["Activity", "Hours", "Finishes", "Proof"],
                [
                    (
                        a["title"] + (" (done)" if a.get("done") else ""),
                        f"{a['hours']} (yours)" if a.get("hours_set_by_you") else a["hours"],
                        f"week {a['finishes_week']}" if a["finishes_week"] else "later",
                        a["proof"],
                    )
                    for a in learning["activities"]
                ],
                [0.36, 0.08, 0.12, 0.44],
            )
        )
        for n in learning["notes"]:
            story.append(_p(n, "muted"))
    else:
        story.append(_raw("<i>No learning plan: no target or no gaps.</i>"))

    # 6. Goals
    h2("6. Goals")
    if data["goals"]:
        rows = []
        for g in data["goals"]:
            issues = [
                f"{v['letter']}: {v['feedback']}"
                for v in g["check"]["letters"]
                if v["verdict"] != "pass"
            ]
            rows.append((g["goal"], "; ".join([g["check"]["verdict"], *issues])))
        story.append(_table(["Goal", "SMART check"], rows, [0.6, 0.4]))
    else:
        story.append(_raw("<i>No goals yet.</i>"))

    # 7. The 90-day plan
    h2("7. The 90-day plan")
    plan = data["plan"]
    assumed = " (assumed: not given)" if plan["hours_assumed"] else ""
    story.append(
        _p(
            f"{len(plan['weeks'])} weeks from {plan['start']} at "
            f"{_num(float(plan['hours_per_week']))} hours a week{assumed}. No week asks for "
            "more than your hours."
        )
    )
    story.append(KeepTogether([hours_drawing(data["charts"]["hours"])]))
    story.append(
        _table(
            ["Week", "Hours", "Tasks"],
            [
                (
                    f"{w['week']} ({w['start']})",
                    f"{_num(float(w['hours']))} of {_num(float(w['capacity']))}",
                    "; ".join(f"{t['title']} ({_num(float(t['hours']))} h)" for t in w["tasks"])
                    or "nothing",
                )
                for w in plan["weeks"]
            ],
            [0.17, 0.13, 0.7],
        )
    )
    if data.get("guide"):
        story.append(_p("How to do each task", "h3"))
        for g in data["guide"]:
            why = f" <i>{escape(g['why'])}</i>" if g.get("why") else ""
            story.append(
                _raw(
                    f"<b>{escape(g['title'])}</b> ({escape(g['when'])}): "
                    f"{escape(g['detail'])}{why}"
                )
            )
    for n in plan["notes"]:
        story.append(_p(n, "muted"))

    # 8. Exit plan
    h2("8. Exit plan")
    e = data["exit"]
    months = e["runway"]["months"]
    if months is None:
        rw = "unknown (enter " + " and ".join(e["runway"]["missing"]) + ")"
    elif months == "unlimited":
        rw = "unlimited"
    else:
        rw = f"about {months} months"
    story.append(_p(f"Runway: {rw}. Readiness to resign: {e['readiness']['score']} of 100."))
    if e["readiness"].get("verdict"):
        story.append(_raw(f"<b>{escape(e['readiness']['verdict'])}</b>"))
    if e["readiness"]["warning"]:
        story.append(_raw(f"<b>{escape(e['readiness']['warning'])}</b>"))
    story.append(
        _table(
            ["Condition", "Status"],
            [
                (
                    c["name"] + (" (required)" if c["required"] else ""),
                    f"{c['status']}: {c['detail']}",
                )
                for c in e["readiness"]["conditions"]
            ],
            [0.45, 0.55],
        )  # fmt: skip
    )
    story.append(Spacer(1, 4))
    story.append(
        _table(
            ["When", "Milestone"],
            [
                (
                    _raw(escape(m["date"]) if m["date"] else "<i>not dated yet</i>", "cell"),
                    f"{m['label']}. {m['detail']}",
                )
                for m in e["timeline"]["milestones"]
            ],
            [0.2, 0.8],
        )  # fmt: skip
    )

    # Sources
    h2("Sources and method")
    for a in data["attributions"] or [f"O*NET {data['release']}"]:
        story.append(_p(f"• {a}", "muted"))
    story.append(
        _p(
            f"Occupation data: O*NET release {data['release']}. Gaps compare your self-ratings "
            "with O*NET's levels; effort estimates, the week plan and the exit arithmetic are "
            "unstuck's own heuristics. Unknown values are shown as unknown, never guessed.",
            "muted",
        )
    )
    doc.build(story)
    return out.getvalue()
