"""Plain, typed pipeline functions: ingest → nlp → entities → commitments → store."""

PIPELINE_VERSION = "0.1.0"
