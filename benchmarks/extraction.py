"""Skill extraction: throughput and quality, with the peers' dictionary baselines in the same run.

    .venv/bin/python benchmarks/extraction.py --data ../shared/data [--peers ../shared/peers]
        [--seconds 10] [--json out.json] [--quality-only] [--engines unstuck,unstuck-esco]

``--quality-only`` skips the timing rounds (quality figures are the same either way);
``--engines`` keeps only the named rows (``unstuck``, ``unstuck-esco``, ``flashtext2``, ``regex``).

Everything is measured the way ``shared/peers`` measures its tools (its ``common.py`` and
``corpus.py`` are imported from there, read-only, never copied): the same 82-document corpus
(SkillSpan test postings + Green et al. test blocks, 328,840 bytes), the same speed loop (warm-up
on 10 documents, then full passes, one call per document, one core; run in ``--rounds``
interleaved rounds of ``--seconds / --rounds`` per engine, median round reported, because the
machine's load drifts by the minute),
the same Decorte et al. validation gold (TECH + HOUSE, ESCO preferred labels per sentence) and
the same SkillSpan test span scoring (token alignment, exact and overlap).

Builds (or reuses: the build is idempotent) an O*NET 29.0 + ESCO v1.1.1 knowledge base in a
cache folder through ``unstuck.knowledge.build.install``. Rows:

- ``unstuck``: :func:`unstuck.text.vocabulary.skill_extractor` over every vocabulary (ESCO,
  O*NET technology, tools, skill/knowledge elements), ``Extractor.extract(text, phrases=True)``
  end to end: folding, matching, longest-match selection, the skill phrases after leads
  ("experience with ...", "ability to ..."), negation/hedging assessment of every mention.
- ``unstuck-esco``: the same engine over ESCO only (the label set of the flashtext2 baseline
  plus inflected variants), without phrases, end to end. Negated mentions are dropped from
  the quality scores of both rows, as the product drops them.
- ``flashtext2``: the peers' dictionary baseline (``run_baseline.FlashEngine``: ESCO preferred +
  alternative labels, flashtext2's own boundary and longest-match rules). Needs flashtext2.
- ``regex``: a plain-``re`` baseline over the same labels: one case-insensitive alternation,
  compiled as a trie so that the engine does not retry 98,000 alternatives at every position,
  with word boundaries, leftmost match (Python's alternation is ordered, not longest).

Postings/s is documents per second (every document is one posting or a block of 20 posting
sentences). ESCO-link metrics count ESCO concepts only, in the order the engine reports them
(text order); span metrics count every mention.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from unstuck.knowledge.build import install
from unstuck.knowledge.esco import EscoSource
from unstuck.knowledge.store import KnowledgeBase
from unstuck.text.extract import Extractor, Mention
from unstuck.text.vocabulary import skill_extractor

REPO = Path(__file__).resolve().parent.parent


def load_kb(data: Path, cache: Path) -> KnowledgeBase:
    result = install(
        data / "onet" / "db_29_0_text.zip",
        extras=[EscoSource(data / "esco" / "v1.1.1")],
        directory=cache / "kb-esco",
        cache=cache,
    )
    return KnowledgeBase.load(result.path)


class Phrases:
    """The product configuration: labelled mentions plus the skill phrases after leads."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor

    def extract(self, text: str) -> list[Mention]:
        return self.extractor.extract(text, phrases=True)


