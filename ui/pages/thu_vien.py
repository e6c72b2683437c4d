"""Page script: see `ui/library.py`."""
from ui import library

library.render()
