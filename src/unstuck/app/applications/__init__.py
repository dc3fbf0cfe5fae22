"""Job applications: their stages and history, the posting text and the documents sent
(models, migrations and :mod:`.services`)."""
