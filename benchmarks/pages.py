"""Server time of the explorer's pages, in-process (Django's full request handling, no network).

    .venv/bin/python benchmarks/pages.py [--requests 200] [--home DIR] [--data DIR]

Measures, with the knowledge base loaded and warm:

- the occupation page over ``--requests`` different occupations (random, fixed seed);
- the search page over as many job titles people reported to O*NET (random, fixed seed);
- and, in the same run, two baselines: the front page (Django, middleware and the site layout,
  no data) and the bare library calls behind each page (``kb.occupation`` and ``kb.search``),
  so the cost of the web layer itself is visible.

Target (TARGETS.md): any page p50 <= 50 ms, p95 <= 100 ms.

``--home`` is an UNSTUCK_HOME with a knowledge base installed; without it the O*NET 29.0 release
in ``--data`` (default: ``UNSTUCK_TEST_DATA`` or ``../shared/data``) is built into a temporary
directory first.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return p50, p95, ordered[-1]


def timed(calls: list[Callable[[], object]]) -> list[float]:
    out = []
    for call in calls:
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--home", type=Path, help="an UNSTUCK_HOME with a knowledge base")
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("UNSTUCK_TEST_DATA") or REPO.parent / "shared" / "data"),
    )
    args = parser.parse_args()

    tmp = None
    if args.home is None:
        from unstuck.knowledge.build import install

        tmp = tempfile.TemporaryDirectory(prefix="unstuck-bench-")
        args.home = Path(tmp.name)
        started = time.perf_counter()
        install(
            args.data / "onet" / "db_29_0_text.zip",
            directory=args.home / "knowledge",
            cache=args.home / "cache",
        )
        print(f"built the knowledge base in {time.perf_counter() - started:.1f} s")
    os.environ["UNSTUCK_HOME"] = str(args.home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unstuck.web.settings")

    import django

    django.setup()
    from django.test import Client

    from unstuck.knowledge.store import get_knowledge_base

    client = Client()
    started = time.perf_counter()
    first = client.get("/occupations/?q=nurse")
    assert first.status_code == 200, first.status_code
    print(f"first request (loads the knowledge base and title index): "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")
    kb = get_knowledge_base()

    rng = random.Random(20261122)
    n = args.requests
    codes = rng.sample(kb.codes(), min(n, len(kb)))
    reported = sorted({t for titles in kb.reported_titles.values() for t in titles})
    titles = rng.sample(reported, min(n, len(reported)))

    def page(url: str, data: dict[str, str] | None = None) -> Callable[[], object]:
        def call() -> object:
            response = client.get(url, data)
            if response.status_code != 200:
                raise SystemExit(f"{url} {data or ''}: HTTP {response.status_code}")
            return response

        return call

    # Warm the template cache and the code paths once.
    client.get("/")
    client.get(f"/occupations/{codes[0]}/")

    rows = [
        ("front page (baseline: layout, no data)", timed([page("/") for _ in range(n)])),
        ("kb.occupation() alone (library)", timed([lambda c=c: kb.occupation(c) for c in codes])),
        ("occupation page", timed([page(f"/occupations/{c}/") for c in codes])),
        ("kb.search() alone (library)", timed([lambda t=t: kb.search(t, 20) for t in titles])),
        ("search page", timed([page("/occupations/", {"q": t}) for t in titles])),
    ]
    print(f"\n{n} requests each, O*NET {kb.release}, Python {sys.version.split()[0]}")
    print(f"{'':42} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for label, samples in rows:
        p50, p95, worst = percentiles(samples)
        print(f"{label:42} {p50:8.2f} {p95:8.2f} {worst:8.2f}")
    print("\ntarget: any page p50 <= 50 ms, p95 <= 100 ms")
    ok = all(
        percentiles(s)[0] <= 50 and percentiles(s)[1] <= 100 for label, s in rows if "page" in label
    )
    print("met" if ok else "NOT MET")
    if tmp is not None:
        tmp.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
