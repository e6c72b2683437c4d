"""Page script: see `ui/auth.py`."""
from ui import auth

auth.render()
