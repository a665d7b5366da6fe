"""Raw file → ``Document``: decoding, boilerplate and dateline parsing, content checks (quarantine reasons)."""
