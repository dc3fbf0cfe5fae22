"""Career paths: the shortlist (the one model) and the saved profile as the engine's person.

The Python API is :mod:`.services`; the engine is :mod:`unstuck.core.paths`.
"""
