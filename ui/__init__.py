"""Streamlit pages of the assistant: each module renders one page and calls the core."""
