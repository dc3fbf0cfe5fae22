"""Benchmark: resumes and postings through the user store, matching, tailoring, market research.

    .venv/bin/python benchmarks/documents.py [--home DIR | --data ../shared/data] [--postings 200]

Uses the knowledge base in ``--home`` (an ``UNSTUCK_HOME`` holding ``knowledge/``) or builds one
from ``--data`` into a temporary folder (O*NET 29.0 with ESCO, ~10 s), and a fresh SQLite user
database. Prints, each next to a baseline measured in the same run:

- building the skill extractor (the cost every CLI command that reads a document pays once);
- importing a resume (read + store) against reading it alone;
- adding N postings as one batch (read + store in one transaction) against reading them alone;
- matching and tailoring one pair (from the stored JSON: no extractor) against loading the pair;
- the market summary over the N postings.

The postings are built from one realistic posting by rotating which of its skill lines appear,
so every posting differs; they are written here and never stored outside the temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RESUME = """Jane Doe
Data analyst

Experience
Senior Data Analyst, Acme Corp   Jan 2019 – Present
- Ran the weekly stand-up with stakeholders
- Built dashboards in Microsoft Excel and wrote Python scripts
- Wrote SQL queries against PostgreSQL and cleaned data with pandas
- No experience with Tableau
Junior Analyst | Globex
2015 - 2018
- Reported on sales with Microsoft Access and statistics

Education
BSc in Statistics, University of Leeds, 2015
"""

SKILL_LINES = [
    "- Python and SQL",
    "- Tableau or Power BI dashboards",
    "- Microsoft Excel",
    "- machine learning with scikit-learn",
    "- statistics and experimental design",
    "- Amazon Web Services AWS",
    "- communication with stakeholders",
    "- Apache Spark",
    "- data visualisation",
    "- R",
    "- Git version control",
    "- Docker",
]


def posting(i: int) -> str:
    lines = [SKILL_LINES[(i + k) % len(SKILL_LINES)] for k in range(2 + i % 5)]
    pay = f"Salary: ${70 + i % 40},000 - ${100 + i % 50},000 per year" if i % 3 else ""
    return "\n".join(
        [
            "Data Scientist",
            "Requirements",
            f"- {2 + i % 4}+ years of experience",
            *lines,
            "Nice to have",
            "- Kubernetes is a plus",
            pay,
        ]
    )


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="UNSTUCK_HOME with a built knowledge base")
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    parser.add_argument("--postings", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="unstuck-bench-docs-"))
    home = args.home
    if home is None:
        from unstuck.knowledge.build import install
        from unstuck.knowledge.extras import extras_from_folder

        home = tmp / "home"
        install(
            args.data / "onet" / "db_29_0_text.zip",
            extras=list(extras_from_folder(args.data)),
            directory=home / "knowledge",
            cache=tmp / "cache",
        )
    os.environ["UNSTUCK_HOME"] = str(home)
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'user.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "unstuck.web.settings"
    import unstuck.app

    unstuck.app.setup()
    from unstuck.app.documents import models, services
    from unstuck.knowledge.store import get_knowledge_base
    from unstuck.text.posting import read_postings_batch
    from unstuck.text.resume import read_resume
    from unstuck.text.vocabulary import skill_extractor

    figures: dict[str, float] = {}
    t = time.perf_counter()
    kb = get_knowledge_base()
    figures["kb_load_s"] = time.perf_counter() - t
    t = time.perf_counter()
    ex = skill_extractor(kb)
    figures["extractor_build_s"] = time.perf_counter() - t
    data = RESUME.encode()
    figures["resume_read_ms (baseline)"] = 1000 * timed(lambda: read_resume(data, ex))
    figures["resume_import_ms"] = 1000 * timed(lambda: services.import_resume(data, "cv.txt"))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["text"])
    for i in range(args.postings):
        writer.writerow([posting(i)])
    batch = out.getvalue().encode()
    figures[f"batch_{args.postings}_read_s (baseline)"] = timed(
        lambda: read_postings_batch(batch, ex, kind="csv"), 1
    )
    t = time.perf_counter()
    added = services.add_postings(batch, filename="jobs.csv", target_code="15-2051.00")
    figures[f"batch_{args.postings}_add_s"] = time.perf_counter() - t
    resume = services.latest_resume()
    assert resume is not None
    first = added[0].pk
    figures["load_pair_ms (baseline)"] = 1000 * timed(
        lambda: (services.get_resume(resume.pk), services.get_posting(first))
    )
    figures["match_ms"] = 1000 * timed(lambda: services.match(resume, added[0]))
    for fmt in ("md", "docx", "json"):
        figures[f"tailor_{fmt}_ms"] = 1000 * timed(
            lambda fmt=fmt: services.tailor(resume, added[0], fmt)
        )
    t = time.perf_counter()
    summary = services.market("15-2051.00")
    figures[f"market_{args.postings}_ms"] = 1000 * (time.perf_counter() - t)
    figures["market_skills"] = len(summary.skills)
    figures["market_coverage_pct"] = summary.coverage or 0.0
    figures["postings_stored"] = models.Posting.objects.count()
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for name, value in figures.items():
        print(f"{name:<34} {value:10.3f}" if isinstance(value, float) else f"{name:<34} {value}")


if __name__ == "__main__":
    sys.exit(main())
