"""Trợ lý Thi đua – Khen thưởng: the core library.

Usable from Python alone; `app.py` and the command-line tools only translate
user input and output::

    from assistant import build_assistant

    assistant = build_assistant()                 # settings from the environment (TDKT_DATA_DIR, …)
    answer = assistant.answerer().answer("Tiêu chuẩn Chiến sĩ thi đua cơ sở là gì?")
    print(answer.text)

Components are assembled in `assistant.build`, the only composition root.
"""
from __future__ import annotations


def __getattr__(name: str):
    """`build_assistant` and `Assistant`, imported on first use so that `import assistant.x`
    stays cheap and the core's modules never depend on the composition root."""
    if name in ("build_assistant", "Assistant"):
        from assistant import build

        return getattr(build, name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
