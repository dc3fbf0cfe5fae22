"""Benchmark: the hostile-input corpus through the CLI and the web client (issue 11, item 8).

    .venv/bin/python benchmarks/hostile.py [--data ../shared/data] [--only NAME] [--cases]

Generates every case of ``tests/hostile.py`` (deep nesting, giant lines and fields, wrong
types, NaN, bad encodings, zip and PDF bombs, YAML alias bombs, forged form values, local
addresses...) and runs each through both surfaces with the suite's checks and bounds (10 s and
500 MB a case; for the CLI a fresh process under RLIMIT_AS, its peak resident memory; for the
web the peak of new Python allocations during the request). Beside them, in the same run, the
well-formed inputs of the same kinds (``hostile.baseline()``). Prints, per surface: inputs
tried, clear errors, crashes (any case whose checks failed), the slowest case and the peak
memory. ``--cases`` also prints every case's line.

The knowledge base is the suite's small one (twelve occupations of the O*NET 29.0 release in
``--data``), built into a temporary folder with a fresh SQLite user database.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

import hostile  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("UNSTUCK_TEST_DATA") or REPO.parent / "shared" / "data"),
    )
    parser.add_argument("--only", help="only cases whose name holds this")
    parser.add_argument("--cases", action="store_true", help="print every case")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="unstuck-hostile-")
    work = Path(tmp.name)
    started = time.perf_counter()
    cases = [c for c in hostile.corpus() if not args.only or args.only in c.name]
    base = [c for c in hostile.baseline() if not args.only or args.only in c.name]
    generated = time.perf_counter() - started
    release = hostile.trim_release(args.data / "onet" / "db_29_0_text", work / "release")
    template = hostile.prepare_home(release, work / "template")

    results: dict[tuple[str, str], list[hostile.Outcome]] = {}
    for label, group in (("hostile", cases), ("well-formed", base)):
        results["cli", label] = [
            hostile.check_cli(c, template, work) for c in group if c.cli is not None
        ]

    # the web client, in this process, on a copy of the same home
    home = work / "web-home"
    import shutil

    shutil.copytree(template, home)
    os.environ["UNSTUCK_HOME"] = str(home)
    os.environ["DATABASE_URL"] = f"sqlite:///{home / 'unstuck.sqlite3'}"
    import unstuck.app

    unstuck.app.setup(migrate=True)
    from django.test import Client

    from unstuck.app.documents import services
    from unstuck.knowledge.store import get_knowledge_base

    services._extractor()  # built once per process, as a server does at start (not a case)
    hostile.web_state(get_knowledge_base())
    client = Client()
    for label, group in (("hostile", cases), ("well-formed", base)):
        results["web", label] = [hostile.check_web(c, client) for c in group if c.web]

    print(f"hostile inputs: {len(cases)} cases generated in {generated:.1f} s "
          f"({sum(len(c.data or b'') for c in cases) / 1e6:.0f} MB of files); "
          f"budget a case: {hostile.SECONDS:g} s, {hostile.MEGABYTES} MB; {date.today()}")
    header = ("surface", "inputs", "tried", "clear errors", "read", "crashes", "slowest case",
              "seconds", "peak MB", "median s")
    rows = []
    for (surface, label), outcomes in results.items():
        if not outcomes:
            continue
        slow = max(outcomes, key=lambda o: o.seconds)
        crashes = [o for o in outcomes if o.problems]
        clear = [o for o in outcomes if not o.problems and o.code not in (0, 200, 302)]
        read = [o for o in outcomes if not o.problems and o.code in (0, 200, 302)]
        seconds = sorted(o.seconds for o in outcomes)
        rows.append((surface, label, str(len(outcomes)), str(len(clear)), str(len(read)),
                     str(len(crashes)), slow.case, f"{slow.seconds:.2f}",
                     f"{max(o.megabytes for o in outcomes):.1f}",
                     f"{seconds[len(seconds) // 2]:.2f}"))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    print("(CLI peak MB: the process's peak resident memory, a fresh interpreter with the "
          "small knowledge base; web: new Python allocations during the request)")
    failed = [o for outcomes in results.values() for o in outcomes if o.problems]
    for o in failed:
        print(f"CRASH {o.surface} {o.case}: {'; '.join(o.problems)[:300]}")
    if args.cases:
        for outcomes in results.values():
            for o in outcomes:
                last = o.message.splitlines()[-1][:90] if o.message else ""
                print(f"  {o.surface:3} {o.case:44} {o.code:4} {o.seconds:6.2f} s "
                      f"{o.megabytes:6.0f} MB  {last}")
    print(f"total {time.perf_counter() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
