"""The career restart plan as a document: its data, charts, HTML and PDF.

- :mod:`.data`: :func:`~.data.report_data` turns a built plan
  (:func:`unstuck.app.plan.services.build`) into one JSON-ready dict, and
  :func:`~.data.target_why` adds why the target, in the paths engine's figures;
- :mod:`.charts`: chart data and accessible inline SVG; :mod:`.bars`: the one bar model that
  every page and the report draw;
- :mod:`.pdf`: the PDF, drawn with reportlab from the same dict;
- :mod:`.document`: the report as HTML and as PDF for the saved person, what the web's report
  page, its PDF download and ``unstuck report`` call.

The HTML report, the PDF and ``unstuck plan show --json`` take the same dict, so they say the
same thing. Only :mod:`.data` (through the app's services) and :mod:`.document` read stored data;
the renderers (:mod:`.charts`, :mod:`.pdf`) read no database or clock.
"""
