"""Career paths: does the engine recover O*NET's expert Related Occupations without reading them?

    .venv/bin/python benchmarks/paths.py --data ../shared/data [--tune] [--json]

Builds (or reuses; the build is idempotent) an O*NET 29.0 knowledge base in a cache folder,
takes the Related Occupations lists out of it as gold and then *empties* ``kb.related`` before
the engine's arrays are built, so the engine cannot read them. For every occupation with a
Related list, its own profile (levels, interests, work values, job zone) is the person; the
engine ranks all other occupations. Reported:

- recall@10 and nDCG@10 (binary relevance, ideal DCG over min(|gold|, 10) hits) against
  Primary-Short + Primary-Long (10 per occupation), and against Primary-Short alone (5);
- separately for the two halves of the queries, split by CRC-32 of the code (even: the half
  the default weights were tuned on; odd: held out), and for all queries;
- in the same run, the baseline: cosine similarity over the same Skills+Knowledge importance
  vectors, occupations without them ranked last (in a fixed random order);
- speed: p50/p95 of scoring + ordering all occupations for one person, and 1,000 persons
  end to end (queries cycled), arrays already built; the build time separately.

``--tune`` re-runs the coordinate ascent that chose :data:`DEFAULT_WEIGHTS` on the even half
and prints the weights it finds with both halves' figures, so the tuning can be checked or
redone for a new release (paste the result into ``core/paths/engine.py``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from unstuck.core.paths.engine import DEFAULT_WEIGHTS, person_from_occupation, score
from unstuck.knowledge.build import install
from unstuck.knowledge.matrices import build
from unstuck.knowledge.store import KnowledgeBase

REPO = Path(__file__).resolve().parent.parent
GOLD_TIERS = {"ps+pl": ("Primary-Short", "Primary-Long"), "ps": ("Primary-Short",)}
DISCOUNT = 1.0 / np.log2(np.arange(2, 12))


def load_kb(data: Path, cache: Path) -> KnowledgeBase:
    result = install(data / "onet" / "db_29_0_text.zip", directory=cache / "kb", cache=cache)
    return KnowledgeBase.load(result.path)


def half_of(code: str) -> str:
    return "tune" if zlib.crc32(code.encode()) % 2 == 0 else "test"


def metrics(ranked: Sequence[int], gold: set[int], k: int = 10) -> tuple[float, float]:
    hits = np.array([r in gold for r in ranked[:k]], dtype=float)
    ideal = DISCOUNT[: min(len(gold), k)].sum()
    return hits.sum() / len(gold), float((hits * DISCOUNT[: len(hits)]).sum() / ideal)


def summarise(
    per_query: Mapping[int, tuple[float, float]], queries: Sequence[int]
) -> tuple[float, float]:
    vals = [per_query[q] for q in queries]
    return float(np.mean([v[0] for v in vals])), float(np.mean([v[1] for v in vals]))


def baseline_orders(kb: KnowledgeBase, codes: Sequence[str]) -> dict[int, list[int]]:
    """Plain cosine over Skills+Knowledge importance (35 + 33 elements)."""
    elements = sorted(
        {
            (d, r.element_id)
            for d in ("skill", "knowledge")
            for rs in kb.ratings[d].values()
            for r in rs
        }
    )
    col = {e: k for k, e in enumerate(elements)}
    m = np.zeros((len(codes), len(elements)))
    for i, c in enumerate(codes):
        for d in ("skill", "knowledge"):
            for r in kb.ratings[d].get(c, ()):
                if r.importance is not None:
                    m[i, col[(d, r.element_id)]] = r.importance
    norms = np.linalg.norm(m, axis=1)
    has = norms > 0
    unit = m / np.where(has, norms, 1.0)[:, None]
    sim = unit @ unit.T
    rng = np.random.default_rng(0)
    noise = rng.random(sim.shape) * 1e-9
    sim = np.where(has[None, :], sim, -1.0 + noise)  # candidates without ratings last
    out = {}
    for i in range(len(codes)):
        row = sim[i].copy() if has[i] else noise[i].copy()  # query without ratings: random
        row[i] = -np.inf
        out[i] = list(np.argsort(-row, kind="stable")[:10])
    return out


def engine_orders(
    data, queries: Sequence[int], weights: Mapping[str, float]
) -> tuple[dict[int, list[int]], list[float]]:
    out: dict[int, list[int]] = {}
    times: list[float] = []
    persons = {q: person_from_occupation(data, data.codes[q]) for q in queries}
    for q in queries:
        t = time.perf_counter()
        ranking = score(data, persons[q], weights)
        order = ranking.order()
        times.append(time.perf_counter() - t)
        out[q] = [int(x) for x in order[:10]]
    return out, times


def tune(data, queries: Sequence[int], gold: Mapping[int, set[int]]) -> dict[str, float]:
    """Coordinate ascent on recall@10 + nDCG@10 (Primary-Short + Primary-Long) of ``queries``,
    starting from the current :data:`DEFAULT_WEIGHTS` (a signal new there starts at 0), so a
    re-run refines the weights in use rather than starting over from a flat point."""
    everything = {s: 1.0 for s in DEFAULT_WEIGHTS if s not in ("pay", "outlook")}
    z: dict[str, np.ndarray] = {
        s: np.zeros((len(queries), len(data)), np.float32) for s in everything
    }
    for row, q in enumerate(queries):
        ranking = score(data, person_from_occupation(data, data.codes[q]), everything)
        for s, v in ranking.z.items():
            z[s][row] = v
    qarr = np.asarray(queries)
    g = np.zeros((len(queries), len(data)), bool)
    for row, q in enumerate(queries):
        g[row, list(gold[q])] = True
    ideal = np.array([DISCOUNT[: min(10, int(k))].sum() for k in g.sum(1)])

    def objective(w: Mapping[str, float]) -> float:
        total = sum(w[s] * z[s] for s in w if w[s])
        total[np.arange(len(queries)), qarr] = -np.inf
        top = np.argpartition(-total, 10, axis=1)[:, :10]
        top = np.take_along_axis(top, np.argsort(-np.take_along_axis(total, top, 1), 1), 1)
        hits = np.take_along_axis(g, top, 1)
        recall = (hits.sum(1) / g.sum(1)).mean()
        ndcg = ((hits * DISCOUNT).sum(1) / ideal).mean()
        return float(recall + ndcg)

    grid = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0)
    w = {s: DEFAULT_WEIGHTS[s] for s in everything}
    best = objective(w)
    for p in range(4):
        changed = False
        for s in everything:
            for v in grid:
                trial = {**w, s: v}
                o = objective(trial)
                if o > best + 1e-9:
                    best, w, changed = o, trial, True
        print(f"  pass {p + 1}: recall+nDCG {best:.4f}", file=sys.stderr)
        if not changed:
            break
    return w


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/unstuck-bench-paths"))
    ap.add_argument("--tune", action="store_true", help="re-tune weights on the even half")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    kb = load_kb(args.data, args.cache)
    codes = kb.codes()
    index = {c: i for i, c in enumerate(codes)}
    golds: dict[str, dict[int, set[int]]] = {name: {} for name in GOLD_TIERS}
    for code, rel in kb.related.items():
        for name, tiers in GOLD_TIERS.items():
            golds[name][index[code]] = {index[o] for o, tier, _ in rel if tier in tiers}
    kb.related.clear()  # the engine must not see them
    queries = sorted(golds["ps+pl"])
    halves = {
        "tune": [q for q in queries if half_of(codes[q]) == "tune"],
        "test": [q for q in queries if half_of(codes[q]) == "test"],
        "all": queries,
    }

    t = time.perf_counter()
    data = build(kb)
    build_s = time.perf_counter() - t

    weights = dict(DEFAULT_WEIGHTS)
    if args.tune:
        weights = tune(data, halves["tune"], golds["ps+pl"])
        print("tuned weights:", json.dumps(weights), file=sys.stderr)

    ours, times = engine_orders(data, queries, weights)
    base = baseline_orders(kb, codes)
    report: dict[str, object] = {
        "queries": {k: len(v) for k, v in halves.items()},
        "candidates": len(codes) - 1,
        "weights": weights,
        "build_seconds": round(build_s, 2),
    }
    rows = []
    for gold_name, gold in golds.items():
        for method, orders in (("engine", ours), ("baseline: Skills+Knowledge cosine", base)):
            per = {q: metrics(orders[q], gold[q]) for q in queries}
            for half, qs in halves.items():
                r, n = summarise(per, qs)
                rows.append(
                    {
                        "gold": gold_name,
                        "method": method,
                        "half": half,
                        "recall@10": round(r, 3),
                        "ndcg@10": round(n, 3),
                    }
                )
    report["results"] = rows

    persons = [person_from_occupation(data, codes[q]) for q in queries]
    batch = [persons[i % len(persons)] for i in range(1000)]
    t = time.perf_counter()
    for p in batch:
        score(data, p, weights).order()
    batch_s = time.perf_counter() - t
    ms = sorted(x * 1000 for x in times)
    report["speed"] = {
        "one_person_p50_ms": round(statistics.median(ms), 3),
        "one_person_p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 3),
        "thousand_persons_s": round(batch_s, 3),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"O*NET {kb.release}: {len(queries)} queries ({len(halves['tune'])} tuning half, "
        f"{len(halves['test'])} held-out half), {len(codes) - 1} candidates each"
    )
    print(f"arrays built in {build_s:.2f} s; Related Occupations emptied before the build\n")
    print(f"{'gold':<6} {'method':<36} {'half':<5} {'recall@10':>9} {'nDCG@10':>8}")
    for r in rows:
        print(
            f"{r['gold']:<6} {r['method']:<36} {r['half']:<5} {r['recall@10']:>9.3f} "
            f"{r['ndcg@10']:>8.3f}"
        )
    s = report["speed"]
    print(
        f"\nranking all occupations for one person: p50 {s['one_person_p50_ms']} ms, "  # type: ignore[index]
        f"p95 {s['one_person_p95_ms']} ms; 1,000 persons: {s['thousand_persons_s']} s"
    )  # type: ignore[index]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
