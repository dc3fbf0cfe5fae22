"""The career restart plan: the person's chosen target, their edits, and the report."""
