"""Hostile and malformed contacts files through the real command (``python -m unstuck people
import``), held to the hostile-input harness of ``tests/hostile.py``: the case's exit code, one
short ``Error:`` line (and a line per bad row) with no traceback, nothing stored, and at most
10 s and 500 MB per process. A process per case: marked ``slow``."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

import hostile
from hostile import Case

HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
NOTES = b'Notes:\n"When exporting your connection data, some emails are missing."\n\n'
GOOD_CARD = b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Good One\r\nEND:VCARD\r\n"


def _case(name: str, data: bytes, says: str, filename: str = "Connections.csv",
          code: int = 6) -> Case:
    return Case(f"people/{name}", data, filename, ("people", "import", "{file}"), code, says)


def _bomb() -> bytes:
    """A zip whose Connections.csv inflates to 60 MB of zeros (about 60 kB stored; made in
    well under a second, as the cases are built when the tests are collected)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive, \
            archive.open("Connections.csv", "w", force_zip64=True) as entry:
        chunk = b"\0" * 1_000_000
        for _ in range(60):
            entry.write(chunk)
    return buffer.getvalue()


BOMB = _bomb()

CASES = [
    _case("utf16-no-bom", (NOTES + HEADER + b"Ann,Lee,,,,,\n").decode().encode("utf-16-le"),
          "utf-16 without a byte-order mark"),
    _case("invalid-utf8", NOTES + HEADER + b"Ren\xe9,Roy,,,,,\n", r"not utf-8 text .*--encoding"),
    _case("missing-header", b"Ann,Lee,https://www.linkedin.com/in/annlee,,,,\n", "no header row"),
    _case("zero-rows", NOTES + HEADER, "no connections in this file"),
    _case("csv-10mb-field", NOTES + HEADER + b'Ann,"' + b"x" * 10_000_000 + b'",,,,,\n',
          "a field is over 1,000,000 characters"),
    _case("bad-row", NOTES + HEADER + b"Ann,Lee,,,,,\nBo,Chen,,,,,32 Foo 2020\n",
          r"1 bad row of 2 read.*\n  row 6: 'connected on' '32 foo 2020' is not a date"),
    _case("vcard-10mb-field", b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Huge\r\nNOTE:"
          + b"x" * 10_000_000 + b"\r\nEND:VCARD\r\n" + GOOD_CARD,
          r"1 bad card of 2 read.*\n  card 1 \(line 1\): line 4: note is over", "people.vcf"),
    _case("vcard-folded-bad-properties",
          b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\n  Lee\r\nEMAIL;TYPE=\"work:a@b.c\r\n"
          b"not a property\r\nEND:VCARD\r\n" + GOOD_CARD,
          r"card 1 \(line 1\): line 5: a quote .* not closed; line 6 is not a property",
          "people.vcf"),
    _case("vcard-over-20mb", GOOD_CARD + b"NOTE:" + b"y" * 21_000_000 + b"\r\n",
          "over 20 mb", "people.vcf"),
    _case("nul-bytes", b"BEGIN:VCARD\x00\x00\x00", "nul bytes", "people.vcf"),
    _case("no-card", b"hello\r\nworld\r\n", "no vcard in this file", "people.vcf"),
    _case("zip-bomb", BOMB, "connections.csv in this zip is over 20 mb", "export.zip"),
    _case("zip-truncated", BOMB[: len(BOMB) // 2], "this zip cannot be read", "export.zip"),
]


@pytest.fixture(scope="session")
def people_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated user database holding one contact: what each case's home is copied from
    (importing needs no knowledge base)."""
    home = tmp_path_factory.mktemp("people-hostile") / "home"
    code, out, err, _, _ = hostile.run_unstuck(["people", "add", "Already There"], home,
                                               seconds=120, megabytes=2000,
                                               python=sys.executable)
    assert code == 0, err or out
    return home


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_contacts_files(case: Case, people_template: Path, tmp_path: Path) -> None:
    outcome = hostile.check_cli(case, people_template, tmp_path)
    assert not outcome.problems, (outcome.problems, outcome.message[-500:])
