"""The profile and assessments in the browser: the onboarding wizard, results, history.

Storage and the Python API are :mod:`unstuck.app.profile` (used by these views and the CLI
alike); scoring itself lives in :mod:`unstuck.core.assess`.
"""
