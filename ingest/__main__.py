"""`python -m ingest …` — see `cli.ingest`."""
import sys

from cli.ingest import main

if __name__ == "__main__":
    sys.exit(main())
