"""vCard in and out and the LinkedIn export (``unstuck.text.contacts``): the round trip over
generated contacts, the features real address books write, and hostile or malformed files."""

from __future__ import annotations

import string
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from unstuck.text.contacts import (
    ContactRecord,
    ContactsError,
    Email,
    Phone,
    RoleRecord,
    decode,
)
from unstuck.text.contacts.linkedin import read_connections, read_messages
from unstuck.text.contacts.model import MAX_TEXT_CHARS, clean_record, record_problem
from unstuck.text.contacts.vcard import fold, read_vcards, write_vcards

NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    'https://www.linkedin.com/psettings/privacy/email."\n'
    "\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


# -- the round trip -----------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
NAME = st.text(
    st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from(",;:\\\"'")),
    min_size=1, max_size=30,
)
TYPES = st.lists(
    st.one_of(st.sampled_from(["work", "home", "cell", "voice", "pref", "fax", "internet"]),
              st.text(string.ascii_letters + " -_$!<>", max_size=12)),
    max_size=3,
)
URLISH = st.text(string.ascii_letters + string.digits + ":/.?=&%-_~,;#\\", min_size=1,
                 max_size=30)
DAY = st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def roles(draw: st.DrawFn) -> RoleRecord:
    start = draw(st.none() | DAY)
    end = draw(st.none() | DAY)
    if start and end and end < start:
        start, end = end, start
    return RoleRecord(draw(TEXT), draw(TEXT), start, end)


@st.composite
def contacts(draw: st.DrawFn) -> ContactRecord:
    local = draw(st.text(string.ascii_letters + string.digits + ".+_-,;\\", min_size=1,
                         max_size=12))
    return ContactRecord(
        name=draw(NAME),
        given_name=draw(NAME | st.just("")),
        family_name=draw(NAME | st.just("")),
        emails=tuple(
            Email(f"{local}{i}@{draw(st.sampled_from(['example.org', 'exämple.de']))}",
                  tuple(draw(TYPES)))
            for i in range(draw(st.integers(0, 3)))
        ),
        phones=tuple(
            Phone(draw(st.text("0123456789 +-()x;,", min_size=1, max_size=15)), tuple(draw(TYPES)))
            for _ in range(draw(st.integers(0, 3)))
        ),
        urls=tuple(draw(st.lists(URLISH, max_size=2))),
        roles=tuple(draw(st.lists(roles(), max_size=3))),
        tags=tuple(draw(st.lists(st.one_of(st.sampled_from(["mentor", "Peer", "alumni"]), TEXT),
                                 max_size=4))),
        notes="".join(draw(st.lists(st.one_of(
            st.characters(blacklist_categories=("Cs",)),
            st.sampled_from(["\n", "\r\n", "\r", ",", ";", "\\", "\\n", " \n "])),
            max_size=200))),
        how_known=draw(TEXT),
        cadence_days=draw(st.none() | st.integers(1, 3650)),
        known_since=draw(st.none() | DAY),
        uid=draw(st.just("") | URLISH),
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(contacts(), min_size=1, max_size=3), st.sampled_from(["4.0", "3.0"]))
def test_a_written_vcard_reads_back_to_the_same_contacts(
    records: list[ContactRecord], version: str
) -> None:
    kept = [clean_record(r) for r in records]
    for r in kept:
        assume(record_problem(r) is None)
        assert clean_record(r) == r  # cleaning is stable: what is stored is clean
    text = write_vcards(kept, version)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    result = read_vcards(text)
    assert result.bad == [] and result.skipped == [] and not result.not_kept
    assert [r for _, r in result.records] == kept
    assert result.read == len(kept)


