"""Credentials people earn on the way into an occupation, with what they cost and take.

O*NET's text release carries no certification data, and a plan that says "take a course in
Education and Training" is not advice. :data:`CREDENTIALS` names, per occupation (SOC code
prefix, most specific first), the certifications, licences and programmes a career adviser would
name for someone moving into that work: who issues each, the typical preparation in hours, the
typical out-of-pocket cost in US dollars as a range, and where the figures come from.

Figures are the issuers' published fees (2024-25, rounded; member and non-member prices
spanned by the range) plus typical preparation courses, and the College Board's *Trends in
College Pricing 2024* for credit costs. They are typical ranges to plan a budget with, not
quotes: the plan shows the range and its basis, and the person can replace it.

:data:`FREE_ROUTES` are the ways people commonly get learning paid for or free, named in plans
when a budget is short; :data:`TYPICAL_COSTS` the price ranges of activity kinds without a
named credential.

Pure data and lookups; nothing here knows a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

CredentialKind = Literal["certificate", "certification", "licence", "exam", "programme"]


@dataclass(frozen=True)
class Credential:
    name: str
    issuer: str
    kind: CredentialKind
    hours: float  # typical preparation, hours
    cost: tuple[int, int]  # typical out-of-pocket cost, USD (low, high)
    basis: str  # where the figures come from
    needs: str = ""  # what it asks for first, in words
    #: a credential of the person's matching this (case-insensitive) means they hold it
    holds: str = ""
    #: often paid by an employer or available free
    free_note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "issuer": self.issuer,
            "kind": self.kind,
            "hours": self.hours,
            "cost": list(self.cost),
            "basis": self.basis,
            "needs": self.needs,
            "free_note": self.free_note,
        }

    def held_by(self, credentials: tuple[str, ...]) -> bool:
        if not self.holds:
            return False
        pattern = re.compile(self.holds, re.IGNORECASE)
        return any(pattern.search(c) for c in credentials)


def _c(name: str, issuer: str, kind: CredentialKind, hours: float, cost: tuple[int, int],
       basis: str, **kw: str) -> Credential:  # fmt: skip
    return Credential(name, issuer, kind, hours, cost, basis, **kw)


FEES = "issuer's published exam fee plus a typical preparation course"
#: SOC code prefix -> credentials for moving into that work, most useful first. The first
#: prefix that matches an occupation wins, so detailed codes come before broad ones.
CREDENTIALS: tuple[tuple[str, tuple[Credential, ...]], ...] = (
    ("13-1082", (
        _c("Certified Associate in Project Management (CAPM)", "PMI", "certification", 40,
           (300, 600), FEES, needs="23 hours of project-management education",
           holds=r"\bCAPM\b|\bPMP\b"),
        _c("Project Management Professional (PMP)", "PMI", "certification", 60, (450, 1200),
           FEES, needs="36 months leading projects and 35 hours of education", holds=r"\bPMP\b"),
    )),
    ("13-2099.04", (
        _c("Certified Fraud Examiner (CFE)", "ACFE", "certification", 100, (650, 1400), FEES,
           needs="a bachelor's and two years of related work", holds=r"\bCFE\b"),
    )),
    ("13-1041", (
        _c("Certified Compliance and Ethics Professional (CCEP)", "SCCE", "certification", 60,
           (400, 900), FEES, needs="a year of compliance work and 20 CEUs",
           holds=r"\bCCEP\b|\bCRCM\b"),
    )),
    ("11-9199.02", (
        _c("Certified Compliance and Ethics Professional (CCEP)", "SCCE", "certification", 60,
           (400, 900), FEES, needs="a year of compliance work and 20 CEUs", holds=r"\bCCEP\b"),
        _c("Certified in Healthcare Compliance (CHC)", "CCB", "certification", 50, (300, 800),
           FEES, holds=r"\bCHC\b"),
    )),
    ("43-3051", (
        _c("Fundamental Payroll Certification (FPC)", "PayrollOrg", "certification", 50,
           (300, 700), FEES, holds=r"\bFPC\b|\bCPP\b"),
    )),
    ("43-6011", (
        _c("Certified Administrative Professional (CAP)", "IAAP", "certification", 50,
           (400, 700), FEES, holds=r"\bCAP\b"),
    )),
    ("15-1232", (
        _c("CompTIA A+", "CompTIA", "certification", 120, (500, 800), FEES,
           holds=r"comptia a\+|\bA\+"),
        _c("Google IT Support Professional Certificate", "Google (Coursera)", "certificate",
           150, (150, 300), "a Coursera subscription for three to six months",
           free_note="financial aid on Coursera; free at many public libraries",
           holds=r"google it support"),
    )),
    ("15-1212", (
        _c("CompTIA Security+", "CompTIA", "certification", 120, (400, 900), FEES,
           holds=r"security\+"),
    )),
    ("15-1244", (
        _c("Cisco CCNA", "Cisco", "certification", 150, (300, 900), FEES, holds=r"\bCCNA\b"),
    )),
    ("15-2051.01", (
        _c("SQL for data analysis (a course and a portfolio query project)", "community college "
           "or online course", "certificate", 40, (0, 200), "free online courses to $200",
           free_note="free routes: Khan Academy, Mode's SQL tutorial, library courses",
           holds=r"\bSQL\b"),
        _c("Microsoft Power BI Data Analyst (PL-300)", "Microsoft", "certification", 60,
           (165, 400), FEES, holds=r"PL-300|power bi"),
    )),
    ("15-2051", (
        _c("Google Data Analytics Professional Certificate", "Google (Coursera)", "certificate",
           180, (150, 350), "a Coursera subscription for four to six months",
           free_note="financial aid on Coursera", holds=r"google data analytics"),
        _c("Statistics and Python for data science (a course and two portfolio projects)",
           "online course", "certificate", 120, (0, 400), "free (audit) to a paid certificate",
           holds=r"\bpython\b"),
    )),
    ("15-1255", (
        _c("A UX portfolio of two or three case studies (user research, usability testing, "
           "Figma prototypes)", "self-directed", "programme", 120, (0, 300),
           "Figma's free plan; optional paid course", holds=r"ux portfolio"),
        _c("Google UX Design Professional Certificate", "Google (Coursera)", "certificate", 150,
           (150, 300), "a Coursera subscription for three to six months",
           holds=r"google ux"),
    )),
    ("15-1254", (
        _c("A web portfolio (HTML, CSS, JavaScript; two deployed projects)", "self-directed",
           "programme", 250, (0, 300), "free curricula (The Odin Project, freeCodeCamp)",
           free_note="The Odin Project and freeCodeCamp are free"),
    )),
    ("15-1252", (
        _c("A software portfolio (a language, Git, two substantial projects)", "self-directed",
           "programme", 400, (0, 500), "free curricula; optional courses",
           free_note="free: CS50 (Harvard, edX audit), The Odin Project"),
    )),
    ("13-1161", (
        _c("Google Analytics (GA4) Certification", "Google Skillshop", "certification", 15,
           (0, 0), "free", holds=r"google analytics|\bGA4\b"),
    )),
    ("13-1151", (
        _c("Instructional design (ADDIE, Articulate Storyline) with a sample e-learning module",
           "ATD or a community college", "certificate", 60, (300, 1500),
           "ATD and college certificate programmes", holds=r"instructional design"),
        _c("ATD Associate Professional in Talent Development (APTD)", "ATD", "certification",
           60, (550, 900), FEES, holds=r"\bAPTD\b|\bCPTD\b"),
    )),
    ("11-3131", (
        _c("ATD Certified Professional in Talent Development (CPTD)", "ATD", "certification",
           80, (900, 1600), FEES, needs="five years of talent-development work",
           holds=r"\bCPTD\b"),
    )),
    ("13-1071", (
        _c("SHRM Certified Professional (SHRM-CP)", "SHRM", "certification", 80, (450, 1200),
           FEES, holds=r"SHRM-CP|SHRM-SCP|\bPHR\b"),
        _c("Associate Professional in Human Resources (aPHR)", "HRCI", "certification", 40,
           (300, 600), FEES, holds=r"\baPHR\b|\bPHR\b|SHRM"),
    )),
    ("13-1141", (
        _c("Certified Compensation Professional (CCP)", "WorldatWork", "certification", 120,
           (1500, 3500), FEES, holds=r"\bCCP\b"),
    )),
    ("11-3121", (
        _c("SHRM Senior Certified Professional (SHRM-SCP)", "SHRM", "certification", 80,
           (450, 1200), FEES, holds=r"SHRM-SCP|\bSPHR\b"),
    )),
    ("13-1081", (
        _c("MSSC Certified Logistics Associate (CLA) and Technician (CLT)", "MSSC",
           "certification", 60, (150, 400), FEES, holds=r"\bCL[AT]\b|logistics (associate|"
           r"technician)"),
        _c("Excel skills for operations (formulas, pivot tables, lookups)", "online course",
           "certificate", 20, (0, 100), "free at libraries; low-cost online",
           holds=r"excel"),
        _c("APICS Certified Supply Chain Professional (CSCP)", "ASCM", "certification", 120,
           (1500, 2500), FEES, needs="a bachelor's or three years of related work",
           holds=r"\bCSCP\b|\bCPIM\b"),
    )),
    ("43-5061", (
        _c("MSSC Certified Logistics Associate (CLA)", "MSSC", "certification", 30, (100, 250),
           FEES, holds=r"\bCLA\b"),
        _c("Excel skills for operations (formulas, pivot tables, lookups)", "online course",
           "certificate", 20, (0, 100), "free at libraries; low-cost online", holds=r"excel"),
    )),
    ("43-5071", (
        _c("MSSC Certified Logistics Associate (CLA)", "MSSC", "certification", 30, (100, 250),
           FEES, holds=r"\bCLA\b"),
    )),
    ("53-7051", (
        _c("Powered industrial truck (forklift) certification", "employer (OSHA 1910.178)",
           "certificate", 8, (0, 150), "usually done by the employer",
           free_note="employers certify their own operators", holds=r"forklift"),
    )),
    ("35-1012", (
        _c("ServSafe Food Protection Manager certification", "National Restaurant Association",
           "certification", 16, (130, 200), FEES, holds=r"servsafe manager|food protection "
           r"manager"),
    )),
    ("11-9051", (
        _c("ServSafe Food Protection Manager certification", "National Restaurant Association",
           "certification", 16, (130, 200), FEES, holds=r"servsafe manager|food protection "
           r"manager"),
    )),
    ("13-1031", (
        _c("State adjuster license (pre-licensing course and exam)", "state insurance "
           "department", "licence", 40, (150, 400), FEES, holds=r"adjuster"),
    )),
    ("41-3021", (
        _c("State life and health (or property and casualty) producer license",
           "state insurance department", "licence", 40, (100, 300), FEES,
           holds=r"producer licen|life.{0,20}health|property.{0,20}casualty"),
    )),
    ("29-2072", (
        _c("Certified Professional Coder (CPC) or Certified Coding Associate (CCA)",
           "AAPC / AHIMA", "certification", 300, (1000, 3000),
           "exam fee plus a coding course; community colleges are cheaper",
           holds=r"\bCPC\b|\bCCA\b|\bCCS\b"),
    )),
    ("33-9021", (
        _c("State private investigator license", "the state's private-security licensing board",
           "licence", 40, (200, 600),
           "state application, exam and background-check fees",
           needs="years of investigative experience (police years usually count)",
           holds=r"private investigator|\bPI licen"),
    )),
    ("11-3013.01", (
        _c("ASIS Certified Protection Professional (CPP) or Physical Security Professional "
           "(PSP)", "ASIS International", "certification", 100, (400, 800), FEES,
           holds=r"\b(CPP|PSP)\b"),
    )),
    ("19-5012", (
        _c("OSHA 30-hour outreach course", "OSHA-authorised trainer", "certificate", 30,
           (150, 200), "typical online provider price", holds=r"OSHA 30"),
        _c("Occupational Health and Safety Technologist (OHST)", "BCSP", "certification", 60,
           (300, 600), FEES, holds=r"\bOHST\b|\bCSP\b|\bASP\b"),
    )),
    ("25-1194", (
        _c("State career and technical education teaching certificate (often completed while "
           "teaching)", "state education agency or technical college system", "licence", 90,
           (0, 500), "usually employer-supported", holds=r"instructor|teaching certif"),
    )),
    ("47-4011", (
        _c("ICC inspector certification (e.g. Residential Electrical Inspector)", "ICC",
           "certification", 60, (250, 600), FEES, holds=r"\bICC\b"),
    )),
    ("13-1051", (
        _c("AACE Certified Estimating Professional (CEP) or an estimating software course",
           "AACE International", "certification", 80, (500, 1200), FEES, holds=r"\bCEP\b"),
    )),
    ("47-2111", (
        _c("Master Electrician license (state exam on the National Electrical Code, NEC)",
           "the state's electrical licensing board", "licence", 80, (150, 600),
           "state exam and licence fees plus an NEC exam-prep course",
           needs="years as a licensed journeyman (the state sets how many)",
           holds=r"master electrician"),
        _c("Electrical Contractor license and general liability insurance", "the state's "
           "electrical licensing board", "licence", 20, (1500, 4000),
           "licence fee plus a first year of general liability insurance",
           needs="a master electrician on the licence", holds=r"electrical contractor"),
    )),
    ("13-2052", (
        _c("Series 65 (or 66) license exam", "FINRA / NASAA", "exam", 80, (200, 500), FEES,
           holds=r"series (65|66)"),
        _c("CERTIFIED FINANCIAL PLANNER (CFP)", "CFP Board", "certification", 250,
           (4000, 7000), "education programme plus exam fee",
           needs="a bachelor's and three years of experience", holds=r"\bCFP\b"),
    )),
    ("13-2011", (
        _c("CPA exam (four sections)", "AICPA / state board", "exam", 400, (1500, 3500),
           "exam fees plus a review course",
           needs="150 semester credits with accounting coursework, and supervised experience",
           holds=r"\bCPA\b"),
    )),
    ("29-1051", (
        _c("Board certification (BCPS, BCACP or another BPS specialty)",
           "Board of Pharmacy Specialties", "certification", 120, (600, 1500), FEES,
           needs="a PGY1 residency or years of practice in the specialty",
           holds=r"\bBC(PS|ACP|OP|GP)\b"),
    )),
    ("15-1211.01", (
        _c("Health informatics certificate or AHIMA CHDA", "AHIMA or a university programme",
           "certificate", 120, (400, 2500), "exam fee to a graduate certificate's tuition",
           holds=r"\bCHDA\b|informatics"),
    )),
    ("11-9111", (
        _c("Certified Medical Manager (CMM) or a healthcare-management certificate",
           "PAHCOM or a university", "certification", 60, (400, 1500), FEES,
           holds=r"\bCMM\b|\bFACHE\b"),
    )),
    ("21-1012", (
        _c("State school-counsellor certification", "state education agency", "licence", 20,
           (100, 300), "application and exam fees", needs="a master's in counselling",
           holds=r"school counsel"),
    )),
    ("27-3042", (
        _c("A technical-writing portfolio (three samples: a how-to, a reference page, a "
           "release note)", "self-directed", "programme", 40, (0, 200),
           "free style guides; optional course", holds=r"technical writ"),
    )),
    ("27-3031", (
        _c("A communications portfolio of writing samples and campaign results",
           "self-directed", "programme", 30, (0, 0), "free"),
    )),
    ("13-1131", (
        _c("Certified Fund Raising Executive (CFRE) later; a grant-writing course now",
           "CFRE International / community college", "certificate", 30, (100, 700), FEES,
           holds=r"\bCFRE\b|grant writ"),
    )),
    ("13-1111", (
        _c("Lean Six Sigma Green Belt", "ASQ or IASSC", "certification", 60, (300, 2000),
           FEES, holds=r"six sigma"),
    )),
    ("53-3032", (
        _c("Class A CDL training and tests", "a CDL school or carrier programme", "licence",
           200, (0, 8000), "private schools; carrier-sponsored programmes are free",
           free_note="carrier-sponsored training is free with a work commitment; WIOA funds it",
           holds=r"\bCDL\b"),
    )),
    ("53-1043", (
        _c("DOT and FMCSA compliance course (hours of service, driver files)",
           "community college or industry association", "certificate", 16, (100, 400),
           "typical course prices", holds=r"FMCSA|DOT compliance"),
    )),
    ("53-1", (
        _c("MSSC Certified Logistics Technician (CLT)", "MSSC", "certification", 60,
           (150, 400), FEES, holds=r"\bCLT\b|logistics technician"),
        _c("Excel skills for operations (formulas, pivot tables, lookups)", "online course",
           "certificate", 20, (0, 100), "free at libraries; low-cost online", holds=r"excel"),
    )),
)

#: Ways people commonly get learning free or paid for, by when they apply.
FREE_ROUTES: tuple[tuple[str, str], ...] = (
    ("employer", "Tuition assistance or a company-sponsored programme: ask HR what your "
     "employer pays for before spending your own money."),
    ("library", "Your public library card: LinkedIn Learning, Coursera or other course "
     "catalogues free at many libraries."),
    ("audit", "Audit the course for free (Coursera, edX): the same lessons without the "
     "certificate."),
    ("wioa", "WIOA training funds through your local American Job Center, for people "
     "changing jobs or out of work."),
    ("college", "Community college non-credit courses, often the cheapest route to a "
     "certificate."),
)  # fmt: skip

#: Typical out-of-pocket cost ranges (USD) of activity kinds without a named credential, and
#: their basis.
TYPICAL_COSTS: dict[str, tuple[int, int, str]] = {
    "course": (0, 60, "free audit or library access to a MOOC certificate at $39-$79 a month"),
    "reading": (0, 40, "library or a book"),
    "project": (0, 0, "your own time"),
    "stretch": (0, 0, "inside your current job"),
    "volunteering": (0, 0, "unpaid"),
    "mentoring": (0, 0, "free: a professional association or your network"),
    "certification": (100, 600, "typical professional certification exam fees"),
    "credit": (135, 390, "per credit: public two-year in-district to four-year in-state "
              "tuition (College Board, Trends in College Pricing 2024)"),
}


def credentials_for(code: str) -> tuple[Credential, ...]:
    """The credentials named for moving into the occupation ``code`` (may be empty)."""
    for prefix, creds in CREDENTIALS:
        if code.startswith(prefix):
            return creds
    return ()
