"""The career restart plan: the person's chosen target, their edits, and the built plan.

The Python API is :mod:`.services`; the planning is :mod:`unstuck.core.plan`.
"""
