"""From gaps to a plan: gap analysis, learning plan, SMART goals, 90-day plan, exit plan, iCal.

One module per concern, all pure (no I/O, no clocks: dates come in as arguments):

- :mod:`.gaps` — what stands between the person and a target occupation, prioritised;
- :mod:`.learning` — activities per gap with effort and proof, ordered and fitted into hours;
- :mod:`.smart` — a per-letter SMART checker and goals generated from the learning plan;
- :mod:`.action` — the 90-day, week-by-week plan driven by the rut check's causes and strategies;
- :mod:`.exit` — runway, readiness to resign and a timeline;
- :mod:`.ics` — the action plan as an RFC 5545 calendar.
"""
