"""Page script: see `ui/eligibility.py`."""
from ui import eligibility

eligibility.render()
