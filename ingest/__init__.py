"""`python -m ingest`: the command-line name of the ingestion pipeline (`assistant.ingestion`).

The command itself lives in `cli.ingest`; this package only keeps the stable name.
"""
