"""People in the browser: quick entry, follow-ups due, the informational-interview pipeline,
"who do I know", each person's roles, interactions and interviews, imports and the vCard
download.

Storage and the Python API are :mod:`unstuck.app.people`; this package keeps the urls, views,
forms, presenters and templates.
"""