class RegexEngine:
    """The plain-regex baseline: ESCO labels in one trie-shaped alternation."""

    def __init__(self, terms: dict[str, str]) -> None:
        trie: dict[str, Any] = {}
        for term in terms:
            node = trie
            for ch in term:
                node = node.setdefault(ch, {})
            node[""] = True
        self.terms = terms
        self.pattern = re.compile(r"(?<!\w)(?:" + self._regex(trie) + r")(?!\w)", re.IGNORECASE)

    def _regex(self, node: dict[str, Any]) -> str:
        # longest alternatives first, so that "java script" is tried before "java"
        parts = [re.escape(ch) + self._regex(child) for ch, child in node.items() if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if "" in node:
            body = "(?:" + body + ")?"
        return body

    def extract(self, text: str) -> list[tuple[str, int, int]]:
        return [(self.terms.get(m.group(0).lower(), ""), m.start(), m.end())
                for m in self.pattern.finditer(text)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--peers", type=Path, default=REPO.parent / "shared" / "peers")
    ap.add_argument("--cache", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp"))
                    / "unstuck-bench-extraction")
    ap.add_argument("--seconds", type=float, default=10.0, help="timed passes per engine")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved timing rounds")
    ap.add_argument("--skip-regex", action="store_true", help="leave out the regex baseline")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--quality-only", action="store_true", help="skip the timing rounds")
    ap.add_argument("--engines", help="comma-separated rows to run (default: all)")
    args = ap.parse_args()

    sys.path.insert(0, str(args.peers))
    import common  # type: ignore[import-not-found]  # shared/peers, stdlib only
    import corpus  # type: ignore[import-not-found]

    docs = corpus.build()
    nbytes = sum(len(d["text"].encode("utf-8")) for d in docs)
    print(f"corpus: {len(docs)} documents, {nbytes:,} bytes (shared/peers/corpus.py)")

    t0 = time.perf_counter()
    kb = load_kb(args.data, args.cache)
    print(f"knowledge base: {len(kb)} occupations, {len(kb.esco_skills)} ESCO skills "
          f"({time.perf_counter() - t0:.1f} s)")
    if not kb.esco_skills:
        sys.exit("the knowledge base has no ESCO skills: check --data")

    engines: dict[str, Callable[[], Any]] = {}
    uri_label = {uri: s.label for uri, s in kb.esco_skills.items()}

    engines["unstuck"] = lambda: Phrases(skill_extractor(kb))
    engines["unstuck-esco"] = lambda: skill_extractor(kb, ["esco"])
    try:
        import flashtext2  # noqa: F401
        import run_baseline  # type: ignore[import-not-found]

        engines["flashtext2"] = run_baseline.FlashEngine
        baseline_terms = run_baseline.esco_terms
    except ImportError:
        print("flashtext2 not installed: `pip install flashtext2==1.1.0` for the peer baseline")

        def baseline_terms() -> dict[str, str]:
            terms: dict[str, str] = {}
            for s in kb.esco_skills.values():
                for label in (s.label, *s.alt_labels):
                    terms.setdefault(label.strip().lower(), s.uri)
            return terms

    if not args.skip_regex:
        engines["regex"] = lambda: RegexEngine(baseline_terms())

    if args.engines:
        wanted = set(args.engines.split(","))
        engines = {name: load for name, load in engines.items() if name in wanted}
    results: dict[str, dict[str, Any]] = {}
    loaded: dict[str, Any] = {}
    for name, load in engines.items():
        t0 = time.perf_counter()
        loaded[name] = load()
        results[name] = {"load_s": round(time.perf_counter() - t0, 2), "rounds": []}
        print(f"load {name:14s} {results[name]['load_s']:6.2f} s")
    # Interleaved rounds: on a shared machine the load changes by the minute, so each engine
    # is timed a little in every round and the median round is reported.
    common.MIN_SECONDS = args.seconds / args.rounds
    for _ in range(0 if args.quality_only else args.rounds):
        for name, engine in loaded.items():
            results[name]["rounds"].append(common.measure_speed(engine.extract, docs))
    for name, r in results.items():
        if not r["rounds"]:
            r.update({"mb_per_s": 0.0, "docs_per_s": 0.0, "outputs_per_doc": 0.0, "passes": 0})
            continue
        rounds = sorted(r["rounds"], key=lambda x: x["mb_per_s"])
        median = rounds[len(rounds) // 2]
        r.update({k: median[k] for k in ("mb_per_s", "docs_per_s", "outputs_per_doc")})
        r["passes"] = sum(x["passes"] for x in rounds)
        each = ", ".join(f"{x['mb_per_s']:.2f}" for x in r["rounds"])
        print(f"speed {name:14s} {r['mb_per_s']:8.3f} MB/s  {r['docs_per_s']:9.1f} postings/s  "
              f"(median of {len(rounds)} rounds: {each})")

    # -- quality ---------------------------------------------------------------------------
    def esco_of(name: str, engine: Any, text: str) -> list[str]:
        if isinstance(engine, Extractor | Phrases):
            found = (m.primary("esco") for m in engine.extract(text) if not m.negated)
            return [c.label for c in found if c is not None]
        out = engine.extract(text)
        return [uri_label.get(u, "") for u, _, _ in out]

    def spans_of(engine: Any, text: str) -> list[tuple[int, int]]:
        if isinstance(engine, Extractor | Phrases):
            return [(m.start, m.end) for m in engine.extract(text) if not m.negated]
        return [(s, e) for _, s, e in engine.extract(text)]

    decorte = common.decorte_sets()
    spans = common.span_benchmarks()
    for name, engine in loaded.items():
        res: dict[str, Any] = {}
        all_g: list[set[str]] = []
        all_p: list[list[str]] = []
        for setname, items in decorte.items():
            golds = [g for _, g in items]
            preds = [esco_of(name, engine, s) for s, _ in items]
            res[f"esco_{setname}"] = common.esco_scores(golds, preds)
            all_g += golds
            all_p += preds
        res["esco"] = common.esco_scores(all_g, all_p)
        toks, golds = spans["skillspan_test"]

        def predict(tokens: list[str], engine: Any = engine) -> tuple[str, list[tuple[int, int]]]:
            text = " ".join(tokens)
            return text, spans_of(engine, text)

        res["skillspan"] = common.eval_spans(predict, toks, golds)
        results[name].update(res)

    flash = results.get("flashtext2", {}).get("mb_per_s")
    print()
    print("| engine | load s | MB/s | postings/s | x flashtext2 | ESCO set P / R / F1 | R@5 | "
          "P@5 | RP@5 | SkillSpan overlap F1 (P / R) | exact F1 |")
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|---|---:|")
    for name, r in results.items():
        e = r["esco"]
        s = r["skillspan"]["skill+knowledge"]
        ratio = f"{r['mb_per_s'] / flash:.2f}" if flash else "n/a"
        print(f"| {name} | {r['load_s']} | {r['mb_per_s']:.2f} | {r['docs_per_s']:.0f} | {ratio} "
              f"| {e['set']['p']:.3f} / {e['set']['r']:.3f} / {e['set']['f1']:.3f} "
              f"| {e['R@5']:.3f} | {e['P@5']:.3f} | {e['RP@5']:.3f} "
              f"| {s['overlap']['f1']:.3f} ({s['overlap']['p']:.3f} / {s['overlap']['r']:.3f}) "
              f"| {s['exact']['f1']:.3f} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
