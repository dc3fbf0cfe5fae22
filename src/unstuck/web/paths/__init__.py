"""Career paths in the browser: explore moves from your profile, compare, shortlist.

The shortlist and the saved person are :mod:`unstuck.app.paths`.
"""
