"""Evaluations: one module per metric family, each reading JSONL and printing a table or `--json`."""
