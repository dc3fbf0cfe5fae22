"""Benchmark: how well unstuck reads resumes and postings people write, and matches them.

    .venv/bin/python benchmarks/documents_quality.py [--home DIR | --data ../shared/data]
                                                     [--set benchmarks/documents] [--json] [-v]

The labelled set (``benchmarks/documents/``, see its README) is written for unstuck: resumes and
postings across fields, in text, DOCX, PDF (one and two columns) and HTML, in the layouts people
use. DOCX, PDF and HTML files are generated here from each document's text (python-docx,
reportlab, a few tags) into a temporary folder. Every document goes through the product's own
path: ``services.import_resume`` / ``services.add_postings`` into a fresh SQLite user store, then
``services.match`` for every resume against every posting.

Printed, micro-averaged over the set:

- field precision / recall / F1: resume positions (title and employer both right), degrees (level
  and field), licences and certifications, skills (each skill surface read, against the phrases a
  person would accept); posting title, employer, required and preferred skills, experience
  (years), degree (level);
- skill-mention precision over resumes and postings together: the share of the skill words read
  that name a skill (the gold phrases);
- natural posting first: for how many resumes their own posting scores highest of all postings;
  pair ranking: the mean reciprocal rank of the natural posting, its mean and smallest margin
  over the best other posting, and the mean score of natural and other pairs.

Baselines from the same run: for skill mentions the raw dictionary (every mention the skill
extractor finds in every line, no reading of sections or context); for ranking, the cosine of
word counts (tf-idf) between the resume's and the posting's whole texts.

The rules for what counts as the same (:func:`same_phrase`, :func:`score_resume`,
:func:`score_posting`) are plain functions, tested in ``tests/test_documents_quality.py``.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import math
import os
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SET = HERE / "documents"
LEVELS = ("high school", "certificate", "associate", "bachelor", "master", "professional",
          "doctorate")  # fmt: skip
#: the acceptance floors of issue 13
FLOORS = {"positions": 0.90, "degrees": 0.90, "licences": 0.90, "mention_precision": 0.85,
          "natural_first": 0.90}  # fmt: skip


# -- the set -------------------------------------------------------------------------------------


@dataclass
class Document:
    id: str
    kind: str  # "resume" | "posting"
    format: str
    text: str
    gold: dict[str, Any]
    left: str = ""
    right: str = ""

    @property
    def plain(self) -> str:
        """The document's words without markup (for the baseline)."""
        body = self.text or (self.left + "\n" + self.right)
        lines = []
        for line in body.splitlines():
            line = re.sub(r"^\s*(?:#+|-)\s+", "", line)
            lines.append(line.replace(" || ", " | "))
        return "\n".join(lines)


def load_set(root: Path = SET) -> tuple[list[Document], list[Document]]:
    out: dict[str, list[Document]] = {"resume": [], "posting": []}
    for kind, folder in (("resume", "resumes"), ("posting", "postings")):
        for path in sorted((root / folder).glob("*.yaml")):
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            out[kind].append(
                Document(
                    path.stem,
                    kind,
                    raw["format"],
                    raw.get("text") or "",
                    raw["gold"] or {},
                    raw.get("left") or "",
                    raw.get("right") or "",
                )  # fmt: skip
            )
    return out["resume"], out["posting"]


# -- rendering -----------------------------------------------------------------------------------

_SUFFIX = {"text": ".txt", "docx": ".docx", "pdf": ".pdf", "pdf-columns": ".pdf", "html": ".html"}


def render(doc: Document) -> tuple[bytes, str]:
    """The file a person would hand over: (bytes, file name)."""
    name = doc.id + _SUFFIX[doc.format]
    if doc.format == "text":
        return doc.text.encode(), name
    if doc.format == "docx":
        return _docx(doc.text), name
    if doc.format == "pdf":
        return _pdf([doc.text]), name
    if doc.format == "pdf-columns":
        return _pdf([doc.left, doc.right]), name
    if doc.format == "html":
        return _html(doc.text), name
    raise ValueError(f"{doc.id}: unknown format {doc.format}")


