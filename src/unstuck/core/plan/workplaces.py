"""The settings an occupation's work is done in, for the plan's "same work, somewhere else"
step.

A pharmacist worn down by a retail counter, a long-haul driver who wants to be home at night,
a paralegal at a firm that pays below the market: the first move a career adviser names is
often the same work in another setting, where the hours, pace or pay differ. O*NET's text
release says what the work is, not where it is done; :data:`WORKPLACES` names, per occupation
(SOC code prefix, most specific first), the settings the Bureau of Labor Statistics'
*Occupational Outlook Handbook* (2024-25 edition, "Work Environment": the largest employers)
lists for it, with what tends to differ there in a few words where the Handbook says so.

Pure data and one lookup; nothing here knows a person.
"""

from __future__ import annotations

#: SOC code prefix -> settings, each a short phrase. The first prefix that matches wins.
WORKPLACES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("29-1051", (
        "hospital pharmacies (clinical roles, often after a residency)",
        "ambulatory-care clinics",
        "mail-order and specialty pharmacies (no counter, steadier hours)",
        "managed care: health plans and pharmacy benefit managers (PBMs)",
        "long-term care pharmacies",
    )),
    ("29-1141", (
        "hospitals", "physicians' offices and outpatient clinics (daytime hours)",
        "home health", "schools", "telehealth and nurse advice lines",
        "case management at health insurers",
    )),
    ("29-2061", ("hospitals", "nursing and residential care", "physicians' offices",
                 "home health")),
    ("29-2052", ("hospital pharmacies", "mail-order and specialty pharmacies",
                 "health-plan and PBM call centres")),
    ("31-1131", ("hospitals", "home health", "assisted living", "clinics")),
    ("53-3032", (
        "local and regional routes (home daily)",
        "less-than-truckload (LTL) pickup and delivery (home nightly)",
        "dedicated lanes for one customer (set schedules)",
        "private fleets of retailers and manufacturers",
        "tanker and hazmat delivery",
    )),
    ("53-3033", ("parcel delivery", "route sales", "local distribution")),
    ("53-7051", ("distribution centres (reach-truck and order-picker roles)",
                 "manufacturing plants", "ports and rail yards")),
    ("53-7062", ("distribution centres", "air-cargo hubs", "retail stock rooms")),
    ("23-2011", (
        "corporate legal departments (steadier hours, often better pay)",
        "government agencies",
        "large firms' litigation-support and e-discovery teams",
        "insurance companies' claims and legal units",
    )),
    ("23-1011", ("law firms", "corporate legal departments", "government", "legal aid")),
    ("25-2021", ("other districts and charter schools", "private schools", "virtual schools",
                 "tutoring and after-school programmes")),
    ("25-2031", ("other districts and charter schools", "private schools", "virtual schools",
                 "community-college dual-enrolment programmes")),
    ("25-2022", ("other districts and charter schools", "private schools", "virtual schools")),
    ("13-2011", ("public accounting firms", "corporate finance and accounting teams",
                 "government agencies", "non-profits")),
    ("13-2051", ("banks and asset managers", "corporate finance (FP&A) teams", "insurers",
                 "consultancies")),
    ("15-1252", ("product companies", "consultancies", "government and public-sector teams",
                 "remote-first companies")),
    ("15-1232", ("in-house IT help desks", "managed-service providers", "schools and colleges",
                 "hospitals")),
    ("21-1021", ("government child-welfare agencies", "schools", "non-profits",
                 "hospitals")),
    ("21-1022", ("hospitals", "home health and hospice", "outpatient clinics",
                 "health-plan case management")),
    ("21-1023", ("outpatient clinics", "hospitals", "telehealth practices",
                 "employee assistance programmes (EAP)", "schools")),
    ("33-3051", (
        "state, campus and transit police",
        "insurance special-investigations units (SIU)",
        "corporate and private investigations (with a state private investigator license)",
    )),
    ("33-3021", (
        "state and federal agencies",
        "insurance special-investigations units (SIU)",
        "corporate and private investigations (with a state private investigator license)",
    )),
    ("33-3012", ("state and federal prisons", "juvenile facilities", "probation offices")),
    ("35-2014", ("hotels", "hospitals and universities (institutional kitchens, steadier hours)",
                 "catering", "full-service restaurants")),
    ("35-1012", ("quick-service chains", "full-service restaurants", "hospital and university "
                 "dining", "hotels")),
    ("47-2111", ("industrial maintenance at plants", "utilities", "data centres",
                 "solar and EV-charger installers")),
    ("43-4051", ("back-office claims and billing teams", "remote support teams",
                 "health plans and insurers", "utilities")),
    ("43-6014", ("schools and universities", "hospitals and clinics", "law firms",
                 "government offices")),
    ("43-6011", ("corporate executive offices", "universities", "hospitals", "law firms")),
    ("17-2141", ("other industries that use the same engineering: HVAC and energy, "
                 "medical devices, aerospace, EV and battery makers",
                 "engineering consultancies", "component suppliers' application-engineering "
                 "teams")),
    ("27-1024", ("in-house brand and marketing teams", "agencies", "publishers",
                 "freelance and studio work")),
    ("27-3041", ("publishers", "corporate communications teams", "non-profits",
                 "freelance editing")),
    ("27-3023", ("newsrooms", "trade publications", "corporate and non-profit "
                 "communications", "freelance writing")),
    ("13-1071", ("in-house HR at larger employers", "HR consultancies",
                 "professional employer organisations (PEOs)", "staffing firms")),
    ("13-1161", ("in-house marketing teams at larger firms", "agencies", "consultancies")),
    ("11-9111", ("hospitals", "physician groups", "health plans", "long-term care")),
)


def workplaces_for(code: str) -> tuple[str, ...]:
    """The settings of the first :data:`WORKPLACES` entry whose prefix ``code`` starts with."""
    for prefix, places in WORKPLACES:
        if code.startswith(prefix):
            return places
    return ()
