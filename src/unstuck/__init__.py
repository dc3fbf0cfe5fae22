"""unstuck: local-first help for getting out of a career rut.

Layers (each imports only from the ones above it in this list; ``tests/test_layers.py``):

- ``unstuck.core``: domain logic as pure functions and dataclasses (no I/O, no Django).
- ``unstuck.knowledge``: the O*NET/ESCO/BLS pipeline and the read-only knowledge base.
- ``unstuck.text``: resume and posting parsing and extraction.
- ``unstuck.app`` and ``unstuck.report`` (which may use each other): the person's data, the
  services both front ends call, the plan as a document.
- ``unstuck.web``: the Django pages; ``unstuck.cli``: Click commands, thin wrappers over the
  library (never importing ``web``).

``unstuck.dirs`` (where things live on disk) and ``unstuck.network`` (HTTP) are leaves any layer
but the core may use.
"""

from __future__ import annotations

__version__ = "0.1.0"
