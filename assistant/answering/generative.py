"""Generative answers: a chat model prompted with the numbered passages, whose
`[n]` citations are checked against what it was given."""
from __future__ import annotations

from pathlib import Path

import re
from typing import Iterator

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from assistant.prompts import load_prompt
from assistant.retrieve import Hit

NOT_FOUND_SENTENCE = "Không tìm thấy trong tài liệu"
_CITATION = re.compile(r"\[(\d{1,2})\]")


def format_context(hits: list[Hit], labels: list[str], notes: list[str]) -> str:
    blocks = []
    for n, (hit, label, note) in enumerate(zip(hits, labels, notes), 1):
        where = f"{label} – {hit.chunk.location}" + (f", trang {hit.chunk.page}" if hit.chunk.page else "")
        status = f" ({note})" if note else ""
        blocks.append(f"[{n}] {where}{status}\n{hit.chunk.body}")
    return "\n\n".join(blocks)


def build_messages(question: str, context: str, today: str, prompts_dir: Path) -> list:
    return [
        SystemMessage(load_prompt("answer_system", prompts_dir)),
        HumanMessage(load_prompt("answer_user", prompts_dir).format(context=context, question=question, today=today)),
    ]


def stream_text(model: BaseChatModel, messages: list) -> Iterator[str]:
    for chunk in model.stream(messages):
        text = chunk.content if isinstance(chunk.content, str) else ""
        if text:
            yield text


def cited_numbers(text: str) -> list[int]:
    return list(dict.fromkeys(int(n) for n in _CITATION.findall(text)))


def says_not_found(text: str) -> bool:
    return NOT_FOUND_SENTENCE.lower() in text.lower()


def condense(model: BaseChatModel, question: str, history_text: str, prompts_dir: Path) -> str:
    prompt = load_prompt("condense_question", prompts_dir).format(history=history_text, question=question)
    reply = model.invoke([HumanMessage(prompt)])
    text = reply.content if isinstance(reply.content, str) else ""
    return text.strip().strip('"') or question
