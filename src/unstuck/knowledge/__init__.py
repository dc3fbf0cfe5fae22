"""The public datasets: building the knowledge base file, and reading it back into memory.

Building (``unstuck data install``): :mod:`.sources` opens or downloads the O*NET release,
:mod:`.onet` lists its tables, :mod:`.esco`, :mod:`.bls_wages`, :mod:`.bls_areas`,
:mod:`.bls_projections` (the ``bls-wages``, ``bls-areas`` and ``bls-projections`` sources; BLS
OEWS files read by :mod:`.oews`) and :mod:`.crosswalk` the optional sources (chosen by
:mod:`.extras`, one name per source), :mod:`.tables` and :mod:`.inputs` read the files strictly,
and :mod:`.build` writes one SQLite file aside and swaps it in atomically.

Reading: :mod:`.store` is the only module that opens the built file. Each source's loader
(``onet.load``, ``esco.load``, ``wages.load`` for the BLS figures, ``crosswalk.load``) turns its
tables into values, and the store assembles them into the read-only
:class:`~unstuck.knowledge.store.KnowledgeBase`, which also keeps what is derived from it
(:meth:`~unstuck.knowledge.store.KnowledgeBase.derived`: the title index, :mod:`.matrices`'
career-path arrays, the text extractors). Imports :mod:`unstuck.core` only.
"""
