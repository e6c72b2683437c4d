"""`python -m assistant …` — see `cli.assistant` (entry point only; the core never imports it)."""
import sys

from cli.assistant import main

if __name__ == "__main__":
    sys.exit(main())
