"""Career paths in the browser: explore moves from your profile, compare, shortlist."""