def _blocks(text: str) -> list[tuple[str, Any]]:
    """("heading" | "bullet" | "para", text) and ("table", [[cells]]) blocks."""
    out: list[tuple[str, Any]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("# "):
            out.append(("heading", line[2:].strip()))
        elif line.startswith("- "):
            out.append(("bullet", line[2:].strip()))
        elif " || " in line:
            cells = [c.strip() for c in line.split(" || ")]
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
        else:
            out.append(("para", line.strip()))
    return out


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for kind, value in _blocks(text):
        if kind == "heading":
            document.add_heading(value, level=1)
        elif kind == "bullet":
            document.add_paragraph(value, style="List Bullet")
        elif kind == "table":
            width = max(len(r) for r in value)
            table = document.add_table(rows=len(value), cols=width)
            for i, row in enumerate(value):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        else:
            document.add_paragraph(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(columns: list[str]) -> bytes:
    """One column, or two drawn row by row across the page (as layout engines draw tables),
    so that a reader taking text in drawing order runs the columns together."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter, invariant=True)
    width, height = letter
    lefts = [50.0] if len(columns) == 1 else [36.0, 232.0]
    small = 9.5 if len(columns) == 1 else 8.0  # two columns fit the page side by side
    drawn: list[tuple[int, float, float, str, float, str]] = []  # page, -y, x, font, size, text
    for col, text in zip(lefts, columns, strict=True):
        y, page = height - 60, 0
        for kind, value in _blocks(text):
            rows = value if kind == "table" else [value]
            for row in rows:
                shown = "   ".join(row) if kind == "table" else row
                if kind == "heading":
                    y -= 6
                    shown = shown.upper() if len(columns) > 1 else shown
                    drawn.append((page, -y, col, "Helvetica-Bold", small + 1.5, shown))
                elif kind == "bullet":
                    drawn.append((page, -y, col + 8, "Helvetica", small, "\u2022 " + shown))
                else:
                    drawn.append((page, -y, col, "Helvetica", small, shown))
                y -= 13
                if y < 50:
                    y, page = height - 60, page + 1
    current = 0
    for page, neg_y, x, font, size, shown in sorted(drawn):
        while page > current:
            pdf.showPage()
            current += 1
        pdf.setFont(font, size)
        pdf.drawString(x, -neg_y, shown)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _html(text: str) -> bytes:
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>", "", "</title></head>"
             "<body><main>"]  # fmt: skip
    first = True
    in_list = False
    for kind, value in _blocks(text):
        if kind != "bullet" and in_list:
            parts.append("</ul>")
            in_list = False
        if kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in value
            )
            parts.append(f"<table>{rows}</table>")
        elif first:
            parts[1] = html.escape(value)
            parts.append(f"<h1>{html.escape(value)}</h1>")
        elif kind == "heading":
            parts.append(f"<h2>{html.escape(value)}</h2>")
        elif kind == "bullet":
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{html.escape(value)}</li>")
        else:
            parts.append(f"<p>{html.escape(value)}</p>")
        first = False
    if in_list:
        parts.append("</ul>")
    parts.append("</main><footer><p>Privacy | Terms | Contact</p></footer></body></html>")
    return "".join(parts).encode()


# -- what counts as the same ---------------------------------------------------------------------


def fold(text: str | None) -> str:
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9+#]+", " ", ascii_text.lower()).split())


def _within(small: str, big: str) -> bool:
    return bool(small) and f" {small} " in f" {big} "


def same_phrase(found: str, gold: str) -> bool:
    """A skill read as ``found`` names the gold phrase ``gold``: equal once folded, or one is a
    whole-word part of the other ("Excel" in "Microsoft Excel", "SQL queries" around "SQL")."""
    a, b = fold(found), fold(gold)
    return bool(a) and bool(b) and (a == b or _within(a, b) or _within(b, a))


def same_name(found: str | None, gold: str | None) -> bool:
    return fold(found) == fold(gold) and bool(fold(gold))


def same_licence(found: str, gold: str) -> bool:
    a, b = fold(found), fold(gold)
    return len(a) >= 3 and len(b) >= 3 and (_within(a, b) or _within(b, a))


@dataclass
class Tally:
    tp_found: int = 0  # found items that are right
    found: int = 0
    tp_gold: int = 0  # gold items that were found
    gold: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, found: list[Any], gold: list[Any], same: Any, label: str = "") -> None:
        self.found += len(found)
        self.gold += len(gold)
        used: set[int] = set()
        for f in found:
            hit = next((i for i, g in enumerate(gold) if i not in used and same(f, g)), None)
            if hit is not None:
                used.add(hit)
                self.tp_found += 1
            else:
                self.misses.append(f"{label}: read {f!r}")
        self.tp_gold += len(used)
        self.misses += [f"{label}: missed {g!r}" for i, g in enumerate(gold) if i not in used]

    def add_phrases(self, found: list[str], gold: list[str], label: str = "") -> None:
        """Phrases: a found phrase is right when it names any gold phrase, a gold phrase found
        when any found phrase names it (several words may name one phrase)."""
        self.found += len(found)
        self.gold += len(gold)
        for f in found:
            if any(same_phrase(f, g) for g in gold):
                self.tp_found += 1
            else:
                self.misses.append(f"{label}: read {f!r}")
        for g in gold:
            if any(same_phrase(f, g) for f in found):
                self.tp_gold += 1
            else:
                self.misses.append(f"{label}: missed {g!r}")

    @property
    def precision(self) -> float | None:
        return self.tp_found / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.tp_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


_RANK_LEVEL = {4: "doctorate", 3: "master", 2: "bachelor", 1: "associate", 0: "high school"}


def degree_level(item: dict[str, Any]) -> str | None:
    """The level of a stored education entry: the reader's own ``level`` when it gives one,
    otherwise the degree rank the matcher reads from its words."""
    if item.get("level"):
        return str(item["level"])
    from unstuck.core.match import degree_rank

    rank = degree_rank(item.get("degree") or item.get("evidence"))
    return None if rank is None else _RANK_LEVEL[rank]


def same_degree(found: dict[str, Any], gold: dict[str, Any]) -> bool:
    if found.get("level") != gold.get("level"):
        return False
    if not gold.get("field"):
        return True
    a, b = fold(found.get("field")), fold(gold["field"])
    return bool(a) and (a == b or _within(a, b) or _within(b, a))


def surfaces(skills: list[dict[str, Any]]) -> list[str]:
    """The document's own words for the skills read, each once (folded)."""
    seen: dict[str, str] = {}
    for s in skills:
        for word in s.get("surface") or ():
            seen.setdefault(fold(word), word)
    return [w for k, w in seen.items() if k]


def _same_position(f: tuple[str, str], g: tuple[str, str]) -> bool:
    return same_name(f[0], g[0]) and same_name(f[1], g[1])


def score_resume(parsed: dict[str, Any] | None, gold: dict[str, Any], t: dict[str, Tally],
                 label: str) -> None:  # fmt: skip
    parsed = parsed or {}
    positions = [(p.get("title"), p.get("employer")) for p in parsed.get("positions") or ()]
    want = [(g.get("title"), g.get("employer")) for g in gold.get("positions") or ()]
    t["positions"].add(positions, want, _same_position, label)
    degrees = [{"level": degree_level(e), "field": e.get("field")}
               for e in parsed.get("education") or ()]  # fmt: skip
    degrees = [d for d in degrees if d["level"]]
    t["degrees"].add(degrees, list(gold.get("degrees") or ()), same_degree, label)
    names = [c.get("name") or "" for c in parsed.get("certifications") or ()]
    t["licences"].add(names, list(gold.get("licences") or ()), same_licence, label)
    words = surfaces(parsed.get("skills") or [])
    t["skills"].add_phrases(words, list(gold.get("skills") or ()), label)
    t["mentions"].add_phrases(words, list(gold.get("skills") or ()), label)


def _years(parsed: dict[str, Any]) -> list[float]:
    out = []
    for r in parsed.get("requirements") or ():
        m = re.match(r"(\d+(?:\.\d+)?)", str(r.get("value")))
        if r.get("kind") == "experience" and m:
            out.append(float(m.group(1)))
    return out


def posting_degree(parsed: dict[str, Any]) -> str | None:
    for r in parsed.get("requirements") or ():
        if r.get("kind") == "degree":
            value = str(r.get("level") or r.get("value"))
            return value if value in LEVELS else degree_level({"degree": value})
    return None


def score_posting(parsed: dict[str, Any] | None, gold: dict[str, Any], t: dict[str, Tally],
                  label: str) -> None:  # fmt: skip
    parsed = parsed or {}
    for name in ("title", "employer"):
        found = [parsed.get(name)] if parsed.get(name) else []
        want = [gold.get(name)] if gold.get(name) else []
        t[f"posting {name}"].add(found, want, same_name, label)
    skills = parsed.get("skills") or []
    section = {s["id"] + s["kind"]: s.get("section") or ("required" if s.get("required")
               else "preferred") for s in skills}  # fmt: skip
    for name in ("required", "preferred"):
        mine = surfaces([s for s in skills if section[s["id"] + s["kind"]] == name])
        t[name].add_phrases(mine, list(gold.get(name) or ()), label)
    every = [*(gold.get("required") or ()), *(gold.get("preferred") or ()),
             *(gold.get("duties") or ())]  # fmt: skip
    t["mentions"].add_phrases(surfaces(skills), every, label)
    years = _years(parsed)
    t["experience"].add(years[:1], [float(gold["experience"])] if gold.get("experience") else [],
                        lambda f, g: f == g, label)  # fmt: skip
    level = posting_degree(parsed)
    t["degree"].add([level] if level else [], [gold["degree"]] if gold.get("degree") else [],
                    lambda f, g: f == g, label)  # fmt: skip


# -- the baselines -------------------------------------------------------------------------------


def _tfidf(texts: list[str]) -> list[dict[str, float]]:
    docs = [Counter(fold(t).split()) for t in texts]
    df: Counter[str] = Counter(w for d in docs for w in d)
    n = len(docs)
    out = []
    for d in docs:
        vec = {w: c * math.log(n / df[w]) for w, c in d.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({w: v / norm for w, v in vec.items()})
    return out


def tfidf_ranking(resumes: list[Document], postings: list[Document]) -> list[list[float]]:
    vecs = _tfidf([d.plain for d in resumes] + [d.plain for d in postings])
    rv, pv = vecs[: len(resumes)], vecs[len(resumes) :]
    return [[sum(v * p.get(w, 0.0) for w, v in r.items()) for p in pv] for r in rv]


def raw_mentions(extractor: Any, text: str) -> list[str]:
    """Every label the dictionary finds, line by line, without reading context (baseline)."""
    seen: dict[str, str] = {}
    for line in text.splitlines():
        for m in extractor.find(line):
            if m.concepts:
                seen.setdefault(fold(m.text), m.text)
    return list(seen.values())


def natural_first(scores: list[list[float]], resumes: list[Document],
                  postings: list[Document]) -> tuple[int, list[str]]:  # fmt: skip
    ids = [p.id for p in postings]
    hits, misses = 0, []
    for row, doc in zip(scores, resumes, strict=True):
        want = ids.index(doc.gold["posting"])
        best = max(range(len(row)), key=lambda j: (row[j], j == want))
        if best == want and sum(1 for s in row if s >= row[want]) == 1:
            hits += 1
        else:
            misses.append(f"{doc.id}: own {row[want]:.1f}, best {ids[best]} {row[best]:.1f}")
    return hits, misses


def pair_ranking(scores: list[list[float]], resumes: list[Document],
                 postings: list[Document]) -> dict[str, float]:  # fmt: skip
    """How the natural pairs rank among all pairs: the mean reciprocal rank of each resume's own
    posting among all postings (ties count against it), the mean and the smallest margin of
    its score over the best other posting's, and the mean score of natural and of other
    pairs."""
    ids = [p.id for p in postings]
    rr, margins, own, other = [], [], [], []
    for row, doc in zip(scores, resumes, strict=True):
        want = ids.index(doc.gold["posting"])
        rr.append(1 / (1 + sum(1 for j, s in enumerate(row) if j != want and s >= row[want])))
        rest = [s for j, s in enumerate(row) if j != want]
        margins.append(row[want] - max(rest))
        own.append(row[want])
        other += rest
    n = len(resumes)
    return {"mrr": sum(rr) / n, "mean_margin": sum(margins) / n, "min_margin": min(margins),
            "mean_natural": sum(own) / n, "mean_other": sum(other) / len(other)}  # fmt: skip


# -- the run -------------------------------------------------------------------------------------

RESUME_FIELDS = ("positions", "degrees", "licences", "skills")
POSTING_FIELDS = ("posting title", "posting employer", "required", "preferred", "experience",
                  "degree")  # fmt: skip


def run(home: Path | None, root: Path = SET, verbose: bool = False) -> dict[str, Any]:
    """Read, score and rank the set with the knowledge base in ``home`` and a fresh SQLite user
    store; returns the figures. ``home`` None: the environment is already set up (a test with
    its own ``UNSTUCK_HOME`` and database)."""
    if home is not None:
        tmp = Path(tempfile.mkdtemp(prefix="unstuck-docq-"))
        os.environ["UNSTUCK_HOME"] = str(home)
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'user.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unstuck.web.settings")
        import unstuck.app

        unstuck.app.setup()
    from unstuck.app.documents import services
    from unstuck.knowledge.store import get_knowledge_base
    from unstuck.text.vocabulary import skill_extractor

    resumes, postings = load_set(root)
    extractor = skill_extractor(get_knowledge_base())
    tallies = {n: Tally() for n in (*RESUME_FIELDS, *POSTING_FIELDS, "mentions")}
    base = Tally()
    problems: list[str] = []
    stored_resumes = []
    for doc in resumes:
        data, name = render(doc)
        try:
            stored = services.import_resume(data, name)
        except Exception as err:  # noqa: BLE001 - a refused file scores nothing, and is shown
            problems.append(f"{doc.id}: refused ({err})")
            stored = None
        stored_resumes.append(stored)
        score_resume(stored.parsed if stored else None, doc.gold, tallies, doc.id)
        base.add_phrases(raw_mentions(extractor, doc.plain), list(doc.gold.get("skills") or ()))
    stored_postings = []
    for doc in postings:
        data, name = render(doc)
        try:
            stored = services.add_postings(data, filename=name)[0]
        except Exception as err:  # noqa: BLE001
            problems.append(f"{doc.id}: refused ({err})")
            stored = None
        stored_postings.append(stored)
        score_posting(stored.parsed if stored else None, doc.gold, tallies, doc.id)
        every = [*(doc.gold.get("required") or ()), *(doc.gold.get("preferred") or ()),
                 *(doc.gold.get("duties") or ())]  # fmt: skip
        base.add_phrases(raw_mentions(extractor, doc.plain), every)
    scores = [
        [services.match(r, p).score if r is not None and p is not None else -1.0
         for p in stored_postings]
        for r in stored_resumes
    ]  # fmt: skip
    hits, rank_misses = natural_first(scores, resumes, postings)
    base_hits, _ = natural_first(tfidf_ranking(resumes, postings), resumes, postings)
    figures: dict[str, Any] = {
        "resumes": len(resumes),
        "postings": len(postings),
        "fields": {
            n: {"precision": t.precision, "recall": t.recall, "f1": t.f1}
            for n, t in tallies.items() if n != "mentions"
        },
        "mention_precision": tallies["mentions"].precision,
        "mention_precision_baseline": base.precision,
        "natural_first": hits / len(resumes),
        "natural_first_baseline": base_hits / len(resumes),
        "ranking": pair_ranking(scores, resumes, postings),
        "problems": problems,
    }  # fmt: skip
    if verbose:
        figures["misses"] = {n: t.misses for n, t in tallies.items()}
        figures["rank_misses"] = rank_misses
    return figures


def _f(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def report(figures: dict[str, Any]) -> str:
    lines = [f"{figures['resumes']} resumes, {figures['postings']} postings",
             f"{'field':<18} {'P':>6} {'R':>6} {'F1':>6}"]  # fmt: skip
    for name, f in figures["fields"].items():
        lines.append(f"{name:<18} {_f(f['precision']):>6} {_f(f['recall']):>6} {_f(f['f1']):>6}")
    lines.append(
        f"skill-mention precision  {_f(figures['mention_precision'])}   "
        f"(raw dictionary, same run: {_f(figures['mention_precision_baseline'])})"
    )
    n = figures["resumes"]
    lines.append(
        f"natural posting first    {round(figures['natural_first'] * n)}/{n}   "
        f"(tf-idf cosine, same run: {round(figures['natural_first_baseline'] * n)}/{n})"
    )
    k = figures.get("ranking")
    if k:
        lines.append(
            f"pair ranking             MRR {k['mrr']:.3f}, margin over the best other posting "
            f"mean {k['mean_margin']:+.1f} (smallest {k['min_margin']:+.1f}); mean score "
            f"natural {k['mean_natural']:.1f}, other {k['mean_other']:.1f}"
        )
    for p in figures["problems"]:
        lines.append(f"problem: {p}")
    for name, misses in (figures.get("misses") or {}).items():
        for m in misses:
            lines.append(f"  [{name}] {m}")
    for m in figures.get("rank_misses") or ():
        lines.append(f"  [rank] {m}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="UNSTUCK_HOME with a built knowledge base")
    parser.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "data")
    parser.add_argument("--set", type=Path, default=SET)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    home = args.home
    if home is None:
        from unstuck.knowledge.build import install
        from unstuck.knowledge.extras import extras_from_folder

        home = Path(tempfile.mkdtemp(prefix="unstuck-docq-home-"))
        install(args.data / "onet" / "db_29_0_text.zip",
                extras=list(extras_from_folder(args.data)),
                directory=home / "knowledge", cache=home / "cache")  # fmt: skip
    figures = run(home, args.set, args.verbose)
    print(json.dumps(figures, indent=2) if args.json else report(figures))


if __name__ == "__main__":
    sys.exit(main())
