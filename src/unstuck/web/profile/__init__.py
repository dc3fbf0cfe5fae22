"""The person's profile and assessments: models, the onboarding wizard, results, history.

The Python API is :mod:`unstuck.web.profile.services` (used by the views and the CLI alike);
scoring itself lives in :mod:`unstuck.core.assess`.
"""
