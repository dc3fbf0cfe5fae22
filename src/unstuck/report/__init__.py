"""The career restart plan as a document: chart data and SVG (:mod:`.charts`), PDF (:mod:`.pdf`).

Both renderers take the same plain data (a JSON-ready dict built by
:func:`unstuck.app.plan.services.report_data`), so the HTML report, the PDF and
``unstuck plan show --json`` say the same thing. Nothing here reads a database or a clock.
"""
