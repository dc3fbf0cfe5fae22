"""Benchmark: the document list pages with many postings and resumes kept.

    .venv/bin/python benchmarks/list_pages.py [--home DIR | --data ../shared/data]
        [--postings 5000] [--resumes 200] [--requests 20]

Uses the knowledge base in ``--home`` (an ``UNSTUCK_HOME`` holding ``knowledge/``) or builds one
from ``--data`` into a temporary folder, and a fresh SQLite user database in a temporary folder
(nothing is written to ``--home``'s database). Stores ``--postings`` postings and ``--resumes``
resumes read once from realistic texts (each row differs by its title and skills; the parsed
form is the reader's, about 6 KB a posting), then prints the server time of each page (median and
slowest of ``--requests``, through Django's test client) beside two baselines measured in the
same run:

- the front page (the layout alone, no data);
- loading every posting and resume in full (``list(Posting.objects.all())``), which is what the
  list pages did before they loaded summaries.

Target (issue 11): ``/documents/`` with 5,000 postings and 200 resumes under 1 s server time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

POSTING = """{title} - Initech
Chicago, IL (hybrid)
Requirements
- 3+ years of experience in data analysis
- Python, SQL and Microsoft Excel
- Tableau or Power BI dashboards
- Stakeholder management and project management
Nice to have
- Kubernetes is a plus
Salary: $90,000 - $120,000 per year
"""
RESUME = """Jane Doe {n}
Experience
Senior Data Analyst, Acme Corp   Jan 2019 – Present
- Built dashboards in Microsoft Excel and wrote Python scripts
- Wrote SQL queries against PostgreSQL
Education
BSc in Statistics, University of Leeds, 2015
"""
TITLES = ("Data Analyst", "Data Scientist", "BI Developer", "Analytics Engineer", "Statistician")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, help="an UNSTUCK_HOME with a knowledge base")
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("UNSTUCK_TEST_DATA") or REPO.parent / "shared" / "data"),
    )
    parser.add_argument("--postings", type=int, default=5000)
    parser.add_argument("--resumes", type=int, default=200)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="unstuck-bench-")
    work = Path(tmp.name)
    if args.home is None:
        from unstuck.knowledge.build import install

        args.home = work / "kb-home"
        install(
            args.data / "onet" / "db_29_0_text.zip",
            directory=args.home / "knowledge",
            cache=args.home / "cache",
        )
    os.environ["UNSTUCK_HOME"] = str(args.home)
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'user.sqlite3'}"
    import unstuck.app

    unstuck.app.setup(migrate=True)
    from django.test import Client
    from django.utils import timezone

    from unstuck.app.documents import models, services
    from unstuck.text.posting import read_posting
    from unstuck.text.resume import read_resume
    from unstuck.text.stored import posting_to_dict, resume_to_dict

    extractor = services._extractor()
    parsed_postings = [posting_to_dict(read_posting(POSTING.format(title=t), extractor))
                       for t in TITLES]  # fmt: skip
    parsed_resume = resume_to_dict(read_resume(RESUME.format(n=0).encode(), extractor))
    now = timezone.now()
    started = time.perf_counter()
    models.Posting.objects.bulk_create(
        models.Posting(source=f"batch.csv#{i}", fetched_at=now, target_code="15-2051.00",
                       parsed=parsed_postings[i % len(TITLES)], text=POSTING)
        for i in range(args.postings)
    )  # fmt: skip
    models.Resume.objects.bulk_create(
        models.Resume(filename=f"cv-{i}.txt", kind="text", uploaded_at=now,
                      parsed={**parsed_resume, "name": f"Jane Doe {i}"}, text=RESUME)
        for i in range(args.resumes)
    )  # fmt: skip
    print(f"stored {args.postings} postings and {args.resumes} resumes "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip

    client = Client()

    def page(url: str) -> tuple[float, int]:
        start = time.perf_counter()
        response = client.get(url)
        took = time.perf_counter() - start
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        return took * 1000, len(response.content)

    def full_load() -> tuple[float, int]:
        start = time.perf_counter()
        rows = list(models.Posting.objects.all()) + list(models.Resume.objects.all())
        return (time.perf_counter() - start) * 1000, len(rows)

    for url in ("/", "/documents/", "/documents/postings/"):
        page(url)  # warm templates and caches
    rows = []
    for label, call in (
        ("front page (baseline: layout, no data)", lambda: page("/")),
        ("every row loaded in full (baseline: the old list pages)", full_load),
        ("/documents/", lambda: page("/documents/")),
        ("/documents/postings/", lambda: page("/documents/postings/")),
        ("/documents/postings/?page=100", lambda: page("/documents/postings/?page=100")),
        ("/documents/market/?code=15-2051.00 (reads every posting)",
         lambda: page("/documents/market/?code=15-2051.00")),
    ):
        results = [call() for _ in range(args.requests)]
        times = [t for t, _ in results]
        rows.append((label, statistics.median(times), max(times), results[-1][1]))
    print(f"\n{args.requests} requests each, Python {sys.version.split()[0]}")
    print(f"{'page':<58} {'median ms':>10} {'max ms':>8} {'size':>10}")
    for label, median, slowest, size in rows:
        print(f"{label:<58} {median:>10.1f} {slowest:>8.1f} {size:>10,}")
    docs = next(r for r in rows if r[0] == "/documents/")
    verdict = "meets" if docs[2] < 1000 else "misses"
    print(f"\n/documents/ slowest {docs[2]:.0f} ms: {verdict} the 1 s target")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
