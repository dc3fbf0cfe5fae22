"""Job title -> occupation search: accuracy on titles the index never saw, speed, baselines.

    .venv/bin/python benchmarks/title_search.py --data ../shared/data [--sockit PATH] [--json]

Builds (or reuses, the build is idempotent) an O*NET knowledge base in a cache folder through
``unstuck.knowledge.build.install``, then:

(a) **held-out reported titles**: every title of O*NET's Sample of Reported Titles is a query
    (deduplicated by normal form; a title listed under several occupations counts as found if
    any of them is), asked of an index that has never seen it: the reported file is left out
    and, since O*NET's alternate titles repeat nearly every reported title, so is every
    alternate title sharing a form with a held-out one. Reported titles are split in 5 folds
    by a hash of their normal form and each fold is queried against an index built without
    it; a harsher variant removes all of them from one index at once. Reported titles equal
    to an official title are left out (lookups, not searches). Queried as written and with
    the parenthesised part removed (which often spells out an abbreviation).
(b) **JobBERT vacancy titles** (ESCO-tagged) mapped to O*NET through the Nesta ESCO->O*NET
    crosswalk (concept URI -> O*NET code), index built without ESCO labels. The crosswalk maps
    1,680 ESCO occupations; titles of other concepts, and of the 325 rows that name an
    O*NET-SOC 2010 code absent from the 2019 taxonomy, are left out (counts are printed). The
    crosswalk keeps one O*NET occupation per ESCO occupation, so this gold is noisy: read it
    as a relative comparison.
(c) **speed**: index build time, p50/p95 per query with the index loaded, wall clock and CPU
    time (on a shared machine the wall clock includes waiting for a core).
(d) **baselines in the same run**: token-overlap (Jaccard over normalised tokens, best
    title per occupation), difflib ratio over every indexed title (on a fixed sample: it is
    slow), and sockit 0.3.1 run through its own CLI when ``--sockit``/``UNSTUCK_SOCKIT`` points
    to its executable (install it into its own venv: ``python -m venv /tmp/sockit-venv &&
    /tmp/sockit-venv/bin/pip install sockit==0.3.1``). sockit answers with 6-digit SOC codes,
    so it is scored at that level, beside unstuck scored at the same level.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from unstuck.core.titles import TitleEntry, TitleIndex, _forms, title_key
from unstuck.knowledge.build import install
from unstuck.knowledge.store import KnowledgeBase

REPO = Path(__file__).resolve().parent.parent
JOBBERT = Path("benchmarks/jobbert_title_normalization/titles.csv")
CROSSWALK = Path("crosswalks/esco_onet_nesta_mcc/esco_onet_crosswalk_Nov2020.csv")

Query = tuple[str, frozenset[str]]  # text, gold O*NET codes
Predict = Callable[[str], list[str]]  # text -> codes, best first
Split = tuple[list[Query], list[TitleEntry]]  # queries and the index entries they are asked of


def load_kb(data: Path, cache: Path) -> KnowledgeBase:
    result = install(data / "onet" / "db_29_0_text.zip", directory=cache / "kb", cache=cache)
    return KnowledgeBase.load(result.path)


def _form_keys(text: str) -> set[str]:
    return {" ".join(f) for f in _forms(text)}


def heldout(kb: KnowledgeBase, folds: int) -> tuple[list[Split], dict[str, int]]:
    """Reported titles as queries, each asked of an index that has never seen it.

    O*NET's alternate titles already contain nearly every reported title, so leaving the
    reported file out is not enough: every alternate title sharing a form (the title without
    its parenthesis, or the parenthesised part) with a held-out title is removed as well.
    Reported titles are split into ``folds`` parts by a hash of their normal form; each part is
    queried against an index without it (``folds=1``: one index without any of them).
    Reported titles equal to an official title stay out of the queries (a lookup, not a
    search); official titles always stay in the index.
    """
    official: set[str] = set()
    for t in kb.titles.values():
        official |= _form_keys(t)
    gold: dict[str, set[str]] = defaultdict(set)
    text_of: dict[str, str] = {}
    total = 0
    for code, titles in kb.reported_titles.items():
        for t in titles:
            total += 1
            key = title_key(t)
            gold[key].add(code)
            text_of.setdefault(key, t)
    held = [k for k in sorted(gold) if not (_form_keys(text_of[k]) & official)]
    base = [e for e in kb.title_entries(include_reported=False) if e.source != "esco"]
    splits: list[Split] = []
    removed = 0
    for fold in range(folds):
        keys = [k for k in held if zlib.crc32(k.encode()) % folds == fold]
        forms: set[str] = set()
        for k in keys:
            forms |= _form_keys(text_of[k])
        entries = [e for e in base if e.source == "title" or not (_form_keys(e.text) & forms)]
        removed += len(base) - len(entries)
        splits.append(([(text_of[k], frozenset(gold[k])) for k in keys], entries))
    counts = {
        "reported": total,
        "distinct": len(gold),
        "equal_to_official_title": len(gold) - len(held),
        "queries": len(held),
        "folds": folds,
        "alternates_removed_per_fold": removed // folds,
    }
    return splits, counts


def jobbert_queries(data: Path, kb: KnowledgeBase) -> tuple[list[Query], dict[str, int]]:
    with open(data / CROSSWALK, newline="", encoding="utf-8") as f:
        crosswalk = {r["concept_uri"]: r["onet_code"] for r in csv.DictReader(f)}
    path = data.parent / JOBBERT
    if not path.exists():
        path = data / JOBBERT
    gold: dict[str, set[str]] = defaultdict(set)
    text_of: dict[str, str] = {}
    rows = mapped = 0
    for r in csv.DictReader(open(path, newline="", encoding="utf-8")):
        rows += 1
        code = crosswalk.get(r["conceptUri"])
        if code is None or code not in kb.titles:
            continue
        mapped += 1
        key = title_key(r["vacancyTitle"])
        if not key:
            continue
        gold[key].add(code)
        text_of.setdefault(key, r["vacancyTitle"].strip())
    queries = [(text_of[k], frozenset(gold[k])) for k in sorted(gold)]
    return queries, {"titles": rows, "mapped": mapped, "distinct": len(queries)}


def soc(code: str) -> str:
    return code[:7].replace("-", "")


class Tally:
    """Top-1 and top-3 hits over one or more splits."""

    def __init__(self) -> None:
        self.n = self.top1 = self.top3 = 0

    def add(self, queries: Sequence[Query], predict: Predict, level: str = "onet") -> None:
        for text, gold in queries:
            got = predict(text)
            if level == "soc":
                gold = frozenset(soc(c) for c in gold)
                got = list(dict.fromkeys(soc(c) if "-" in c else c for c in got))
            self.n += 1
            self.top1 += bool(got[:1] and got[0] in gold)
            self.top3 += any(c in gold for c in got[:3])

    def result(self) -> dict[str, float]:
        n = max(self.n, 1)
        return {"n": self.n, "top1": self.top1 / n, "top3": self.top3 / n}


def score(queries: Sequence[Query], predict: Predict, level: str = "onet") -> dict[str, float]:
    tally = Tally()
    tally.add(queries, predict, level)
    return tally.result()


# -- baselines ---------------------------------------------------------------------------------
class TokenOverlap:
    """Jaccard similarity of normalised token sets; an occupation scores its best title."""

    def __init__(self, entries: Sequence[TitleEntry]) -> None:
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.docs: list[tuple[frozenset[str], str]] = []
        for e in entries:
            toks = frozenset(title_key(e.text).split())
            if toks:
                for t in toks:
                    self.postings[t].append(len(self.docs))
                self.docs.append((toks, e.code))

    def __call__(self, text: str) -> list[str]:
        q = frozenset(title_key(text).split())
        best: dict[str, float] = {}
        for d in {d for t in q for d in self.postings.get(t, ())}:
            toks, code = self.docs[d]
            s = len(q & toks) / len(q | toks)
            if s > best.get(code, 0.0):
                best[code] = s
        return sorted(best, key=lambda c: (-best[c], c))[:3]


class Difflib:
    """difflib's ratio against every distinct indexed title."""

    def __init__(self, entries: Sequence[TitleEntry]) -> None:
        codes: dict[str, list[str]] = defaultdict(list)
        for e in entries:
            key = title_key(e.text)
            if key and e.code not in codes[key]:
                codes[key].append(e.code)
        self.codes = codes
        self.keys = list(codes)

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        for key in difflib.get_close_matches(title_key(text), self.keys, n=10, cutoff=0.5):
            out.extend(c for c in self.codes[key] if c not in out)
        return out[:3]