def test_the_round_trip_keeps_every_field_of_a_full_contact() -> None:
    record = clean_record(ContactRecord(
        name="Zoë O'Neil, Jr.; PhD", given_name="Zoë", family_name="O'Neil",
        emails=(Email("zoe@example.org", ("work", "pref")), Email("z@home.example", ("home",))),
        phones=(Phone("+44 20 7946 0018", ("cell", "voice")), Phone("555-0100")),
        urls=("https://www.linkedin.com/in/zoe",),
        roles=(RoleRecord("Acme, Inc.", "Data Scientist", date(2021, 3, 1)),
               RoleRecord("Initech", "Analyst", date(2015, 1, 1), date(2021, 2, 28))),
        tags=("mentor", "PyData; London"), notes="Met at PyData.\nLikes chess, go; and \\ slashes.",
        how_known="Former colleague", cadence_days=45, known_since=date(2019, 6, 1),
        uid="urn:uuid:8c2b4d9e-1f3a-4b5c-9d6e-7f8a9b0c1d2e",
    ))
    for version in ("4.0", "3.0"):
        text = write_vcards([record], version)
        assert f"VERSION:{version}" in text
        assert "FN:Zoë O'Neil\\, Jr.\\; PhD" in text
        assert "CATEGORIES:mentor,PyData\\; London" in text
        assert ("EMAIL;TYPE=work;PREF=1:" if version == "4.0" else "EMAIL;TYPE=work,pref:") in text
        assert "role1.ORG:Initech" in text
        (found,) = read_vcards(text).records
        assert found[1] == record


def test_folding_never_splits_a_character() -> None:
    line = "NOTE:" + "é" * 100 + "€" * 50
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in parts) and len(parts) > 3
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line


# -- what address books write -------------------------------------------------------------------

APPLE_30 = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.0//EN\r\n"
    "N:Lee;Ann;Marie;Dr.;\r\nFN:Dr. Ann Marie Lee\r\n"
    "ORG:Acme Corp;Research\r\nTITLE:Principal Scientist\r\n"
    "EMAIL;type=INTERNET;type=WORK;type=pref:ann@acme.example\r\n"
    "EMAIL;TYPE=INTERNET,HOME:ann.lee@mail.example\r\n"
    "item1.EMAIL;type=INTERNET:ann@club.example\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n"
    "TEL;type=CELL;type=VOICE;type=pref:+1 (555) 010-0000\r\n"
    "item2.TEL:+1 555 010 0001\r\nitem2.X-ABLabel:Studio\r\n"
    "item3.URL;type=pref:https://ann.example\r\nitem3.X-ABLabel:_$!<HomePage>!$_\r\n"
    "ADR;type=HOME:;;1 Main St;Springfield;;12345;USA\r\n"
    "BDAY:1980-01-02\r\n"
    "NOTE:First line\\nsecond\\, with comma\\; and semicolon. This note is long enough to be\r\n"
    "  folded by the writer\\, as RFC 2426 allows.\r\n"
    "CATEGORIES:mentor,alumni,Chess club\r\n"
    "END:VCARD\r\n"
)


def test_an_apple_card_with_groups_types_and_folded_lines() -> None:
    result = read_vcards(APPLE_30)
    assert result.bad == []
    (where, r), = result.records
    assert where == "card 1 (line 1)"
    assert (r.name, r.given_name, r.family_name) == ("Dr. Ann Marie Lee", "Ann", "Lee")
    assert r.emails == (Email("ann@acme.example", ("pref", "work")),
                        Email("ann.lee@mail.example", ("home",)),
                        Email("ann@club.example", ("other",)))
    assert r.phones == (Phone("+1 (555) 010-0000", ("cell", "pref", "voice")),
                        Phone("+1 555 010 0001", ("studio",)))
    assert r.roles == (RoleRecord("Acme Corp", "Principal Scientist"),)
    assert r.urls == ("https://ann.example",)
    assert r.notes == ("First line\nsecond, with comma; and semicolon. This note is long enough "
                       "to be folded by the writer, as RFC 2426 allows.")
    assert r.tags == ("mentor", "alumni", "Chess club")
    assert dict(result.not_kept) == {"ADR": 1, "BDAY": 1}


def test_a_google_card() -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nN:Doe;Jane;;;\r\n"
        "EMAIL;TYPE=INTERNET;TYPE=HOME:jane@gmail.example\r\nTEL;TYPE=CELL:+1 555-555-5555\r\n"
        "ADR;TYPE=HOME:;;123 Street;City;;;;\r\nORG:Company\r\nTITLE:Manager\r\n"
        "item1.URL:http\\://www.example.com\r\nitem1.X-ABLabel:_$!<HomePage>!$_\r\n"
        "CATEGORIES:myContacts,Friends\r\nEND:VCARD\r\n"
    )
    (_, r), = read_vcards(text).records
    assert r.urls == ("http://www.example.com",) and r.tags == ("Friends",)
    assert r.emails == (Email("jane@gmail.example", ("home",)),)
    assert r.roles == (RoleRecord("Company", "Manager"),)


