"""Job applications in the browser: quick entry, stages with their history, the documents sent,
no-news proposals to confirm, and the funnel.

Storage and the Python API are :mod:`unstuck.app.applications`; this package keeps the urls,
views, forms, presenters and templates.
"""
