"""Text a person brings: resumes and job postings read, skills found, resumes tailored.

- :mod:`.resume` and :mod:`.posting` read files (PDF, Word, HTML, JSON...) into plain records;
- :mod:`.normal`, :mod:`.negation` and :mod:`.extract` find known terms in text and what the
  words around them say (negated, hedged, optional);
- :mod:`.vocabulary` turns the knowledge base into extractor terms, one extractor per base;
- :mod:`.stored` is the JSON form kept in the user store, :mod:`.tailor` a resume reordered for a
  posting without a single new claim.

Imports :mod:`unstuck.core` and :mod:`unstuck.knowledge` only: nothing of Django or the front
ends.
"""