def test_vcard_40_params_uris_and_several_roles() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:4.0\nFN:Bo Chen\nUID:urn:uuid:1\n"
        'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+1-555-555-5555\n'
        "EMAIL;TYPE=work:bo@example.com\n"
        "ORG:Globex\nTITLE:CTO\nitem9.ORG:Hooli\nitem9.TITLE:Engineer\n"
        "item9.X-UNSTUCK-START:2010-05-01\nitem9.X-UNSTUCK-END:2014-12-31\n"
        "END:VCARD\n"
    )
    (_, r), = read_vcards(text).records
    assert r.phones == (Phone("+1-555-555-5555", ("cell", "pref", "voice")),)
    assert r.roles == (RoleRecord("Globex", "CTO"),
                       RoleRecord("Hooli", "Engineer", date(2010, 5, 1), date(2014, 12, 31)))
    assert r.uid == "urn:uuid:1"


def test_vcard_21_quoted_printable_and_bare_types() -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:M=C3=BCller;J=C3=BCrgen\r\n"
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n"
        "TEL;WORK;VOICE:+49 30 123456\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Erste Zeile=0D=0Azweite Zeile, sehr la=\r\n"
        "ng\r\n"
        "END:VCARD\r\n"
    )
    result = read_vcards(text)
    (_, r), = result.records
    assert r.name == "Jürgen Müller"
    assert r.phones == (Phone("+49 30 123456", ("voice", "work")),)
    assert r.notes == "Erste Zeile\nzweite Zeile, sehr lang"


def test_a_card_that_is_not_a_person_is_skipped() -> None:
    text = ("BEGIN:VCARD\nVERSION:4.0\nKIND:org\nFN:Acme\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:4.0\nKIND:individual\nFN:Ann\nEND:VCARD\n")
    result = read_vcards(text)
    assert [r.name for _, r in result.records] == ["Ann"] and result.bad == []
    assert [str(p) for p in result.skipped] == ["card 1 (line 1): a card of KIND 'org', not a "
                                                "person's"]


def test_a_card_without_fn_is_named_by_n_and_one_without_any_name_is_bad() -> None:
    text = ("BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;;Ms.;\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nORG:Just A Company\nEND:VCARD\n")
    result = read_vcards(text)
    assert [r.name for _, r in result.records] == ["Ms. Jane Doe"]
    assert [str(p) for p in result.bad] == ["card 2 (line 5): no name"]


# -- hostile and malformed vCards ---------------------------------------------------------------


def test_bad_properties_give_one_message_per_card_and_spare_the_others() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:4.0\nFN:Good One\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Broken\nthis line has no colon\n"
        'EMAIL;TYPE="work:broken@example.org\n'
        "X-UNSTUCK-CADENCE:soon\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:9.9\nFN:Future\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Bad address\nEMAIL:not an address\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Unfinished\n"
    )
    result = read_vcards(text)
    assert [r.name for _, r in result.records] == ["Good One"]
    messages = [str(p) for p in result.bad]
    assert len(messages) == 4 and result.read == 5
    assert messages[0].startswith("card 2 (line 5): line 8 is not a property")
    assert "a quote in EMAIL's parameters is not closed" in messages[0]
    assert messages[1] == "card 3 (line 12): VERSION '9.9' is not 2.1, 3.0 or 4.0"
    assert messages[2] == ("card 4 (line 16, 'Bad address'): 'not an address' is not an email "
                           "address")
    assert messages[3] == "card 5 (line 21): the file ends before its END:VCARD"


def test_ten_megabytes_in_one_field_are_refused_for_that_card_only() -> None:
    huge = "x" * 10_000_000
    text = (f"BEGIN:VCARD\nVERSION:4.0\nFN:Huge\nNOTE:{huge}\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:4.0\nFN:Fine\nEND:VCARD\n")
    result = read_vcards(text)
    assert [r.name for _, r in result.records] == ["Fine"]
    (problem,) = result.bad
    assert str(problem) == "card 1 (line 1): line 4: NOTE is over 200,000 characters"


def test_a_folded_field_past_the_limit_is_refused_too() -> None:
    folded = "\n ".join(["y" * 70] * 2000)  # 140,000 characters once unfolded: a note too long
    result = read_vcards(f"BEGIN:VCARD\nVERSION:3.0\nFN:Folded\nNOTE:{folded}\nEND:VCARD\n")
    assert result.records == []
    assert f"more than {MAX_TEXT_CHARS:,}" in str(result.bad[0])


