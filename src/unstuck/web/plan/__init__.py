"""The career restart plan in the browser: overview, learning, goals, exit plan, the report.

The plan's state and its building are :mod:`unstuck.app.plan`.
"""
