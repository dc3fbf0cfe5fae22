"""unstuck: local-first help for getting out of a career rut.

Layers (each imports only from the ones above it in this list):

- ``unstuck.core``: domain logic as pure functions and dataclasses (no I/O, no Django).
- ``unstuck.knowledge``: the O*NET/ESCO/BLS pipeline and the read-only knowledge base.
- ``unstuck.text``: resume and posting parsing and extraction.
- ``unstuck.web``: the Django project (user data, pages, auth).
- ``unstuck.cli``: Click commands, thin wrappers over the library.
"""

from __future__ import annotations

__version__ = "0.1.0"
