"""Page script: see `ui/drafting.py`."""
from ui import drafting

drafting.render()
