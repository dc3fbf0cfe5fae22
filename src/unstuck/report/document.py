"""The report as a document: HTML (one self-contained page) and PDF, from :mod:`.data`.

The web's report page and PDF download and ``unstuck report`` all call these two functions::

    from unstuck.knowledge.store import get_knowledge_base
    from unstuck.report.document import report_html, report_pdf  # after unstuck.app.setup()

    html = report_html(get_knowledge_base())

The HTML is rendered from the template ``plan/report.html``, which the web's plan pages ship
(with ``standalone=False`` it links back to them); the PDF is drawn by :mod:`.pdf`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from unstuck.app.plan.services import ME, build
from unstuck.report import charts
from unstuck.report.data import report_data, target_why

if TYPE_CHECKING:
    from unstuck.knowledge.store import KnowledgeBase


def report_context(data: dict[str, Any]) -> dict[str, Any]:
    """What the report template needs: the data and its charts as SVG."""
    c = data["charts"]
    return {
        "data": data,
        "hours_svg": charts.weekly_hours_svg(c["hours"], uid="r-hours"),
        "gaps_svg": charts.hbar_svg(
            c["gaps"], maximum=1.0, title="Priority of each gap (0 to 1)", uid="r-gaps"
        )
        if c["gaps"]
        else "",
        "causes_svg": charts.hbar_svg(
            c["causes"],
            maximum=100.0,
            title="Root causes of the rut, scored 0 to 100",
            uid="r-causes",
            digits=0,
        )
        if c["causes"]
        else "",
    }


def report_html(
    kb: KnowledgeBase, *, standalone: bool = True, today: date | None = None, key: str = ME
) -> str:
    """The report as one HTML document with its styles inline and no scripts, so a saved copy
    reads the same anywhere. ``standalone=False`` adds links back into the app."""
    from django.template.loader import render_to_string

    plan = build(kb, today=today, key=key)
    data = report_data(plan, why=target_why(kb, plan))
    return render_to_string("plan/report.html", {**report_context(data), "standalone": standalone})


def report_pdf(kb: KnowledgeBase, *, today: date | None = None, key: str = ME) -> bytes:
    """The report as a PDF (drawn with reportlab from the same data as the HTML)."""
    from unstuck.report.pdf import render_pdf

    plan = build(kb, today=today, key=key)
    return render_pdf(report_data(plan, why=target_why(kb, plan)))
