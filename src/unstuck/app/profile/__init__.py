"""The person's profile and assessments: models, drafts, stored results, the wizard's state.

The Python API is :mod:`.services` (used by the web pages and the CLI alike); scoring itself
lives in :mod:`unstuck.core.assess`; the steps of the onboarding wizard are :mod:`.wizard`.
"""
