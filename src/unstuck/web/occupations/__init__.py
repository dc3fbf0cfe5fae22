"""The occupation explorer: search by job title, then an occupation's profile."""
