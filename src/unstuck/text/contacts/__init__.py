"""Contacts in and out: vCard 3.0/4.0 (and 2.1 in), LinkedIn's ``Connections.csv`` and
``messages.csv``.

- :mod:`.model`: the records, the per-row problems, decoding and the checks every value passes;
- :mod:`.vcard`: :func:`~.vcard.read_vcards` and :func:`~.vcard.write_vcards`;
- :mod:`.linkedin`: :func:`~.linkedin.read_connections` and :func:`~.linkedin.read_messages`.

Readers return every row's outcome (a clean record, a plain skip, or a problem naming the row)
and store nothing; :mod:`unstuck.app.people.services` decides what is stored, in one
transaction.
"""

from __future__ import annotations

from unstuck.text.contacts.model import (
    ContactRecord,
    ContactsError,
    Email,
    MessageRecord,
    Phone,
    Problem,
    ReadResult,
    RoleRecord,
    decode,
)

__all__ = [
    "ContactRecord",
    "ContactsError",
    "Email",
    "MessageRecord",
    "Phone",
    "Problem",
    "ReadResult",
    "RoleRecord",
    "decode",
]
