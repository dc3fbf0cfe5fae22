"""Resumes and job postings in the browser: upload, confirm suggestions, match, market.

Storage and the Python API are :mod:`unstuck.app.documents`; this package keeps the urls, views,
forms, presenters, templates and static files.
"""
