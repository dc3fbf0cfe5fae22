"""The person's documents: imported resumes and saved job postings.

Models in :mod:`.models`, the Python API shared by the web pages and the CLI in :mod:`.services`.
"""
