"""Benchmark: building the knowledge base, loading it, and ``unstuck --help``.

    .venv/bin/python benchmarks/build.py [--data ../shared/data] [--runs 3] [--json]

Each figure is measured in a fresh subprocess (so peak memory is that build's alone), next to a
baseline from the same run: Python's own start-up for ``--help``, and a plain ``csv`` read of
the same O*NET files (no validation, no database) for the build.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BUILD = """
import sys, time, json, resource
from pathlib import Path
from unstuck.knowledge.build import install
extras = []
if sys.argv[3] == "all":
    from unstuck.knowledge.extras import extras_from_folder
    extras = extras_from_folder(Path(sys.argv[4]))
t = time.perf_counter()
r = install(sys.argv[1], extras=extras, directory=Path(sys.argv[2]), cache=Path(sys.argv[2]) / "c")
print(json.dumps({"seconds": time.perf_counter() - t,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

LOAD = """
import sys, time, json, resource
from pathlib import Path
from unstuck.knowledge.store import KnowledgeBase
t = time.perf_counter()
kb = KnowledgeBase.load(Path(sys.argv[1]))
loaded = time.perf_counter() - t
t = time.perf_counter()
kb.search("warm up")
index = time.perf_counter() - t
print(json.dumps({"seconds": loaded, "index_seconds": index,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

BASELINE = """
import csv, sys, time, json, resource, zipfile, io
t = time.perf_counter()
rows = 0
with zipfile.ZipFile(sys.argv[1]) as zf:
    for name in zf.namelist():
        if name.endswith(".txt"):
            text = zf.read(name).decode("utf-8")
            rows += sum(1 for _ in csv.reader(io.StringIO(text), delimiter="\\t"))
print(json.dumps({"seconds": time.perf_counter() - t, "rows": rows,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_json(code: str, *args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def time_command(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    zip_path = str(args.data / "onet" / "db_29_0_text.zip")
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        builds = [run_json(BUILD, zip_path, f"{tmp}/o{i}", "onet", "") for i in range(args.runs)]
        results["build_onet_s"] = statistics.median(b["seconds"] for b in builds)
        results["build_onet_peak_mb"] = max(b["peak_mb"] for b in builds)
        try:
            full = run_json(BUILD, zip_path, f"{tmp}/all", "all", str(args.data))
            results["build_all_s"] = full["seconds"]
            results["build_all_peak_mb"] = full["peak_mb"]
            kb_file = f"{tmp}/all/knowledge.sqlite"
        except subprocess.CalledProcessError as exc:
            results["build_all_error"] = exc.stderr.strip().splitlines()[-1]
            kb_file = f"{tmp}/o0/knowledge.sqlite"
        base = [run_json(BASELINE, zip_path) for _ in range(args.runs)]
        results["baseline_csv_read_s"] = statistics.median(b["seconds"] for b in base)
        load = run_json(LOAD, kb_file)
        results["load_s"] = load["seconds"]
        results["title_index_build_s"] = load["index_seconds"]
        results["loaded_peak_mb"] = load["peak_mb"]
    unstuck = str(Path(sys.executable).with_name("unstuck"))
    env_ok = os.path.exists(unstuck)
    results["help_s"] = time_command([unstuck, "--help"], 10) if env_ok else None
    results["baseline_python_startup_s"] = time_command([sys.executable, "-c", "pass"], 10)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'figure':<34}{'value':>12}")
    for key, value in results.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{key:<34}{shown:>12}")
    ratio = results["build_onet_s"] / results["baseline_csv_read_s"]  # type: ignore[operator]
    print(f"\nO*NET build / plain csv read of the same files: {ratio:.1f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"(peak RSS of this process: {peak} MB)")


if __name__ == "__main__":
    main()
