"""Regulated and structured entry routes: the occupations whose entry is a known path.

For most occupations the time to get ready follows from the general facts the readiness model
reads (BLS typical entry education, related experience and training; O*NET's education,
experience and training distributions; the skill gap). Some occupations cannot be entered that
way at all: a licence or a regulated degree stands between the person and the work, and a coach
names it ("a nursing degree and the NCLEX-RN", "a JD and the bar exam"). :data:`ROUTES` lists
those paths, each as ordered :class:`RouteStep` rows with their typical length, written from the
BLS Occupational Outlook Handbook's "How to Become One" sections and the licensing bodies'
published requirements (figures are typical US values, rounded; states differ).

A route applies to an occupation by SOC code prefix. A person who holds the credential (a
credential of theirs matches :attr:`Route.holds`) or works in an occupation the route already
covers (:attr:`Route.family`) skips it.

Step lengths come in three forms, because they scale differently with the hours a person has:

- ``credits``: coursework that can be taken part-time while working; its length follows the
  person's weekly hours (see ``readiness.credits_per_year``);
- ``hours``: a training course of so many hours (a CDL course, a coding certificate);
- ``months``: a fixed calendar length: a full-time programme (medical school), a residency,
  supervised practice, an exam's preparation and wait. When a route is ``full_time`` the person
  would study full-time for it, so its coursework runs at the full-time pace too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RouteStep:
    label: str
    #: part-time-able coursework, in semester credits
    credits: float | None = None
    #: a course of this many hours of training
    hours: float | None = None
    #: a fixed calendar length
    months: float | None = None
    #: skip this step when the person's education is at least this (O*NET RL category)
    skip_from_level: int | None = None
    #: skip this step when the person works in an occupation with one of these code prefixes
    skip_family: tuple[str, ...] = ()
    #: the length when the person already holds a bachelor's degree (an accelerated form)
    months_with_degree: float | None = None
    #: the credits when the person already holds a bachelor's degree (general education done)
    credits_with_degree: float | None = None
    #: skip this step when a credential of the person's matches this (case-insensitive)
    skip_if_holds: str | None = None


@dataclass(frozen=True)
class Route:
    key: str
    name: str
    #: SOC code prefixes the route applies to ("29-1141", "29-12")
    codes: tuple[str, ...]
    steps: tuple[RouteStep, ...]
    #: a regular expression (case-insensitive) matching a credential that means the route is done
    holds: str | None = None
    #: people working in these occupations (code prefixes) have already done the route
    family: tuple[str, ...] = ()
    #: the education (O*NET RL category) needed before the route starts; a gap is a degree step
    prerequisite: int | None = None
    #: the route is taken full-time (no part-time form worth planning around)
    full_time: bool = False
    note: str | None = None
    #: the route's codes cover an occupation only when its code does not start with these
    excluded: tuple[str, ...] = field(default_factory=tuple)
    #: years in any occupation count as the related experience (teaching one's own trade)
    any_experience: bool = False

    def applies_to(self, code: str) -> bool:
        return any(code.startswith(p) for p in self.codes) and not any(
            code.startswith(p) for p in self.excluded
        )

    def held_by(self, credentials: tuple[str, ...], occupation: str | None) -> bool:
        if occupation and any(occupation.startswith(p) for p in self.family or self.codes):
            return True
        if self.holds:
            pattern = re.compile(self.holds, re.IGNORECASE)
            return any(pattern.search(c) for c in credentials)
        return False


def _s(label: str, **kw: object) -> RouteStep:
    return RouteStep(label, **kw)  # type: ignore[arg-type]


HEALTH = ("29-1", "29-2", "31-")
RN_HOLDS = r"\bRN\b|registered nurse|\bBSN\b|\bADN\b"
NURSES = ("29-1141", "29-1151", "29-1161", "29-1171")
RN_STEPS = (
    _s("Science prerequisites (anatomy, physiology, microbiology, chemistry)", credits=20,
       skip_family=HEALTH, skip_if_holds=RN_HOLDS),
    _s("Nursing programme: an associate degree in nursing (about 2 years full-time), or an "
       "accelerated BSN (about 15 months) if you hold a bachelor's", months=24,
       months_with_degree=15, skip_family=NURSES, skip_if_holds=RN_HOLDS),
    _s("NCLEX-RN licensing exam", months=3, skip_family=NURSES, skip_if_holds=RN_HOLDS),
)

#: Every route, most specific first (the first that applies wins).
ROUTES: tuple[Route, ...] = (
    Route(
        "aprn", "Advanced practice registered nurse (APRN) licence",
        ("29-1151", "29-1161", "29-1171"),
        (
            *RN_STEPS,
            _s("Graduate nursing degree (MSN or DNP) with supervised clinical hours", credits=45),
            _s("National certification exam and the state APRN licence", months=3),
        ),
        holds=r"\b(APRN|CRNA|CNM|FNP|NP-C|AGNP|PMHNP)\b|nurse practitioner",
        note="RN licence first, then a graduate nursing degree",
    ),
    Route(
        "rn", "Registered nurse (RN) licence", ("29-1141",), RN_STEPS,
        holds=RN_HOLDS, family=NURSES,
    ),
    Route(
        "lpn", "Practical nurse (LPN/LVN) licence", ("29-2061",),
        (
            _s("High school diploma or GED", months=6, skip_from_level=2),
            _s("Practical nursing programme (12-18 months full-time)", months=18),
            _s("NCLEX-PN licensing exam", months=3),
        ),
        holds=r"\b(LPN|LVN)\b|practical nurse",
        family=("29-2061", "29-1141", "29-1171"),
    ),
    Route(
        "physician", "Physician: medical school, residency and licence",
        ("29-121", "29-122", "29-124"),
        (
            _s("Pre-medical science courses", months=12, skip_family=("29-1",)),
            _s("MCAT and medical-school applications", months=6),
            _s("Medical school (MD or DO), four years full-time", months=48),
            _s("Residency (three to seven years, paid) and the licensing exams", months=48),
        ),
        holds=r"\b(MD|DO)\b|physician licen|medical licen",
        prerequisite=6, full_time=True,
    ),
    Route(
        "pharmacist", "Pharmacist: PharmD and licence", ("29-1051",),
        (
            _s("Pre-pharmacy science courses", months=12, skip_family=HEALTH),
            _s("Doctor of Pharmacy (PharmD), four years full-time", months=48),
            _s("NAPLEX and state law exams", months=3),
        ),
        holds=r"pharmacist licen|\bPharmD\b|\bRPh\b",
        prerequisite=5, full_time=True,
    ),
    Route(
        "pa", "Physician assistant: master's and PANCE", ("29-1071",),
        (
            _s("Science prerequisites and patient-care hours", months=12, skip_family=HEALTH),
            _s("Physician assistant master's programme, about 27 months full-time", months=27),
            _s("PANCE certification exam and state licence", months=3),
        ),
        holds=r"\bPA-C\b|physician assistant",
        prerequisite=6, full_time=True,
    ),
    Route(
        "clinical_doctorate", "A clinical doctorate and licence",
        ("29-1011", "29-102", "29-1041", "29-1081", "29-1123", "29-1131", "29-1181",
         "29-1299.01"),
        (
            _s("Science prerequisites", months=12, skip_family=HEALTH),
            _s("Professional doctorate (DPT, DC, DDS/DMD, OD, DPM, DVM, AuD or ND), three to "
               "four years full-time", months=42),
            _s("Board exams and the state licence", months=3),
        ),
        holds=r"\b(DPT|DC|DDS|DMD|OD|DPM|DVM|AuD|ND)\b",
        prerequisite=6, full_time=True,
    ),
    Route(
        "therapy_masters", "A clinical master's and licence",
        ("29-1122", "29-1127", "29-1291"),
        (
            _s("Science prerequisites", credits=15, skip_family=HEALTH),
            _s("Clinical master's (occupational therapy, speech-language pathology or "
               "acupuncture), two to three years full-time", months=30),
            _s("Licensing exam and clinical fellowship where required", months=6),
        ),
        holds=r"\b(OTR|CCC-SLP|L\.?Ac)\b",
        prerequisite=6, full_time=True,
    ),
    Route(
        "dietitian", "Registered dietitian: degree, supervised practice and the RD exam",
        ("29-1031",),
        (
            _s("Master's degree in nutrition (required for the RD exam since 2024)", credits=36),
            _s("Supervised practice (about 1,000 hours)", months=9),
            _s("Registration exam (CDR)", months=3),
        ),
        holds=r"\b(RD|RDN)\b|registered dietitian",
        prerequisite=6,
    ),
    Route(
        "health_associate", "An accredited associate programme and licence",
        ("29-1292", "29-1126", "29-2034", "29-2035", "29-2032", "29-1124", "31-2011",
         "31-2021"),
        (
            _s("Accredited associate programme (about two years, mostly full-time)", months=24),
            _s("Licensing or registry exam", months=3),
        ),
        holds=r"\b(RDH|RRT|ARRT|RDMS)\b",
    ),
    Route(
        "paramedic", "EMT and paramedic certification", ("29-2042", "29-2043"),
        (
            _s("EMT course (about 150 hours)", hours=150),
            _s("Paramedic programme (about 1,200 hours)", hours=1200,
               skip_family=("29-2042",)),
            _s("NREMT exams", months=2),
        ),
        holds=r"\b(EMT|paramedic|NREMT)\b",
    ),
    Route(
        "lawyer", "Lawyer: JD and the bar exam", ("23-1011",),
        (
            _s("LSAT and law-school applications", months=6),
            _s("Juris Doctor (three years full-time or four part-time)", credits=90),
            _s("Bar exam (preparation and results)", months=4),
        ),
        holds=r"\bJ\.?D\b|juris doctor|bar admission|attorney|esquire",
        prerequisite=6,
    ),
    Route(
        "judge", "Judge: JD, bar and years of practice as a lawyer", ("23-1021", "23-1023"),
        (
            _s("LSAT and law-school applications", months=6),
            _s("Juris Doctor (three years full-time or four part-time)", credits=90),
            _s("Bar exam (preparation and results)", months=4),
            _s("Years of practice as a lawyer before appointment or election", months=60),
        ),
        holds=r"\b(judge|magistrate)\b", family=("23-1021", "23-1023"), prerequisite=6,
    ),
    Route(
        "psychologist", "Psychologist: doctorate, supervised hours and licence",
        ("19-3033", "19-3034", "19-3039"),
        (
            _s("Doctorate in psychology (PhD or PsyD), five to seven years full-time",
               months=66),
            _s("Internship and supervised postdoctoral hours", months=12),
            _s("EPPP licensing exam", months=3),
        ),
        holds=r"licensed psychologist|\b(PsyD)\b", prerequisite=6, full_time=True,
    ),
    Route(
        "counselor", "Counsellor: master's and supervised hours for the licence",
        ("21-1011", "21-1013", "21-1014", "21-1015", "21-1018"),
        (
            _s("Master's in counselling", credits=60),
            _s("Supervised clinical hours for the licence (two to three years, while working)",
               months=24),
        ),
        holds=r"\b(LPC|LMHC|LCPC|LMFT|LADC|CADC)\b|licensed (professional )?counsel",
        family=("21-101", "21-102"),
    ),
    Route(
        "school_counselor", "School counsellor: a master's and the state certification",
        ("21-1012",),
        (
            _s("State school-counsellor certification or licence (exam and application)",
               months=3),
        ),
        holds=r"school counsel|\b(NCC|LPC|LMHC)\b|counsel(l)?ing (licen|certif)",
        family=("21-101", "25-9031"), prerequisite=8,
        note="college and career advisers are sometimes hired with a bachelor's",
    ),
    Route(
        "social_worker", "Social worker: social-work degree and licence",
        ("21-1021", "21-1022", "21-1023", "21-1029"),
        (
            _s("Master of Social Work (MSW)", credits=60),
            _s("Licensing exam (ASWB)", months=3),
        ),
        holds=r"\b(LCSW|LMSW|LSW|MSW|LICSW)\b|social work licen",
        family=("21-102",),
    ),
    Route(
        "teacher", "K-12 teacher: preparation programme and state licence",
        ("25-20", "25-203", "25-205"),
        (
            _s("Teacher preparation programme (often an alternative route for career "
               "changers)", credits=30),
            _s("Student teaching or a supervised first year", months=4),
            _s("State licensure exams (Praxis or the state's own)", months=2),
        ),
        holds=r"teach(ing|er)? (licen|certif|credential)|\bM\.?Ed\b",
        family=("25-20", "25-30"), prerequisite=6,
    ),
    Route(
        "cdl", "Commercial driver's licence (CDL)", ("53-3032", "53-3052", "53-3053"),
        (
            _s("CDL training course (about 160-280 hours)", hours=200),
            _s("CDL knowledge and skills tests", months=1),
        ),
        holds=r"\bCDL\b|commercial driver",
        family=("53-3032", "53-3052", "53-3053"),
    ),
    Route(
        "pilot", "Airline pilot: flight certificates and 1,500 flight hours",
        ("53-2011",),
        (
            _s("Private, instrument and commercial pilot certificates", months=18),
            _s("Flight hours up to the 1,500 the ATP certificate requires (often as a flight "
               "instructor)", months=24),
            _s("Airline transport pilot (ATP) certificate", months=3),
        ),
        holds=r"\b(ATP|airline transport pilot)\b", full_time=True,
    ),
    Route(
        "air_traffic", "Air traffic controller: FAA Academy and years of certification",
        ("53-2021",),
        (
            _s("FAA Academy (about five months full-time; applicants must usually be under "
               "31)", months=5),
            _s("Certification on the job at a facility (two to four years)", months=30),
        ),
        holds=r"air traffic|\bCTO\b", family=("53-2021",), full_time=True,
    ),
    Route(
        "commercial_pilot", "Commercial pilot certificate", ("53-2012",),
        (
            _s("Private, instrument and commercial pilot certificates (250 flight hours)",
               months=18),
        ),
        holds=r"commercial pilot|\bCPL\b", family=("53-201",), full_time=True,
    ),
    Route(
        "court_reporter", "Court reporter: steno programme and certification",
        ("27-3092",),
        (
            _s("Court-reporting (stenography) programme to 225 words a minute, two to four "
               "years", months=30),
            _s("Certification or state licence exam", months=3),
        ),
        holds=r"\b(RPR|CSR|CCR)\b|court reporter",
    ),
    Route(
        "interior_designer", "Interior designer: design degree and NCIDQ",
        ("27-1025",),
        (
            _s("Interior-design coursework (a second bachelor's or a design certificate)",
               credits=60),
            _s("Work experience (about two years) for the NCIDQ exam", months=24),
            _s("NCIDQ exam", months=3),
        ),
        holds=r"\bNCIDQ\b",
        prerequisite=6,
    ),
    Route(
        "architect", "Architect: accredited degree, experience and the ARE", ("17-1011",),
        (
            _s("Accredited architecture degree (M.Arch)", credits=90),
            _s("Architectural Experience Program (about three years, while working)",
               months=36),
            _s("Architect Registration Examination", months=6),
        ),
        holds=r"registered architect|\bNCARB\b|\bAIA\b",
        prerequisite=6,
    ),
    Route(
        "engineer", "Engineer: an accredited (ABET) engineering bachelor's",
        ("17-20", "17-21"),
        (
            _s("An ABET-accredited engineering bachelor's (maths, physics and the discipline; "
               "about 90 credits beyond another bachelor's)", credits=120,
               credits_with_degree=90, skip_family=("17-2",)),
        ),
        holds=r"\b(PE|EIT|FE)\b|professional engineer|engineer(ing)? degree",
        family=("17-2",),
    ),
    Route(
        "accountant", "Accountant: accounting coursework (CPA for many roles)",
        ("13-2011",),
        (
            _s("Accounting coursework (about 36 credits: financial, managerial, tax, audit)",
               credits=36),
        ),
        holds=r"\b(CPA|CMA|EA)\b|certified public accountant|accounting degree",
        family=("13-2011", "13-2031", "13-2041", "13-2081"),
        prerequisite=6,
    ),
    Route(
        "electrician", "Electrician: apprenticeship and journeyman licence", ("47-2111",),
        (
            _s("Electrical apprenticeship (about 8,000 paid hours, four years)", months=48),
            _s("Journeyman licence exam", months=2),
        ),
        holds=r"journeyman|master electrician|electrical (licen|contractor)",
        family=("47-2111", "47-1011", "49-2095"),
    ),
    Route(
        "plumber", "Plumber or pipefitter: apprenticeship and licence",
        ("47-2151", "47-2152"),
        (
            _s("Plumbing apprenticeship (four to five years, paid)", months=54),
            _s("Journeyman licence exam", months=2),
        ),
        holds=r"journeyman plumb|master plumb|plumbing licen",
    ),
    Route(
        "hvac", "HVAC technician: training and EPA certification", ("49-9021",),
        (
            _s("HVAC programme or apprenticeship (two to five years)", months=30),
            _s("EPA Section 608 certification", months=1),
        ),
        holds=r"\bEPA (section )?608\b|\bHVAC\b",
    ),
    Route(
        "lineworker", "Lineworker: climbing school and apprenticeship", ("49-9051",),
        (
            _s("Line-worker (climbing) school", months=3),
            _s("Line-worker apprenticeship (about 7,000 paid hours)", months=36),
        ),
        holds=r"journeyman line|lineman|lineworker",
    ),
    Route(
        "aircraft_mechanic", "Aircraft mechanic: FAA-approved school and A&P exams",
        ("49-3011",),
        (
            _s("FAA-approved maintenance school (18-24 months)", months=21),
            _s("Airframe and powerplant (A&P) exams", months=3),
        ),
        holds=r"\bA&P\b|airframe|powerplant",
    ),
    Route(
        "cosmetology", "Cosmetology or barbering: state programme and licence",
        ("39-5011", "39-5012", "39-5092", "39-5094"),
        (
            _s("State-approved programme (about 1,000-1,500 hours)", hours=1200),
            _s("State licence exam", months=2),
        ),
        holds=r"cosmetolog|barber licen|esthetician licen",
    ),
    Route(
        "massage", "Massage therapist: programme and licence", ("31-9011",),
        (
            _s("Massage therapy programme (about 500 hours)", hours=500),
            _s("MBLEx licence exam", months=2),
        ),
        holds=r"\bLMT\b|massage therap",
    ),
    Route(
        "real_estate_broker", "Real-estate broker: years as an agent and the broker exam",
        ("41-9021",),
        (
            _s("Real-estate pre-licensing course (about 75-135 hours)", hours=100),
            _s("Salesperson licence exam", months=1),
            _s("Years as a licensed salesperson (two to three)", months=30),
            _s("Broker course and exam", months=3),
        ),
        holds=r"real estate broker|broker licen", family=("41-9021",),
    ),
    Route(
        "real_estate_agent", "Real-estate agent: pre-licensing course and exam", ("41-9022",),
        (
            _s("Pre-licensing course (about 75-135 hours)", hours=100),
            _s("State licence exam", months=1),
        ),
        holds=r"real estate (licen|salesperson|agent)", family=("41-902",),
    ),
    Route(
        "insurance_agent", "Insurance producer licence", ("41-3021", "13-1031"),
        (
            _s("Pre-licensing course (about 20-40 hours)", hours=30),
            _s("State producer (or adjuster) licence exam", months=1),
        ),
        holds=r"producer licen|insurance (agent|producer|adjuster) licen|adjuster licen|"
        r"(life|health|property|casualty).{0,30}licen",
    ),
    Route(
        "securities", "Securities licences (FINRA)", ("41-3031", "13-2052"),
        (
            _s("FINRA SIE and Series 7 (or 65/66 for advisers) exams", hours=150),
        ),
        holds=r"\bseries (7|63|65|66)\b|\bFINRA\b|\bCFP\b",
    ),
    Route(
        "police", "Police academy and state certification", ("33-3051", "33-3021"),
        (
            _s("Police academy (about six months full-time) and state certification",
               months=6),
        ),
        holds=r"\b(POST|BLET|peace officer|law enforcement (officer )?certif)",
        family=("33-30", "33-1012"), excluded=("33-3021.06",),
    ),
    Route(
        "performer", "Performer or athlete: years of training and a record of performances",
        ("27-2011", "27-2021", "27-2031", "27-2042", "27-2091", "27-2099"),
        (
            _s("Years of training and practice (lessons, classes, competitions)", months=36),
            _s("Auditions, tryouts or bookings that build a record of paid work", months=12),
        ),
        holds=r"(union|guild) member|\b(SAG|AFTRA|AFM|AEA)\b|professional (athlete|dancer)",
        family=("27-20",),
        note="most people in this work also hold another job; income is irregular",
    ),
    Route(
        "paralegal", "Paralegal certificate", ("23-2011",),
        (
            _s("Paralegal certificate (an ABA-approved programme of about 300-400 hours)",
               hours=350),
        ),
        holds=r"paralegal|\b(CP|ACP|RP|PP)\b",
        family=("23-1", "23-2"),
    ),
    Route(
        "cte_teacher", "Teaching your trade: years in it and an instructor certificate",
        ("25-1194", "25-2032"),
        (
            _s("Career and technical education teaching certificate or instructor training "
               "(often completed while teaching)", hours=90),
        ),
        holds=r"instructor certif|teaching certif|\bCTE\b",
        family=("25-1194", "25-2032"), any_experience=True,
        note="schools hire career and technical teachers for their years in the trade",
    ),
    Route(
        "firefighter", "Firefighter academy and EMT certification", ("33-2011",),
        (
            _s("EMT course (about 150 hours)", hours=150),
            _s("Fire academy (about three to six months)", months=4),
        ),
        holds=r"firefighter (i|ii|certif)", family=("33-20",),
    ),
    Route(
        "funeral", "Funeral director: mortuary science degree, apprenticeship and licence",
        ("39-4031",),
        (
            _s("Associate degree in mortuary science", months=24),
            _s("Apprenticeship (one to three years)", months=18),
            _s("National board exam and state licence", months=2),
        ),
        holds=r"funeral director licen|embalmer",
    ),
)


def route_for(code: str) -> Route | None:
    """The first route that applies to ``code``, if any."""
    return next((r for r in ROUTES if r.applies_to(code)), None)
