"""People and organisations: contacts, their roles over time, interactions, informational
interviews, and contacts in and out of vCard and LinkedIn files (label ``people``)."""
