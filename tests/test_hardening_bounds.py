"""Linear, bounded work in the readers and extraction (issue 11, item 1): limits on characters,
lines, line length, tags, nesting, skills, evidence and stored size, each refused with a clear
error before the work; inputs of 10 MB in many shapes read or refused within the harness's time
and memory budget (:mod:`bounded`); nothing stored when reading runs out of time."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from bounded import within
from unstuck.text import limits
from unstuck.text.extract import Concept, Extractor, Term
from unstuck.text.posting import PostingError, read_posting, read_postings_batch
from unstuck.text.resume import ResumeError, read_resume

WORDS = "python sql project management data analysis microsoft excel teamwork java "
LINE = (WORDS * 3)[:200]
TEN_MB = 10_000_000


@pytest.fixture(scope="module")
def ex() -> Extractor:
    labels = ("Python", "SQL", "project management", "data analysis", "Microsoft Excel", "Java")
    return Extractor([Term(s, Concept("esco", s, s)) for s in labels])


def refused(fn, error: type[Exception], match: str) -> str:  # noqa: ANN001
    """The message ``fn`` is refused with (it must match ``match``)."""
    with pytest.raises(error, match=match) as caught:
        within(fn)
    return str(caught.value)


def short_and_clear(message: str) -> bool:
    """A refusal a person can read: one short sentence, never the input echoed back."""
    return 0 < len(message) < 400 and "\n" not in message


def test_text_limits_name_what_is_too_large() -> None:
    with pytest.raises(ValueError, match="1,000,001 characters"):
        limits.check_text("x" * 1_000_001, ValueError)
    with pytest.raises(ValueError, match="20,001 lines, more than 20,000"):
        limits.check_text("x\n" * 20_000, ValueError)
    with pytest.raises(ValueError, match="a line of 20,001 characters"):
        limits.check_text("short\n" + "x" * 20_001, ValueError)
    limits.check_text("\n".join(["x" * 20_000] * 49), ValueError)  # at the limits: fine


@pytest.mark.parametrize(
    ("name", "body", "match"),
    [
        ("one line", (WORDS * 140_000)[:TEN_MB], "characters of text"),
        ("short lines", ("python\n" * (TEN_MB // 7)), "characters of text"),
        ("empty lines", "\n" * TEN_MB + "Python", "characters of text"),
        ("json summary", json.dumps({"basics": {"summary": WORDS * 130_000}}), "characters"),
        ("json highlights", json.dumps({"work": [{"highlights": [LINE] * 50_000}]}), "charac"),
        ("json deep", '{"work": ' + "[" * (TEN_MB // 2) + "]" * (TEN_MB // 2) + "}", "nested"),
        ("json positions", json.dumps({"work": [{"position": "Analyst"}] * 300}), "positions"),
    ],
)
def test_a_10mb_resume_of_any_shape_is_refused_by_name(
    ex: Extractor, name: str, body: str, match: str
) -> None:
    message = refused(lambda: read_resume(body.encode(), ex), ResumeError, match)
    assert short_and_clear(message)


def test_a_resume_at_the_limits_is_read(ex: Extractor) -> None:
    doc = "\n".join([LINE] * 4_900)  # 985,000 characters of skill words
    resume = within(lambda: read_resume(doc.encode(), ex))
    assert {s.concept.label for s in resume.skills} >= {"Python", "SQL", "Java"}
    assert all(len(s.evidence) == 1 for s in resume.skills)  # one distinct line, kept once
    many = "\n".join(f"{i} {LINE}" for i in range(4_700))
    resume = within(lambda: read_resume(many.encode(), ex))
    assert all(len(s.evidence) <= limits.MAX_EVIDENCE for s in resume.skills)
    assert max(sum(map(len, s.evidence)) for s in resume.skills) < limits.EVIDENCE_CHARS + 300


@pytest.mark.parametrize(
    ("name", "body", "match"),
    [
        ("tiny tags", "<html><body>" + "<b>x</b>" * 600_000, "tags, more than 200,000"),
        ("nested divs", "<html><div>" * 300_000, "tags"),
        ("paragraphs", "<html><body>" + f"<p>{LINE}</p>" * 20_000, "characters of text"),
        ("digits", "Requirements\n" + "1" * 19_900 + " years experience", None),
        ("long line", "x " * 2_000_000, "over 5 MB|characters"),
        ("pay words", "Salary $" + "9" * 19_000, None),
        ("json-ld description", json.dumps({"@type": "JobPosting", "description":
                                            "<p>python</p>" * 300_000}), "tags"),  # fmt: skip
    ],
)
def test_a_large_posting_of_any_shape_is_read_or_refused(
    ex: Extractor, name: str, body: str, match: str | None
) -> None:
    if match is None:
        posting = within(lambda: read_posting(body, ex))
        assert posting.pay is None  # a run of digits is neither pay nor years
        assert not [r for r in posting.requirements if r.kind == "experience"]
    else:
        refused(lambda: read_posting(body, ex), PostingError, match)


def test_batches_are_bounded(ex: Extractor) -> None:
    rows = "text\n" + "\n".join(f'"{LINE}"' for _ in range(limits.MAX_ROWS + 1))
    csv_message = refused(
        lambda: read_postings_batch(rows, ex, kind="csv"), PostingError, "more than 5,000"
    )
    assert short_and_clear(csv_message)
    lines = "\n".join(json.dumps({"text": LINE}) for _ in range(limits.MAX_ROWS + 1))
    jsonl_message = refused(
        lambda: read_postings_batch(lines, ex, kind="jsonl"), PostingError, "5,000 postings"
    )
    assert short_and_clear(jsonl_message)


def test_docx_text_is_capped_before_parsing(ex: Extractor) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", "<x>" + " " * 11_000_000 + "</x>")
    message = refused(lambda: read_resume(buffer.getvalue(), ex), ResumeError, "over 10 MB")
    assert short_and_clear(message)


def test_many_distinct_skills_are_refused() -> None:
    labels = [f"skill{i:05d}" for i in range(limits.MAX_SKILLS + 1)]
    big = Extractor([Term(s, Concept("esco", s, s)) for s in labels])
    doc = "\n".join(", ".join(labels[i : i + 100]) for i in range(0, len(labels), 100))
    message = refused(
        lambda: read_resume(doc.encode(), big), ResumeError, "more than 1,000 different"
    )
    assert short_and_clear(message)


def test_extraction_is_linear_in_one_long_line(ex: Extractor) -> None:
    """The longest-match pass once inserted every taken span into a sorted list (quadratic);
    a line of 100,000 mentions now finishes well inside the budget, with every mention."""
    text = "python " * 100_000
    mentions = within(lambda: ex.extract(text), seconds=10)
    assert len(mentions) == 100_000
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


@pytest.mark.django_db
def test_nothing_is_stored_when_reading_runs_out_of_time(
    kb, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    from unstuck.app.documents import models, services

    monkeypatch.setattr(limits, "READ_SECONDS", 0.0)
    with pytest.raises(ResumeError, match="took longer than 0 seconds"):
        services.import_resume(b"Jane Doe\nPython and SQL\n", "cv.txt")
    with pytest.raises(PostingError, match="took longer"):
        services.add_postings(b"Data Analyst\nPython\n", filename="job.txt")
    assert models.Resume.objects.count() == 0 and models.Posting.objects.count() == 0
