"""Job title search: a small hand-made index for behaviour, the real knowledge base for sense."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.core.titles import TitleEntry, TitleIndex, title_key, tokens

ENTRIES = [
    ("Registered Nurses", "29-1141.00", "title"),
    ("Registered Nurse (RN)", "29-1141.00", "alternate"),
    ("Staff Nurse", "29-1141.00", "reported"),
    ("Licensed Practical and Licensed Vocational Nurses", "29-2061.00", "title"),
    ("Licensed Practical Nurse (LPN)", "29-2061.00", "alternate"),
    ("Nursing Instructors and Teachers, Postsecondary", "25-1072.00", "title"),
    ("Registered Nurse Instructor (RN Instructor)", "25-1072.00", "alternate"),
    ("Software Developers", "15-1252.00", "title"),
    ("Software Engineer", "15-1252.00", "alternate"),
    ("Applications Developer", "15-1252.00", "alternate"),
    ("Software Quality Assurance Analysts and Testers", "15-1253.00", "title"),
    ("Software Tester", "15-1253.00", "alternate"),
    ("Commercial and Industrial Designers", "27-1021.00", "title"),
    ("Mechatronics Engineers", "17-2199.05", "title"),
    ("Design Engineer (Design Eng)", "17-2199.05", "alternate"),
    ("Bookkeeping, Accounting, and Auditing Clerks", "43-3031.00", "title"),
    ("Bookkeeper", "43-3031.00", "alternate"),
    ("Accounting Clerk", "43-3031.00", "alternate"),
    ("Accountants and Auditors", "13-2011.00", "title"),
    ("Accountant", "13-2011.00", "alternate"),
    ("General and Operations Managers", "11-1021.00", "title"),
    ("Department Store General Manager (Dept Store GM)", "11-1021.00", "alternate"),
    ("Sales Managers", "11-2022.00", "title"),
    ("Sales Representatives, Wholesale and Manufacturing", "41-4012.00", "title"),
    ("Cashiers", "41-2011.00", "title"),
    ("Firefighters", "33-2011.00", "title"),
    ("Data Scientists", "15-2051.00", "title"),
    ("Data Analyst", "15-2051.00", "reported"),
    ("Zoologists and Wildlife Biologists", "19-1023.00", "title"),
    ("Zookeeper", "39-2021.00", "alternate"),
    ("Animal Caretakers", "39-2021.00", "title"),
]
TITLES = {code: text for text, code, source in ENTRIES if source == "title"}


@pytest.fixture(scope="module")
def index() -> TitleIndex:
    return TitleIndex([TitleEntry(*e) for e in ENTRIES], TITLES)


def top(index: TitleIndex, query: str, n: int = 1) -> list[str]:
    return [m.code for m in index.search(query, limit=10)[:n]]


def test_tokens_fold_case_accents_punctuation_plurals_and_dotted_acronyms() -> None:
    assert tokens("Sr. R.N.'s & Nurses") == ["senior", "rn", "and", "nurse"]
    assert tokens("Café MANAGÉR, II") == ["cafe", "manager", "2"]
    assert tokens("Secretaries/Boxes/Classes") == ["secretary", "box", "class"]
    assert tokens("C++ developer") == ["c++", "developer"]


def test_title_key_ignores_the_parenthesis_case_and_plurals() -> None:
    assert title_key("Registered Nurse (RN)") == title_key("registered  NURSES")
    assert title_key("(RN)") == "rn"


def test_an_official_title_is_found_first_with_full_score(index: TitleIndex) -> None:
    [best, *_] = index.search("Software Developers")
    assert (best.code, best.source, best.score) == ("15-1252.00", "title", 1.0)
    assert best.title == "Software Developers"
    assert best.matched == "Software Developers"


def test_acronyms_from_the_parenthesis_are_searchable(index: TitleIndex) -> None:
    assert top(index, "RN") == ["29-1141.00"]
    assert top(index, "lpn") == ["29-2061.00"]


def test_abbreviations_are_learnt_from_paired_forms(index: TitleIndex) -> None:
    assert ("general", "manager") in index.abbreviations["gm"]
    assert ("department",) in index.abbreviations["dept"]
    assert ("engineer",) in index.abbreviations["eng"]
    assert ("registered", "nurse") in index.abbreviations["rn"]
    # an abbreviation used in a new combination still finds its occupation
    assert top(index, "GM") == ["11-1021.00"]
    assert top(index, "rn instructor") == ["25-1072.00"]


def test_everyday_abbreviations_expand(index: TitleIndex) -> None:
    assert top(index, "sales mgr") == ["11-2022.00"]
    assert top(index, "accounting clerk asst") == ["43-3031.00"]


def test_seniority_and_level_words_barely_count(index: TitleIndex) -> None:
    assert top(index, "sr. software eng II") == ["15-1252.00"]
    plain = index.search("software engineer")[0].score
    noisy = index.search("Senior Software Engineer III")[0].score
    assert noisy < plain
    assert noisy > 0.85 * plain
    assert top(index, "entry level cashier") == ["41-2011.00"]


def test_typos_are_tolerated(index: TitleIndex) -> None:
    assert top(index, "registred nurse") == ["29-1141.00"]
    assert top(index, "softwre developer") == ["15-1252.00"]
    assert "43-3031.00" in top(index, "bookeeper", 2)
    assert top(index, "acountant") == ["13-2011.00"]
    # a typo reading scores below the exact word
    assert index.search("registred nurse")[0].score < index.search("registered nurse")[0].score


def test_words_run_together_or_split_apart(index: TitleIndex) -> None:
    assert top(index, "fire fighter") == ["33-2011.00"]
    assert top(index, "datascientist") == ["15-2051.00"]


def test_head_noun_decides_between_equal_overlaps(index: TitleIndex) -> None:
    # each query shares a word with titles of both occupations: the last word decides
    assert top(index, "applications software tester") == ["15-1253.00"]
    assert top(index, "software quality developer") == ["15-1252.00"]


def test_head_word_synonyms_are_mined_from_titles_that_differ_in_one_word() -> None:
    entries = [TitleEntry(f"{trade} {role}", code, "alternate")
               for trade, code in (("Carpenter", "A"), ("Painter", "B"), ("Mason", "C"))
               for role in ("Helper", "Assistant")]
    entries += [TitleEntry("Roofer Helper", "D", "alternate"), TitleEntry("Roofer", "E", "title")]
    index = TitleIndex(entries, {c: c for c in "ABCDE"})
    assert index._synonyms["assistant"] == ("helper",)
    [best, *_] = index.search("roofer assistant")
    assert (best.code, best.matched) == ("D", "Roofer Helper")
    assert best.score < index.search("roofer helper")[0].score


@pytest.mark.parametrize("query", ["", "   ", "!!!", "()", "qzxwvkjh", "\x00\u200b"])
def test_empty_and_garbage_queries_return_nothing(index: TitleIndex, query: str) -> None:
    assert index.search(query) == []


def test_limit_one_match_per_occupation_best_first(index: TitleIndex) -> None:
    results = index.search("nurse", limit=3)
    assert 1 <= len(results) <= 3
    codes = [m.code for m in results]
    assert len(set(codes)) == len(codes)
    assert [m.score for m in results] == sorted((m.score for m in results), reverse=True)
    assert index.search("nurse", limit=0) == []
    assert len(index.search("nurse", limit=1)) == 1


def test_source_weight_orders_equal_matches() -> None:
    entries = [
        TitleEntry("Nurse", "A", "reported"),
        TitleEntry("Nurse", "B", "title"),
        TitleEntry("Nurse", "C", "esco"),
        TitleEntry("Nurse", "D", "alternate"),
    ]
    index = TitleIndex(entries, {"A": "a", "B": "b", "C": "c", "D": "d"})
    assert [m.code for m in index.search("nurse")] == ["B", "D", "A", "C"]


def test_an_empty_index_finds_nothing() -> None:
    assert TitleIndex([], {}).search("nurse") == []


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=80), limit=st.integers(min_value=-2, max_value=15))
def test_any_query_is_safe(index: TitleIndex, query: str, limit: int) -> None:
    results = index.search(query, limit=limit)
    assert len(results) <= max(limit, 0)
    scores = [m.score for m in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 < s <= 1.0 for s in scores)
    assert len({m.code for m in results}) == len(results)
    assert all(m.title == TITLES[m.code] for m in results)


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.sampled_from([e[0] for e in ENTRIES]), min_size=1, max_size=3))
def test_known_title_words_always_find_something(index: TitleIndex, words: list[str]) -> None:
    results = index.search(" ".join(words))
    assert results
    assert all(m.matched in {e[0] for e in ENTRIES if e[1] == m.code} for m in results)


# -- the real knowledge base -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("RN", "29-1141.00"),
        ("registered nurse", "29-1141.00"),
        ("registred nurse", "29-1141.00"),
        ("bookkeeper", "43-3031.00"),
        ("book keeper", "43-3031.00"),
        ("cashier", "41-2011.00"),
        ("truck driver", "53-3032.00"),
        ("LPN", "29-2061.00"),
        ("CEO", "11-1011.00"),
        ("Data Scientist", "15-2051.00"),
        ("electrician", "47-2111.00"),
    ],
)
def test_real_titles_find_their_occupation(kb, query: str, expected: str) -> None:
    assert expected in [m.code for m in kb.search(query, limit=3)]


def test_real_senior_software_engineer(kb) -> None:
    codes = [m.code for m in kb.search("sr. software eng II", limit=3)]
    assert any(c.startswith("15-12") for c in codes), codes
    assert kb.titles[codes[0]] == kb.search("sr. software eng II")[0].title


def test_real_garbage_and_nonsense(kb) -> None:
    assert kb.search("") == []
    assert kb.search("qzxwvkjhpt") == []
    assert len(kb.search("data wrangler", limit=5)) <= 5
