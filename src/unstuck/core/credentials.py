"""Licences and certifications by name or abbreviation: "RN license" is "Registered Nurse".

:data:`CREDENTIALS` is a small table of the licences and certifications postings ask for most,
each with its abbreviations and its names as people write them. :func:`credentials` finds them
in a line ("Registered Nurse, State of Ohio, license #123" and "Current Ohio RN license" both
hold ``rn``); :func:`states` finds the US states a line names, so a licence asked for in one
state can be told from one held in another. Pure and standard library only.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: id -> (abbreviations, written case-sensitively; names, compared folded)
CREDENTIALS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "rn": (("RN", "R.N."), ("registered nurse",)),
    "lpn": (("LPN", "L.P.N.", "LVN"), ("licensed practical nurse", "licensed vocational nurse")),
    "np": (("APRN", "FNP", "NP-C"), ("nurse practitioner", "advanced practice registered nurse")),
    "cna": (("CNA",), ("certified nursing assistant", "certified nurse aide",
                       "certified nurse assistant")),
    "bls": (("BLS",), ("basic life support",)),
    "acls": (("ACLS",), ("advanced cardiovascular life support", "advanced cardiac life support")),
    "pals": (("PALS",), ("pediatric advanced life support",)),
    "emt": (("EMT", "EMT-B"), ("emergency medical technician",)),
    "cpht": (("CPhT", "PTCB"), ("certified pharmacy technician", "registered pharmacy technician",
                               "pharmacy technician certification",
                               "pharmacy technician license")),
    "rdh": (("RDH",), ("registered dental hygienist", "dental hygienist license",
                       "dental hygiene license")),
    "lcsw": (("LCSW",), ("licensed clinical social worker",)),
    "lmsw": (("LMSW", "LSW"), ("licensed master social worker", "licensed social worker")),
    "cdl": (("CDL", "CDL-A", "CDL-B"), ("commercial driver's license", "commercial driver license",
                                        "commercial drivers license", "commercial driving licence",
                                        "commercial driver's licence")),
    "pe": (("PE", "P.E."), ("professional engineer",)),
    "eit": (("EIT", "FE"), ("engineer in training", "fundamentals of engineering")),
    "cpa": (("CPA",), ("certified public accountant",)),
    "cma": (("CMA",), ("certified management accountant",)),
    "pmp": (("PMP",), ("project management professional",)),
    "shrm-cp": (("SHRM-CP",), ("shrm certified professional",)),
    "shrm-scp": (("SHRM-SCP",), ("shrm senior certified professional",)),
    "phr": (("PHR",), ("professional in human resources",)),
    "cscp": (("CSCP",), ("certified supply chain professional",)),
    "cpim": (("CPIM",), ("certified in planning and inventory management",
                         "certified in production and inventory management")),
    "epa-608": (("EPA 608", "EPA-608", "Section 608"), ("epa 608", "epa section 608")),
    "osha-10": (("OSHA 10", "OSHA-10"), ("osha 10 hour", "osha 10-hour")),
    "osha-30": (("OSHA 30", "OSHA-30"), ("osha 30 hour", "osha 30-hour")),
    "servsafe": (("ServSafe",), ("servsafe", "food handler", "food protection manager")),
    "aws-cw": (("CWI",), ("aws certified welder", "certified welder", "aws d1.1",
                          "certified welding inspector")),
    "journeyman-electrician": ((), ("journeyman electrician", "journeyman electrical license",
                                    "journeyman license")),
    "master-electrician": ((), ("master electrician", "master electrical license")),
    "teaching": ((), ("teaching certificate", "teaching license", "teacher certification",
                      "teaching certification", "teaching credential", "teacher license",
                      "certificate of eligibility", "standard certificate")),
    "comptia-a+": ((), ("comptia a+", "a+ certification", "a+ certified")),
    "comptia-network+": (("Network+",), ("comptia network+",)),
    "comptia-security+": (("Security+",), ("comptia security+",)),
    "cissp": (("CISSP",), ("certified information systems security professional",)),
    "ccna": (("CCNA",), ("cisco certified network associate",)),
    "cfa": (("CFA",), ("chartered financial analyst",)),
    "cpp": (("CPP",), ("certified payroll professional",)),
    "cp": (("CP", "RP", "ACP"), ("certified paralegal", "registered paralegal",
                                 "advanced certified paralegal")),
    "notary": ((), ("notary public", "notary commission")),
}  # fmt: skip

STATES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia "
    "Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts "
    "Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon "
    "Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming"
).split() + [
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
]


def _fold(text: str) -> str:
    return " " + " ".join(re.sub(r"[^a-z0-9+]+", " ", text.lower()).split()) + " "


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, str]]]:
    abbreviations = [
        (cid, re.compile(r"(?<![A-Za-z0-9-])" + re.escape(a) + r"(?![A-Za-z0-9]|-[A-Z])"))
        for cid, (abbrevs, _) in CREDENTIALS.items()
        for a in abbrevs
    ]
    names = [(cid, _fold(n)) for cid, (_, ns) in CREDENTIALS.items() for n in ns]
    return abbreviations, names


def credentials(text: str) -> frozenset[str]:
    """The ids (keys of :data:`CREDENTIALS`) of the licences and certifications ``text`` names.
    Abbreviations count only as written in capitals ("PE", not "pe"), so ordinary words are
    not read as licences."""
    abbreviations, names = _patterns()
    found = {cid for cid, pattern in abbreviations if pattern.search(text)}
    folded = _fold(text)
    found |= {cid for cid, name in names if name in folded}
    if "master-electrician" in found or "journeyman-electrician" in found:
        found.discard("aws-cw")
    return frozenset(found)


_FOLDED_STATES = [(s, _fold(s)) for s in STATES]
_STATE_WORDS = {" " + f.split()[-1] + " " for _, f in _FOLDED_STATES}


def states(text: str) -> frozenset[str]:
    """The US states ``text`` names in full ("Ohio", "State of New Jersey")."""
    folded = _fold(text)
    if not any(w in folded for w in _STATE_WORDS):
        return frozenset()
    kept = folded.replace(" west virginia ", " west_virginia ")
    return frozenset(s for s, f in _FOLDED_STATES if f in folded and
                     (s != "Virginia" or " virginia " in kept))  # fmt: skip