def run_sockit(exe: str, queries: Sequence[Query]) -> tuple[dict[int, list[str]], float]:
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.json"
        out = Path(tmp) / "out.jsonl"
        inp.write_text(json.dumps([{"id": i, "title": q} for i, (q, _) in enumerate(queries)]))
        started = time.perf_counter()
        subprocess.run(
            [exe, "-q", "title", "-i", str(inp), "-o", str(out), "--record_id", "id"],
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - started
        answers: dict[int, list[str]] = {}
        for line in out.read_text().splitlines():
            r = json.loads(line)
            answers[int(r["record_id"])] = [s["soc"] for s in r.get("socs") or []]
    return answers, seconds


# -- the run -----------------------------------------------------------------------------------
def timed_index(entries: Sequence[TitleEntry], titles: dict[str, str]) -> tuple[TitleIndex, float]:
    started = time.perf_counter()
    index = TitleIndex(entries, titles)
    return index, time.perf_counter() - started


def latencies(index: TitleIndex, texts: Sequence[str]) -> dict[str, float]:
    """Per-query wall-clock and CPU time in ms. On a shared machine the wall clock also
    counts time spent waiting for a core, so both are reported."""
    for t in texts[:50]:  # warm-up
        index.search(t)
    wall: list[float] = []
    cpu: list[float] = []
    for t in texts:
        w, c = time.perf_counter(), time.process_time()
        index.search(t)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return {
        "p50": round(pct(wall, 0.5), 3),
        "p95": round(pct(wall, 0.95), 3),
        "mean": round(statistics.fmean(wall), 3),
        "cpu_p50": round(pct(cpu, 0.5), 3),
        "cpu_p95": round(pct(cpu, 0.95), 3),
        "cpu_mean": round(statistics.fmean(cpu), 3),
    }


def pct(values: Sequence[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "unstuck-bench")
    parser.add_argument(
        "--sockit",
        default=os.environ.get("UNSTUCK_SOCKIT"),
        help="sockit executable (in its own venv); not run when absent",
    )
    parser.add_argument("--folds", type=int, default=5, help="folds of held-out reported titles")
    parser.add_argument(
        "--difflib-sample", type=int, default=100, help="queries per set for slow difflib"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    def log(*a: object) -> None:
        print(*a, file=sys.stderr)

    kb = load_kb(args.data, args.cache)
    splits_a, counts_a = heldout(kb, args.folds)
    strict_a, counts_strict = heldout(kb, 1)
    entries_b = [e for e in kb.title_entries() if e.source != "esco"]
    queries_b, counts_b = jobbert_queries(args.data, kb)
    sets: list[tuple[str, list[Split], dict[str, int]]] = [
        (f"reported titles, {args.folds}-fold held out", splits_a, counts_a),
        (
            f"reported titles, {args.folds}-fold, parenthesis removed",
            [([(_strip(q), g) for q, g in qs], es) for qs, es in splits_a],
            counts_a,
        ),
        ("reported titles, all held out at once", strict_a, counts_strict),
        ("JobBERT titles via ESCO->O*NET crosswalk", [(queries_b, entries_b)], counts_b),
    ]
    rng = random.Random(20261122)
    rows: list[dict[str, object]] = []
    indexes: dict[int, tuple[TitleIndex, float]] = {}
    for number, (name, splits, counts) in enumerate(sets):
        log(f"{name}: {counts}")
        tally: dict[str, Tally] = defaultdict(Tally)
        builds: list[float] = []
        lat: dict[str, float] = {}
        for queries, entries in splits:
            if id(entries) not in indexes:
                indexes[id(entries)] = timed_index(entries, kb.titles)
            index, seconds = indexes[id(entries)]
            builds.append(seconds)

            def ours(t: str, index: TitleIndex = index) -> list[str]:
                return [m.code for m in index.search(t, limit=10)]

            tally["unstuck"].add(queries, ours)
            tally["unstuck_soc"].add(queries, ours, "soc")
            tally["token_overlap"].add(queries, TokenOverlap(entries))
            share = round(args.difflib_sample * len(queries) / sum(len(q) for q, _ in splits))
            sample = rng.sample(queries, min(share, len(queries)))
            tally["difflib_sample"].add(sample, Difflib(entries))
            tally["unstuck_on_difflib_sample"].add(sample, ours)
            if not lat:
                lat = latencies(index, [q for q, _ in queries])
        row: dict[str, object] = {"set": name, "counts": counts}
        row.update({k: t.result() for k, t in tally.items()})
        row["build_s"] = round(statistics.median(builds), 3)
        row["latency_ms"] = lat
        if args.sockit:
            everything = [q for queries, _ in splits for q in queries]
            answers, seconds = run_sockit(args.sockit, everything)
            sock = Tally()
            sock.add(
                [(str(i), g) for i, (_, g) in enumerate(everything)],
                lambda i, answers=answers: answers.get(int(i), []),  # type: ignore[misc]
                "soc",
            )
            row["sockit_soc"] = sock.result()
            row["sockit_seconds"] = round(seconds, 2)
            if number == 0:
                # sockit's cost per title without its start-up: the difference between this
                # run and one on the first 100 titles
                _, small = run_sockit(args.sockit, everything[:100])
                row["sockit_ms_per_title"] = round(
                    1000 * (seconds - small) / max(len(everything) - 100, 1), 3
                )
        else:
            row["sockit_soc"] = "not run (give --sockit PATH or set UNSTUCK_SOCKIT)"
        rows.append(row)
        if not args.json:
            print_table([row])
        # keep only the indexes the next set asks again
        upcoming = {id(es) for _, es in sets[number + 1][1]} if number + 1 < len(sets) else set()
        indexes = {k: v for k, v in indexes.items() if k in upcoming}
    if args.json:
        print(json.dumps({"release": kb.release, "sets": rows}, indent=2))
    return 0


def _strip(text: str) -> str:
    return title_key(text) if "(" in text else text


def _fmt(r: object) -> str:
    if isinstance(r, dict):
        return f"{100 * r['top1']:5.1f}% / {100 * r['top3']:5.1f}%  (n={r['n']})"
    return str(r)


def print_table(rows: list[dict[str, object]]) -> None:
    print()
    for row in rows:
        print(f"== {row['set']}  {row['counts']}")
        print(f"   {'matcher':34} top-1 / top-3")
        for label, key in (
            ("unstuck (O*NET-SOC)", "unstuck"),
            ("unstuck (6-digit SOC)", "unstuck_soc"),
            ("sockit 0.3.1 (6-digit SOC)", "sockit_soc"),
            ("token overlap (O*NET-SOC)", "token_overlap"),
            ("difflib, sample (O*NET-SOC)", "difflib_sample"),
            ("unstuck, same sample", "unstuck_on_difflib_sample"),
        ):
            print(f"   {label:34} {_fmt(row[key])}")
        lat = row["latency_ms"]
        assert isinstance(lat, dict)
        print(
            f"   speed: index build {row['build_s']} s (median over folds); per query "
            f"p50 {lat['p50']} ms, p95 {lat['p95']} ms wall; "
            f"p50 {lat['cpu_p50']} ms, p95 {lat['cpu_p95']} ms CPU"
        )
        if "sockit_seconds" in row:
            print(f"   sockit: {row['sockit_seconds']} s for all titles in one process", end="")
            if "sockit_ms_per_title" in row:
                print(f", {row['sockit_ms_per_title']} ms per title after start-up", end="")
            print()
        print()


if __name__ == "__main__":
    sys.exit(main())
