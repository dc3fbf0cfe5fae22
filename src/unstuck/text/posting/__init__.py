"""Reading a job posting: plain text, an HTML page, or schema.org ``JobPosting`` JSON-LD.

:func:`read_posting` turns what a person pasted or saved into a :class:`Posting`: title,
employer, location and pay when the posting states them, the skills it asks for split into
required and preferred, and its hard requirements (degree, years of experience, licences and
certifications, work authorisation, security clearance). Every item keeps the line it came
from (``evidence``), so the app can show it; nothing is guessed: a field the posting does not
state stays None.

**Formats.** Bytes or text; HTML is recognised by its tags and read with the standard
library's parser (scripts, styles and templates are dropped, block elements become line
breaks); a ``JobPosting`` object in JSON-LD (inside the HTML or as the whole input) supplies the
structured fields, with its ``description`` (HTML) read like the page. Inputs over
:data:`MAX_BYTES` are refused with :class:`PostingError`, as are empty ones, PDFs and zips.
Without structured data the title is the page's first heading or the text's first short line
("Data Analyst - Globex" is split into title and employer), the location a place line near
the top ("Chicago, IL (hybrid)", "Remote") or a "Location:" line.

**URLs and batches.** :func:`fetch_posting` fetches a page over HTTP(S) only (through
:mod:`unstuck.network`, as the data download does), with a timeout and a size cap enforced while
streaming, and refuses content that is not a page, text or JSON.
:func:`read_postings_batch` reads CSV (a text column, optional title/company/location columns)
or JSON Lines, one result per posting, errors included in place.

**Required or preferred.** A section heading sets the default for the lines under it
("Requirements", "What you bring", "Must have" -> required; "Nice to have", "Preferred",
"Bonus" -> preferred; "About us", "Benefits", "What we offer" -> not a requirement); a cue in
the sentence itself wins over the heading ("Kubernetes is a plus" under "Requirements" is
preferred). Negated mentions ("no Java needed") are never requirements. Lines outside any
section count as required, which is how most postings phrase their duties and asks.

**Modules.** :mod:`.model` (what reading gives), :mod:`.page` (HTML and JSON-LD), :mod:`.pay`
(pay on a line and in JSON-LD), :mod:`.asks` (sections, requirements, skills), :mod:`.read`
(one posting, from its bytes or its address), :mod:`.batch` (CSV and JSON Lines). The names
below are the package's API.
"""

from __future__ import annotations

from unstuck.text.posting.batch import read_postings_batch
from unstuck.text.posting.model import (
    MAX_BYTES,
    MAX_PAY,
    Pay,
    Posting,
    PostingError,
    Requirement,
    SkillAsk,
)
from unstuck.text.posting.page import html_to_text
from unstuck.text.posting.pay import find_pay
from unstuck.text.posting.read import FETCH_TIMEOUT, fetch_posting, read_posting

__all__ = [
    "FETCH_TIMEOUT",
    "MAX_BYTES",
    "MAX_PAY",
    "Pay",
    "Posting",
    "PostingError",
    "Requirement",
    "SkillAsk",
    "fetch_posting",
    "find_pay",
    "html_to_text",
    "read_posting",
    "read_postings_batch",
]
