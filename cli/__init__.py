"""Command-line faces of the assistant (`python -m ingest|assistant`), above the core.

Each module translates arguments into calls on the object built by
`assistant.build.build_assistant` and its results into Vietnamese output.
"""
