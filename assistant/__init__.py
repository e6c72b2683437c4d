"""Trợ lý Thi đua – Khen thưởng: the core library.

Usable from Python alone; `app.py` and `python -m assistant` only translate
user input and output. Components are assembled in `assistant.build`.
"""
