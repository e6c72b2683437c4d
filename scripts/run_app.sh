#!/usr/bin/env bash
# Set up if needed, index knowledge/ (lexical index first: answers within a minute;
# the app then adds the vectors in the background), and start the Streamlit app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m ingest --lexical-only
exec .venv/bin/streamlit run serve.py "$@"