def test_text_outside_cards_and_cards_inside_cards() -> None:
    text = ("garbage before\nBEGIN:VCARD\nVERSION:2.1\nFN:Outer\nAGENT:\nBEGIN:VCARD\n"
            "FN:Inner\nEND:VCARD\nEND:VCARD\n")
    result = read_vcards(text)
    assert [str(p) for p in result.bad] == [
        "card 1 (line 2): line 6: a card inside a card is not read",
        "line 1: text outside BEGIN:VCARD ... END:VCARD (lines 1)",
    ]
    with pytest.raises(ContactsError, match="no vCard in this file"):
        read_vcards("First Name,Last Name\nAnn,Lee\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("BEGIN:VCARD\nFN:Ann\nEND:VCARD\n".encode("utf-16-le"), "UTF-16 without a byte-order"),
        ("BEGIN:VCARD\nFN:Ren\xe9\nEND:VCARD\n".encode("cp1252"), r"not UTF-8 text \(byte 0xE9"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ],
)
def test_a_file_in_the_wrong_encoding_is_refused_with_what_to_do(data: bytes, message: str
                                                                  ) -> None:
    with pytest.raises(ContactsError, match=message):
        decode(data)


def test_named_and_marked_encodings_are_read() -> None:
    card = "BEGIN:VCARD\nFN:René\nEND:VCARD\n"
    assert decode(card.encode("cp1252"), "cp1252") == card
    assert decode(card.encode("utf-16")) == card
    assert decode(b"\xef\xbb\xbf" + card.encode()) == card
    with pytest.raises(ContactsError, match="not an encoding"):
        decode(b"x", "no-such-codec")


# -- LinkedIn -----------------------------------------------------------------------------------


def test_connections_after_the_notes_block() -> None:
    text = NOTES + HEADER + (
        'Ann,Lee,https://www.linkedin.com/in/annlee,ann@example.org,"Acme, Inc.",'
        "Data Scientist,06 Jan 2021\n"
        "Bo,Chen,https://www.linkedin.com/in/bochen,,Globex,,15 Mar 2019\n"
    )
    result = read_connections(text)
    assert result.read == 2 and result.bad == [] and result.skipped == []
    (w1, ann), (w2, bo) = result.records
    assert (w1, w2) == ("row 5", "row 6")  # the file's own line numbers
    assert ann == ContactRecord(
        name="Ann Lee", given_name="Ann", family_name="Lee",
        emails=(Email("ann@example.org"),), urls=("https://www.linkedin.com/in/annlee",),
        roles=(RoleRecord("Acme, Inc.", "Data Scientist"),), known_since=date(2021, 1, 6),
    )
    assert bo.emails == () and bo.roles == (RoleRecord("Globex", ""),)  # missing stays missing


def test_connections_without_the_notes_block_too() -> None:
    result = read_connections(HEADER + "Ann,Lee,,,,,\n")
    assert [r.name for _, r in result.records] == ["Ann Lee"]
    assert result.records[0][1].known_since is None


def test_zero_rows_is_an_error_not_an_empty_import() -> None:
    with pytest.raises(ContactsError, match="no connections in this file"):
        read_connections(NOTES + HEADER + "\n\n")


def test_a_missing_header_is_an_error() -> None:
    with pytest.raises(ContactsError, match="no header row"):
        read_connections("Ann,Lee,https://www.linkedin.com/in/annlee\n")
    with pytest.raises(ContactsError, match="no header row"):
        read_connections("")


def test_bad_and_skipped_rows_each_say_why() -> None:
    text = NOTES + HEADER + (
        "Ann,Lee,https://www.linkedin.com/in/annlee,,Acme,Analyst,06 Jan 2021\n"
        ",,,,,,05 Mar 2020\n"
        "Bo,Chen,,,Globex,CTO,32 Foo 2020\n"
        "Cy,Dee,,,Initech,Boss,01 Feb 2020,extra\n"
        "Di,Eve,,not-an-email,,,\n"
        f"Ed,Fox,,,{'A' * 600},,\n"
    )
    result = read_connections(text)
    assert result.read == 6
    assert [r.name for _, r in result.records] == ["Ann Lee"]
    assert [str(p) for p in result.skipped] == [
        "row 6: no name (LinkedIn leaves it out for members who hide it)"]
    assert [str(p) for p in result.bad] == [
        "row 7: 'Connected On' '32 Foo 2020' is not a date",
        "row 8: has 8 cells where the header has 7 (a comma outside quotes?)",
        "row 9 ('Di Eve'): 'not-an-email' is not an email address",
        "row 10: 'Company' is 600 characters, more than 500",
    ]


