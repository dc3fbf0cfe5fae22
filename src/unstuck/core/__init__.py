"""The domain: pure functions and dataclasses, the standard library and numpy only.

Nothing here reads or writes a file, a database or the network, prints, prompts or reads the
clock: dates come in as arguments, data as plain values (``tests/test_layers.py`` holds it so).
The knowledge base hands it :mod:`.occupations` records and the arrays of
:mod:`.paths.data`; the application layer hands it the person.

- :mod:`.occupations`: occupation records (ratings, wages, outlook...), missing data as ``None``;
- :mod:`.titles`: typo-tolerant job-title search;
- :mod:`.profile`: the person's profile and constraints;
- :mod:`.assess`: the questionnaires, their scoring, the strategy mix, history;
- :mod:`.paths`: career paths scored, explained and grouped by kind of move, with readiness;
- :mod:`.plan`: gaps, learning plan, SMART goals, the 90-day plan, the exit plan, iCalendar;
- :mod:`.match` and :mod:`.market`: a resume against a posting, skills across postings.
"""
