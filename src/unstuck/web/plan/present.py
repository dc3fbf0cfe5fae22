"""What the plan pages draw beyond the report's data: its charts as inline SVG.

The numbers come from :func:`unstuck.report.data.report_data` (the same dict the report, the
PDF and ``unstuck plan show --json`` use); the SVG from :mod:`unstuck.report.charts`, labelled
and followed on the page by the same numbers as a table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from unstuck.report import charts


def hours_svg(data: Mapping[str, Any]) -> str:
    """The 90 days' hours per week, by strand (the overview page; its legend is HTML)."""
    return charts.weekly_hours_svg(data["charts"]["hours"], legend=False)


def hours_legend(data: Mapping[str, Any]) -> list[dict[str, str]]:
    return charts.hours_legend(data["charts"]["hours"])


def gaps_svg(data: Mapping[str, Any]) -> str:
    """Each planned gap's priority, or "" without gaps (the learning page)."""
    bars = data["charts"]["gaps"]
    if not bars:
        return ""
    return charts.hbar_svg(bars, maximum=1.0, title="Priority of each gap (0 to 1)", uid="gaps")
