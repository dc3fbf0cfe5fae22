"""Chart data and SVG for the report: the numbers add up to the plan's and the SVG is well-formed,
labelled and escapes what it is given."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from unstuck.core.plan import build_action_plan
from unstuck.core.profile import Constraints, Profile
from unstuck.report import charts

SVG = "{http://www.w3.org/2000/svg}"


def plan_dict(hours: float = 6.0) -> dict:
    profile = Profile(constraints=Constraints(hours_per_week=hours))
    return build_action_plan(profile, start=date(2026, 1, 5)).to_dict()


def test_weekly_hours_add_up_to_each_week() -> None:
    plan = plan_dict()
    data = charts.weekly_hours(plan)
    assert [w["week"] for w in data["weeks"]] == [w["week"] for w in plan["weeks"]]
    for mine, theirs in zip(data["weeks"], plan["weeks"], strict=True):
        assert abs(sum(mine["by_strand"].values()) - theirs["hours"]) < 0.02
        assert mine["capacity"] == theirs["capacity"]
    used = {t["strand"] for w in plan["weeks"] for t in w["tasks"] if t["hours"] > 0}
    assert {s for s, _ in data["strands"]} == used


def test_weekly_hours_svg_is_labelled_and_well_formed() -> None:
    data = charts.weekly_hours(plan_dict())
    svg = charts.weekly_hours_svg(data, uid="h")
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "h-t h-d"
    assert root.find(f"{SVG}title").text == "Hours planned per week, by strand"
    assert "13 weeks" in root.find(f"{SVG}desc").text
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == sum(len(w["by_strand"]) for w in data["weeks"])


def test_hbar_svg_escapes_labels_and_clamps_to_the_scale() -> None:
    bars = [{"label": "C++ & <script>", "kind": "technology", "value": 0.5},
            {"label": "Over", "value": 2.0}]  # fmt: skip
    svg = charts.hbar_svg(bars, maximum=1.0, title="Priority", uid="g")
    root = ET.fromstring(svg)  # raises if the label broke the markup
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "C++ & <script> (technology)" in texts
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[1] == 400.0 and widths[0] == 200.0  # 2.0 on a 0-1 scale is drawn full


def test_cause_bars_leave_out_unscored_causes() -> None:
    causes = [{"name": "Pay", "score": 80.0, "likelihood": "likely"},
              {"name": "Growth", "score": None}]  # fmt: skip
    assert charts.cause_bars(causes) == [{"label": "Pay", "value": 80.0, "kind": "likely"}]


def test_one_bar_model_clamps_centres_marks_and_names_what_is_missing() -> None:
    from unstuck.report.bars import Bar

    assert Bar(3.0, 1.0, 5.0).percent == 50 and Bar(9.0, 1.0, 5.0).share == 1.0
    assert Bar(2.0, 0.0, 7.0, digits=1).percent == 28.6
    signed = Bar(-5.0, high=10.0, centred=True, look="component")
    assert (signed.percent, signed.fill_class) == (25, "component-fill negative")
    level = Bar(3.5, 0.0, 7.0, mark=7.0, look="level")
    assert (level.percent, level.mark_percent, level.mark_class) == (50, 100, "level-needed")
    missing = Bar(None, 0.0, 7.0)
    assert missing.percent is None and missing.text == "not published"
    assert (missing.track_class, missing.value_class) == ("bar bar-missing", "bar-value missing")
    assert Bar(None, note="not enough answers").text == "not enough answers"
    assert Bar(None, look="overlay").track_class == "overlay-track"  # no hatching there
    assert Bar.from_dict({"label": "SQL", "value": 0.5}, high=1.0).share == 0.5
