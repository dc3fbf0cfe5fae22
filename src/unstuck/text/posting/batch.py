"""Many postings at once: a CSV with a text column, or JSON Lines (:func:`read_postings_batch`).

One result per posting, in order: a :class:`~unstuck.text.posting.model.Posting` or the
:class:`~unstuck.text.posting.model.PostingError` that posting raised, so one bad row does not
sink the batch.
"""

from __future__ import annotations

import json
from typing import Any

from unstuck.text import limits
from unstuck.text.extract import Extractor
from unstuck.text.posting.model import Posting, PostingError
from unstuck.text.posting.page import job_postings
from unstuck.text.posting.read import decode, read_posting

_TEXT_COLUMNS = ("text", "description", "html", "posting", "body", "content")


def read_postings_batch(
    data: bytes | str, extractor: Extractor, *, kind: str | None = None
) -> list[Posting | PostingError]:
    """Many postings at once: CSV with a text column (``text``, ``description``, ``html``...;
    ``title``/``company``/``location`` columns fill those fields when the text does not), or
    JSON Lines with one posting per line (a JSON-LD ``JobPosting`` or an object with a text
    field). One result per posting, in order: a :class:`Posting` or the :class:`PostingError`
    that posting raised, so one bad row does not sink the batch."""
    text = decode(data)
    kind = kind or ("jsonl" if text.lstrip().startswith("{") else "csv")
    out: list[Posting | PostingError] = []
    deadline = limits.Deadline(PostingError, "this batch")
    if kind == "jsonl":
        lines = text.splitlines()
        if sum(1 for line in lines if line.strip()) > limits.MAX_ROWS:  # before any is read
            raise PostingError(f"this batch has more than {limits.MAX_ROWS:,} postings")
        for number, line in enumerate(lines, start=1):
            deadline.check()
            if not line.strip():
                continue
            try:
                obj = limits.load_json(line, PostingError, f"line {number}")
            except json.JSONDecodeError as err:
                out.append(PostingError(f"line {number}: not JSON ({err.msg})"))
                continue
            except PostingError as err:
                out.append(err)
                continue
            found = list(job_postings(obj))
            if not isinstance(obj, dict) and not found:  # a number, text, a list of them
                out.append(PostingError(f"line {number}: neither a JobPosting nor an object"))
                continue
            if not found:
                body = next((obj[c] for c in _TEXT_COLUMNS if isinstance(obj.get(c), str)), None)
                if body is None:
                    out.append(PostingError(f"line {number}: no JobPosting and no text field"))
                    continue
                out.append(_row_posting(body, obj, extractor, number))
            else:
                out.append(_guard(lambda line=line: read_posting(line, extractor), number))
        return out
    names = limits.fieldnames(text, PostingError, "the CSV")
    fields = {f.lower().strip(): f for f in names}
    column = next((fields[c] for c in _TEXT_COLUMNS if c in fields), None)
    if column is None:
        raise PostingError("the CSV has no text column (one of: " + ", ".join(_TEXT_COLUMNS) + ")")
    for number, row in list(limits.csv_dicts(text, PostingError, "the CSV")):  # all, then read
        deadline.check()
        lowered = {k.lower().strip(): v for k, v in row.items() if isinstance(k, str) and k}
        body = row.get(column)
        out.append(_row_posting(body if isinstance(body, str) else "", lowered, extractor, number))
    return out


def _guard(read: Any, number: int) -> Posting | PostingError:
    try:
        result: Posting = read()
    except PostingError as err:
        return PostingError(f"posting {number}: {err}")
    return result


def _row_posting(
    body: str, row: dict[str, Any], extractor: Extractor, number: int
) -> Posting | PostingError:
    result = _guard(lambda: read_posting(body, extractor), number)
    if isinstance(result, Posting):
        for attr, keys in (("title", ("title", "job_title")), ("employer", ("company",
                           "employer", "organization")), ("location", ("location",))):  # fmt: skip
            value = next((row[k] for k in keys if isinstance(row.get(k), str) and row[k]), None)
            if value:  # a column is explicit: it beats what the text suggests
                setattr(result, attr, value.strip())
    return result
