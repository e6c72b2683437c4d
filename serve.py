"""`streamlit run serve.py`: the app (`app.py`) in Streamlit's ASGI mode, with the paths in
`ui/guard.py` closed (the metrics endpoint). `scripts/run_app.sh` runs this."""
import streamlit as st
from starlette.middleware import Middleware

from ui.guard import ClosedPaths

app = st.App("app.py", middleware=[Middleware(ClosedPaths)])