def test_a_ten_megabyte_csv_field_refuses_the_file_with_its_line() -> None:
    text = NOTES + HEADER + "Ann,Lee,,,,,\n" + f'Bo,"{"x" * 10_000_000}",,,,,\n'
    with pytest.raises(ContactsError, match=r"line 6: cannot be read \(a field is over 1,000,000"):
        read_connections(text)


def test_messages() -> None:
    text = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\n"
        "2-abc,,Ann Lee,https://www.linkedin.com/in/annlee,Me Too,https://www.linkedin.com/in/me,"
        '2023-05-12 14:33:10 UTC,,"Hi, happy to chat\nnext week",INBOX\n'
        "2-abc,,Me Too,https://www.linkedin.com/in/me,Ann Lee,https://www.linkedin.com/in/annlee,"
        "2023-05-12 15:00:00 UTC,,,INBOX\n"
        "2-abc,,Me Too,https://www.linkedin.com/in/me,Ann Lee,https://www.linkedin.com/in/annlee,"
        "yesterday,,Thanks!,INBOX\n"
    )
    result = read_messages(text)
    assert result.read == 3
    (m,) = result.messages
    assert (m.sender, m.recipients, m.content) == ("Ann Lee", ("Me Too",),
                                                   "Hi, happy to chat\nnext week")
    assert m.sent_at.isoformat() == "2023-05-12T14:33:10+00:00" and m.where == "row 2"
    assert [str(p) for p in result.skipped] == ["row 4: no text"]  # the file's own lines
    assert [str(p) for p in result.bad] == ["row 5: 'DATE' 'yesterday' is not a date and time"]


# -- properties of the readers ------------------------------------------------------------------

CELL = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=25)


@st.composite
def connections(draw: st.DrawFn) -> list[list[str]]:
    rows = []
    for i in range(draw(st.integers(1, 5))):
        given = draw(CELL.filter(lambda t: t.strip()))
        day = draw(st.none() | DAY)
        rows.append([given, draw(CELL), draw(st.just("") | URLISH),
                     draw(st.just("") | st.just(f"p{i}@example.org")), draw(CELL), draw(CELL),
                     day.strftime("%d %b %Y") if day else ""])
    return rows


@settings(max_examples=150, deadline=None)
@given(connections(), st.booleans())
def test_a_connections_csv_reads_back_what_was_written(rows: list[list[str]], notes: bool
                                                       ) -> None:
    """Any names, companies and titles (commas, quotes, unicode) written as LinkedIn writes
    them read back as those contacts; missing values stay missing."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER.strip().split(","))
    writer.writerows(rows)
    result = read_connections((NOTES if notes else "") + buffer.getvalue())
    expected = [clean_record(ContactRecord(
        name=f"{r[0].strip()} {r[1].strip()}", given_name=r[0].strip(), family_name=r[1].strip(),
        emails=(Email(r[3]),) if r[3] else (), urls=(r[2].strip(),) if r[2].strip() else (),
        roles=(RoleRecord(r[4], r[5]),) if r[4].strip() or r[5].strip() else (),
        known_since=datetime.strptime(r[6], "%d %b %Y").date() if r[6] else None,
    )) for r in rows]
    assert result.bad == [] and result.read == len(rows)
    assert [rec for _, rec in result.records] == [e for e in expected if record_problem(e) is None]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.characters(blacklist_categories=("Cs",)),
                          st.sampled_from(["BEGIN:VCARD\n", "END:VCARD\n", "\n ", ";", ":", '"',
                                           "=\n", "item1.", "TYPE=", "\\", "ENCODING=QUOTED-"
                                           "PRINTABLE", "VERSION:4.0\n", "FN:", "EMAIL;"])),
                max_size=120))
def test_any_text_is_read_as_cards_or_refused_never_a_crash(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        result = read_vcards(text)
    except ContactsError:
        return
    assert result.read == len(result.records) + len(result.skipped) + len(
        [p for p in result.bad if p.where.startswith("card")])
    for _, record in result.records:
        assert record_problem(record) is None and clean_record(record) == record
