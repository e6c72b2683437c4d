"""Page script: see `ui/deadlines.py`."""
from ui import deadlines

deadlines.render()
