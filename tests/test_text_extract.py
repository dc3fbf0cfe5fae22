"""The extractor: matching rules on hand-made vocabularies, properties on arbitrary text, and the
knowledge base's vocabularies (ESCO, O*NET technology, tools, elements) on the real data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unstuck.text.extract import Concept, Extractor, Term, plural, singular, verb_forms
from unstuck.text.normal import fold


def esco(label: str) -> Concept:
    return Concept("esco", f"uri:{label}", label)


def build(*labels: str | Term, **kw) -> Extractor:
    return Extractor([t if isinstance(t, Term) else Term(t, esco(t)) for t in labels], **kw)


def labels(ex: Extractor, text: str, *, negated: bool | None = False) -> list[str]:
    return [m.concepts[0].label for m in ex.extract(text)
            if negated is None or m.negated == negated]  # fmt: skip


# -- matching rules --------------------------------------------------------------------------


def test_longest_label_wins_over_the_labels_inside_it() -> None:
    ex = build("project management", "management", "project", "project management software")
    assert labels(ex, "Project management software and management") == [
        "project management software",
        "management",
    ]


def test_longest_wins_over_leftmost() -> None:
    ex = build("enjoy working", Term("work independently", esco("work independently"), verb=True))
    assert labels(ex, "You enjoy working independently") == ["work independently"]
    assert labels(ex, "You enjoy working with us") == ["enjoy working"]


def test_word_boundaries() -> None:
    ex = build("Java", "JavaScript", "R", "C++", "C#")
    assert labels(ex, "javascript, Java; javas, C++ and C# (R)") == [
        "JavaScript", "Java", "C++", "C#", "R",
    ]  # fmt: skip
    assert labels(ex, "Rust and Ruby") == []  # no label inside a word


def test_punctuation_and_case_fold() -> None:
    ex = build("problem-solving", "Node.js", "CI/CD")
    assert labels(ex, "PROBLEM SOLVING, node js and ci-cd") == [
        "problem-solving", "Node.js", "CI/CD",
    ]  # fmt: skip


def test_plural_and_singular_variants() -> None:
    ex = build("database", "skills", "company", "business process")
    found = ex.extract("Databases, skill, companies, business processes")
    assert [m.concepts[0].label for m in found] == [
        "database", "skills", "company", "business process",
    ]  # fmt: skip
    assert not any(m.exact for m in found)
    assert build("database", inflect=False).extract("databases") == []


def test_verb_variants_of_verb_phrases_only() -> None:
    ex = build(Term("manage staff", esco("manage staff"), verb=True),
               Term("plan events", esco("plan events"), verb=True),
               Term("tie knots", esco("tie knots"), verb=True), "cook book")  # fmt: skip
    assert labels(ex, "Managed staff, planning events, tying knots") == [
        "manage staff", "plan events", "tie knots",
    ]  # fmt: skip
    assert labels(ex, "cooking book") == []


def test_acronyms_are_not_inflected() -> None:
    ex = build("ETCS")
    assert labels(ex, "etc, ETCS and ETC") == ["ETCS"]


def test_short_capitalised_words_need_their_case() -> None:
    ex = build("IT", "R", "SQL", "Go")
    assert labels(ex, "it is fine, go on, r") == []
    assert labels(ex, "IT support, R, Go and sql") == ["IT", "R", "Go", "SQL"]


def test_short_lowercase_labels_are_not_used() -> None:
    assert len(build("re", "ng", "it")) == 0


def test_parenthesis_stripped_variant_of_an_everyday_word_keeps_its_case() -> None:
    ex = build(
        "Python (computer programming)",
        "Chef (tools for software configuration)",
        "chef's knife",
        "sous chef",
        "chef de partie",
    )  # "chef" is an everyday word
    assert labels(ex, "Python and Chef") == [
        "Python (computer programming)", "Chef (tools for software configuration)",
    ]  # fmt: skip
    assert labels(ex, "the chef cooks in python") == ["Python (computer programming)"]
    assert labels(ex, "Python (computer programming)") == ["Python (computer programming)"]


def test_preferred_label_outranks_an_alternative_label_of_another_concept() -> None:
    sql, dbms = esco("SQL"), esco("database management systems")
    ex = Extractor([Term("database management systems", dbms), Term("SQL", dbms, rank=1),
                    Term("SQL", sql)])  # fmt: skip
    (m,) = ex.extract("SQL")
    assert m.concepts == (sql,)
    assert m.primary("esco") == sql


def test_alternative_label_shared_by_two_concepts_names_both() -> None:
    a, b = esco("a concept"), esco("b concept")
    ex = Extractor([Term("shared label", a, rank=1), Term("shared label", b, rank=1)])
    (m,) = ex.extract("a shared label")
    assert m.concepts == (a, b)


def test_generic_alternative_labels_are_vague() -> None:
    stats = esco("statistics")
    terms = [Term("statistics", stats), Term("data", stats, rank=1)]
    terms += [Term(f"data {w}", esco(f"data {w}")) for w in "abcdefghij"]
    ex = Extractor(terms, generic=5)
    (m,) = ex.extract("we love data")
    assert m.vague and m.primary("esco") is None and m.concepts == (stats,)
    (m,) = ex.extract("we love statistics")
    assert not m.vague and m.primary("esco") == stats
    (m,) = Extractor(terms, generic=None).extract("we love data")
    assert not m.vague
    hr = esco("human resource management")
    terms = [Term("human resource management", hr), Term("HR", hr, rank=1)]
    terms += [Term(f"HR {w}", esco(f"HR {w}")) for w in "abcdefghij"]
    (m,) = Extractor(terms, generic=5).extract("HR")
    assert not m.vague and m.primary("esco") == hr  # an acronym is specific


def test_vocabularies_of_different_kinds_share_a_span() -> None:
    tech = Concept("technology", "Python", "Python")
    ex = Extractor([Term("Python (computer programming)", esco("Python")), Term("Python", tech)])
    (m,) = ex.extract("Python")
    assert {c.kind for c in m.concepts} == {"esco", "technology"}
    assert m.primary("technology") == tech and m.primary("esco") == esco("Python")


def test_negated_mentions_are_marked_not_dropped() -> None:
    ex = build("Tableau", "Python", "SQL")
    found = ex.extract("Python daily. No experience with Tableau or SQL.")
    assert [(m.text, m.negated) for m in found] == [
        ("Python", False), ("Tableau", True), ("SQL", True),
    ]  # fmt: skip
    assert ex.find("No Tableau")[0].negated is False  # find() does not read context


def test_skill_phrases_after_leads() -> None:
    ex = build("Python")
    text = (
        "Experience with cloud infrastructure, Python and Docker. No experience with the "
        "AWS stack (EC2). Ability to work independently and strong communication skills"
    )
    found = ex.extract(text, phrases=True)
    phrases = [(m.text, m.negated) for m in found if not m.concepts]
    assert phrases == [
        ("cloud infrastructure", False), ("AWS stack", True), ("work independently", False),
        ("communication skills", False),
    ]  # fmt: skip
    assert all(m.vague and m.primary("esco") is None for m in found if not m.concepts)
    assert [m.text for m in ex.extract(text)] == ["Python"]  # phrases only when asked


def test_hedged_and_emphasised_mentions() -> None:
    ex = build("Tableau", "Python")
    weak, strong = ex.extract("Familiar with Tableau; 5+ years of Python")
    assert weak.assertion.strength == "weak"
    assert strong.assertion.strength == "strong" and strong.assertion.years == 5


def test_non_ascii_offsets() -> None:
    ex = build("Tableau", "SQL", "résumé writing")
    text = "Café “Tableau” – ünd SQL • Résumé writing"
    found = ex.extract(text)
    assert [m.text for m in found] == ["Tableau", "SQL", "Résumé writing"]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_inflection_helpers() -> None:
    assert [plural(w) for w in ("skill", "process", "company", "day", "church")] == [
        "skills", "processes", "companies", "days", "churches",
    ]  # fmt: skip
    assert [singular(w) for w in ("skills", "companies", "process", "bus", "churches")] == [
        "skill", "company", None, None, "church",
    ]  # fmt: skip
    assert verb_forms("manage") == ["managing", "managed"]
    assert verb_forms("plan") == ["planning", "planned"]
    assert verb_forms("apply") == ["applying", "applied"]
    assert verb_forms("go") == []


def test_fold_keeps_one_byte_per_character() -> None:
    text = "İstanbul – Straße • naïve 東京 😀 \ud800"
    folded = fold(text)
    assert len(folded) == len(text) and folded.isascii()
    assert folded.decode().split() == ["istanbul", "straxe", "naive", "xx"]
    assert fold("C++/C# & Node.js") == b"c++ c#   node js"


def test_accents_fold_away() -> None:
    ex = build("café management")
    assert labels(ex, "Cafe management and CAFÉ MANAGEMENT") == ["café management"] * 2


# -- properties ------------------------------------------------------------------------------

_PROPERTY_EXTRACTOR = build(
    "Tableau", "SQL", "R", "C++", "project management", "management", "café",
    Term("manage staff", esco("manage staff"), verb=True), "Python (computer programming)",
)  # fmt: skip

_WORDS = st.sampled_from(["Tableau", "sql", "R", "c++", "project", "management", "no", "not",
                          "familiar with", "5 years", "•", "\n", ".", "café", "İ", "managing",
                          "staff", "Python", "’", "😀", "\ud800", "  "])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_WORDS, max_size=40).map(" ".join)))
def test_extraction_never_raises_and_spans_index_the_input(text: str) -> None:
    for m in _PROPERTY_EXTRACTOR.extract(text, phrases=True):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    found = _PROPERTY_EXTRACTOR.extract(text)
    last = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last  # in order, not overlapping
        last = m.end
        assert m.concepts
    assert [(m.start, m.end) for m in found] == [
        (m.start, m.end) for m in _PROPERTY_EXTRACTOR.find(text)
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=20).map(" ".join))
def test_no_x_never_yields_x(text: str) -> None:
    found = _PROPERTY_EXTRACTOR.extract(f"{text}. No experience with Tableau.")
    assert all(m.negated for m in found if m.start >= len(text) + 2)


# -- the knowledge base's vocabularies --------------------------------------------------------


@pytest.fixture(scope="module")
def skills(kb_module):  # noqa: ANN001, ANN201
    from unstuck.text.vocabulary import skill_extractor

    return skill_extractor(kb_module)


@pytest.fixture(scope="module")
def kb_module(built_home):  # noqa: ANN001, ANN201
    """The session's real knowledge base, loaded once for this module (the extractor cache is
    per instance)."""
    from unstuck.knowledge.store import KnowledgeBase

    return KnowledgeBase.load(built_home / "knowledge" / "knowledge.sqlite")


def test_skill_extractor_is_built_once_per_knowledge_base(kb_module, skills) -> None:  # noqa: ANN001
    from unstuck.text.vocabulary import skill_extractor

    assert skill_extractor(kb_module) is skills
    assert skill_extractor(kb_module, ["tool"]) is not skills
    from unstuck.text.vocabulary import warm_up

    thread = warm_up(kb_module)
    thread.join(timeout=120)
    assert not thread.is_alive() and skill_extractor(kb_module) is skills
    with pytest.raises(ValueError, match="unknown"):
        skill_extractor(kb_module, ["nonsense"])


def test_real_vocabularies(kb_module, skills) -> None:  # noqa: ANN001
    text = ("Senior analyst: 5+ years of SQL and Microsoft Excel, critical thinking, "
            "forklifts. No experience with Tableau.")  # fmt: skip
    found = skills.extract(text)
    kinds = {c.kind for m in found for c in m.concepts}
    assert {"technology", "tool", "element"} <= kinds
    by_text = {m.text.lower(): m for m in found}
    assert by_text["sql"].assertion.years == 5
    assert by_text["tableau"].negated
    if kb_module.esco_skills:  # ESCO installed in the test build
        assert "esco" in kinds
        assert by_text["sql"].primary("esco").label == "SQL"
    assert any(c.kind == "technology" for c in by_text["tableau"].concepts)


def test_title_extractor_finds_occupations(kb_module) -> None:  # noqa: ANN001
    from unstuck.text.vocabulary import title_extractor

    ex = title_extractor(kb_module)
    found = ex.extract("Worked as a registered nurse, then as a software developer.")
    codes = {c.id for m in found for c in m.concepts}
    assert "29-1141.00" in codes
    assert any(code.startswith("15-125") for code in codes)


def test_positions_map_to_occupations(kb_module) -> None:  # noqa: ANN001
    from unstuck.text.resume import Position
    from unstuck.text.vocabulary import position_occupations

    positions = [
        Position("Registered Nurse", "Mercy", "2019", None, True, "RN"),
        Position(None, "Acme", "2015", "2018", False, "Acme 2015-2018"),
        Position("Sr. Software Engineer", "Initech", None, None, False, "SWE"),
    ]
    (nurse, matches), (_, none), (_, swe) = position_occupations(kb_module, positions)
    assert matches[0].code == "29-1141.00"
    assert none == []  # no title, no guess
    assert swe and swe[0].code.startswith("15-125")


def test_vendor_names_are_optional_in_their_written_case(skills) -> None:  # noqa: ANN001
    text = "Excel, Power BI and Word; word of mouth; Google docs"
    found = {m.text: {c.label for c in m.concepts if c.kind == "technology"}
             for m in skills.extract(text)}  # fmt: skip
    assert "Microsoft Excel" in found["Excel"]
    assert "Microsoft Power BI" in found["Power BI"]
    assert "Microsoft Word" in found["Word"]
    assert not found.get("word")  # an everyday word, written in lower case


def test_cased_terms() -> None:
    ex = Extractor([Term("Word", Concept("technology", "Microsoft Word", "Microsoft Word"),
                         rank=1, cased=True)])  # fmt: skip
    assert [m.text for m in ex.extract("Word and word")] == ["Word"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("- Plan the annual 150-guest client conference", []),  # the sentence's capital
        ("Led projects. Plan the budget each year", []),
        ("Plan, Excel and Outlook", ["Plan"]),  # a list of names
        ("Tools: Plan for scheduling", ["Plan"]),
        ("- Plan power user since 2019", ["Plan"]),  # prose goes on, but not as a sentence
        ("We used Plan the whole time", ["Plan"]),  # not at a sentence start
    ],
)
def test_a_sentence_capital_is_not_a_cased_name(text: str, found: list[str]) -> None:
    plan = Concept("technology", "RockWare Plan", "RockWare Plan")
    ex = Extractor([Term("Plan", plan, rank=1, cased=True)])
    assert [m.text for m in ex.extract(text)] == found


def test_stripped_name_outranks_other_concepts_alternative_label() -> None:
    # "SaaS" is the name of "SaaS (service-oriented modelling)" and an alternative label of
    # "service-oriented modelling": the concept it names comes first
    saas = Concept("esco", "saas", "SaaS (service-oriented modelling)")
    som = Concept("esco", "som", "service-oriented modelling")
    ex = Extractor([Term("service-oriented modelling", som), Term("saas", som, rank=1),
                    Term("SaaS (service-oriented modelling)", saas),
                    Term("SaaS model", saas, rank=1)])  # fmt: skip
    (m,) = ex.extract("a SaaS platform")
    assert m.primary("esco") == saas
    (m,) = ex.extract("a saas platform")  # the name only as written; the alternative in any case
    assert m.primary("esco") == som


def test_alternative_label_in_any_case_beside_cased_stripped_name() -> None:
    java = Concept("esco", "java", "Java (computer programming)")
    ex = Extractor([Term("Java (computer programming)", java), Term("Java", java, rank=1),
                    Term("java beans", Concept("esco", "b", "java beans")),
                    Term("java ee", Concept("esco", "e", "java ee"))])  # fmt: skip
    assert [m.primary("esco") for m in ex.extract("java and Java")] == [java, java]


def test_esco_names_that_spell_everyday_words_keep_their_case(kb_module, skills) -> None:  # noqa: ANN001
    if not kb_module.esco_skills:
        pytest.skip("ESCO not installed in the test build")

    def esco(text: str) -> dict[str, str]:
        return {m.text: c.label for m in skills.extract(text)
                if (c := m.primary("esco")) is not None}  # fmt: skip

    assert not any(label.startswith("Source") for label in esco("Contributions to open source"))
    assert esco("Apache Spark and SPARK Ada")["SPARK"] == "SPARK"
    assert "Spark" not in esco("Apache Spark and SPARK Ada")
    assert esco("Puppet and Salt")["Puppet"].startswith("Puppet")
    assert "python" in esco("python and java")  # names that are no everyday word: any case


def test_vague_terms_mark_a_mention_without_linking_it() -> None:
    trait = Concept("esco", "r", "assume responsibility")
    ex = Extractor([Term("assume responsibility", trait, verb=True),
                    Term("be responsible", trait, verb=True, rank=1, vague=True)])  # fmt: skip
    (m,) = ex.extract("You will be responsible for budgets")
    assert m.text == "be responsible" and m.vague and m.primary("esco") is None
    (m,) = ex.extract("assuming responsibility")
    assert m.primary("esco") == trait


def test_dispositions_are_mentions_not_links(kb_module, skills) -> None:  # noqa: ANN001
    from unstuck.text.vocabulary import _disposition

    assert _disposition("be flexible") and _disposition("stay focused")
    assert not _disposition("be responsible for budgets") and not _disposition("lead a team")
    if not kb_module.esco_skills:
        pytest.skip("ESCO not installed in the test build")
    found = skills.extract("You will be responsible for budgets and stay focused")
    assert not any(m.primary("esco") for m in found if m.text in ("be responsible", "stay focused"))


def test_vague_concepts_stand_in_when_case_rules_out_the_clear_ones() -> None:
    product = Concept("technology", "Microsoft PowerShell", "Microsoft PowerShell")
    field = Concept("esco", "cp", "computer programming")
    ex = Extractor([Term("PowerShell", product, rank=1, cased=True),
                    Term("PowerShell", field, rank=1, vague=True),
                    Term("PowerShell ISE", Concept("esco", "x", "x")),
                    Term("PowerShell DSC", Concept("esco", "y", "y"))])  # fmt: skip
    (m,) = ex.extract("PowerShell")
    assert m.concepts == (product,) and m.primary("technology") == product
    (m,) = ex.extract("powershell scripts")  # not the product's written name: a mention still
    assert m.vague and m.primary("esco") is None and m.concepts == (field,)


def test_catalogue_names_are_instances_not_links(kb_module, skills) -> None:  # noqa: ANN001
    from unstuck.text.vocabulary import CATALOGUE, _instances

    names = [f"Lang{i}" for i in range(CATALOGUE)]
    assert _instances("computer programming", [*names, "programming"]) == frozenset(names)
    assert _instances("computer programming", names[:-1]) == frozenset()
    if not kb_module.esco_skills:
        pytest.skip("ESCO not installed in the test build")
    for text in ("PowerShell", "Visual Basic"):  # O*NET names the product itself
        (m,) = [m for m in skills.extract(f"Scripts in {text}") if m.text == text]
        assert m.primary("esco") is None and m.primary("technology") is not None


def test_a_concept_naming_an_instance_comes_before_its_catalogue(kb_module, skills) -> None:  # noqa: ANN001
    if not kb_module.esco_skills:
        pytest.skip("ESCO not installed in the test build")
    (m,) = [m for m in skills.extract("OpenCV and NumPy") if m.text == "OpenCV"]
    labels = [c.label for c in m.concepts if c.kind == "esco"]
    assert labels[0] == "computer vision" and "computer programming" in labels
