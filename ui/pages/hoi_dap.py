"""Page script: see `ui/chat.py`."""
from ui import chat

chat.render()
