"""Wall time and peak memory of the document commands, as whole processes.

    .venv/bin/python benchmarks/cli.py [--home DIR] [--runs 5]

Times `unstuck occupations search`, `unstuck resume import` and `unstuck posting add` as a
person runs them (a new process each time, median of ``--runs``), beside `python -c pass` and
`unstuck --help` measured in the same run, once on the first use of a knowledge base (nothing
derived from it on disk yet) and then after it. Peak memory is the process's maximum resident
set size. Without ``--home`` a knowledge base is built from ``../shared/data`` (O*NET 29.0,
ESCO, BLS, the crosswalk) into a temporary folder. The documents are the benchmark set's
(benchmarks/documents), written for unstuck.

The processes run with Python's bytecode cache on, as an installed package has it (pip compiles
it at install time): an environment with ``PYTHONDONTWRITEBYTECODE`` set would otherwise time
the compiling of every module on each run. ``--no-bytecode`` times them that way too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
TARGETS = {"search": 1.5, "resume import": 1.5, "posting add": 1.5}
MEMORY_TARGET_MB = 300


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit status) of one process."""
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=[
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ])  # fmt: skip
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="UNSTUCK_HOME with a built knowledge base")
    parser.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "data")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-bytecode", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE as it is set")  # fmt: skip
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="unstuck-bench-cli-"))
    try:
        home = work / "home"
        if args.home:
            (home / "knowledge").mkdir(parents=True)
            shutil.copy2(args.home / "knowledge" / "knowledge.sqlite", home / "knowledge")
        else:
            from unstuck.knowledge.build import install
            from unstuck.knowledge.extras import extras_from_folder

            install(args.data / "onet" / "db_29_0_text.zip",
                    extras=list(extras_from_folder(args.data)),
                    directory=home / "knowledge", cache=home / "cache")  # fmt: skip
        resume = work / "resume.txt"
        posting = work / "posting.txt"
        resume.write_text(
            yaml.safe_load((HERE / "documents/resumes/r02-nurse.yaml").read_text())["text"]
        )
        posting.write_text(
            yaml.safe_load((HERE / "documents/postings/p02-med-surg-nurse.yaml").read_text())[
                "text"
            ]
        )
        env = {**os.environ, "UNSTUCK_HOME": str(home)}
        if not args.no_bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        unstuck = str(BIN / "unstuck")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "unstuck --help": [unstuck, "--help"],
            "search": [unstuck, "occupations", "search", "registered nurse"],
            "resume import": [unstuck, "resume", "import", str(resume)],
            "posting add": [unstuck, "posting", "add", str(posting), "--target", "29-1141.00"],
        }
        run([unstuck, "profile", "show"], env)  # the user database's tables made
        first: dict[str, tuple[float, float, int]] = {}
        for name in ("search", "resume import", "posting add"):
            shutil.rmtree(home / "knowledge" / "derived", ignore_errors=True)
            first[name] = run(commands[name], env)
        for argv in commands.values():  # what the first uses left out is kept now
            run(argv, env)
        rows = []
        ok = True
        for name, argv in commands.items():
            runs = [run(argv, env) for _ in range(args.runs)]
            if any(code != 0 for _, _, code in runs):
                print(f"{name}: exit status {[c for _, _, c in runs]}", file=sys.stderr)
                ok = False
            wall = statistics.median(w for w, _, _ in runs)
            rss = max(m for _, m, _ in runs)
            target = TARGETS.get(name)
            cold = first.get(name)
            rows.append((name, cold, wall, rss, target))
        print(f"{'command':<16} {'first use':>10} {'after (median)':>15} {'peak RSS':>9} target")
        for name, cold, wall, rss, target in rows:
            first_use = f"{cold[0]:.2f} s" if cold else ""
            aim = f"<= {target} s" if target else ""
            if name == "resume import":
                aim += f", <= {MEMORY_TARGET_MB} MB"
            print(f"{name:<16} {first_use:>10} {wall:>13.2f} s {rss:>6.0f} MB {aim}")
            if target and (wall > target or (name == "resume import" and rss > MEMORY_TARGET_MB)):
                ok = False
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
