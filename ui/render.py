"""Showing text as text: the one place where the app escapes what documents (and users) wrote.

Streamlit renders Markdown (with GitHub extensions: autolinks, tables, strikethrough,
math, coloured text) in `st.markdown`, `st.caption`, alerts and widget labels. A plan
holding `![x](http://host/steal)` would make every browser that shows it fetch that
address. So every piece of document text goes through `escape_markdown` before it is
shown; an answer written by a language model keeps its emphasis and lists but loses
links, images and HTML (`safe_markdown`). Tables (`st.dataframe`) and `st.text` show
their content as plain text and need nothing.
"""
from __future__ import annotations

import re

# Characters that open an inline construct anywhere in a line (links, images, HTML,
# emphasis, code, strikethrough, math, tables, e-mail autolinks, entities).
_INLINE = re.compile(r"([\\`*_\[\]<>!~$&|@{}])")
# Schemes and "www." that GitHub-flavoured Markdown turns into links by itself.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftps?|mailto|file|javascript|data|www)([:.])")
_LEADING_SPACE = re.compile(r"^[ \t]+", re.MULTILINE)  # four spaces would open a code block
_ORDERED = re.compile(r"^(\d{1,9})([.)])", re.MULTILINE)
_BLOCK_START = re.compile(r"^([#+=\-])", re.MULTILINE)  # heading, list, setext underline, rule
_CITATION = re.compile(r"(\S ?)\\\[(\d{1,3})\\\]")  # "[n]" after text, never at a line start


def escape_markdown(text: str) -> str:
    """`text` as Markdown that displays these characters and nothing else: no link, image,
    HTML, heading, list or emphasis comes out of it. Line breaks are kept; leading spaces go.

    "![x](http://h/a)" → "\!\[x\](http\://h/a)"; "1. Mục" at a line start → "1\. Mục".
    """
    if not text:
        return ""
    text = _LEADING_SPACE.sub("", str(text))
    text = _INLINE.sub(r"\\\1", text)
    text = _AUTOLINK.sub(r"\1\\\2", text)
    text = _ORDERED.sub(r"\1\\\2", text)
    return _BLOCK_START.sub(r"\\\1", text)


def escape_answer(text: str) -> str:
    """An extractive answer (document sentences joined by the answerer): escaped, with the
    answer's own citation marks [n] kept as written."""
    return _CITATION.sub(r"\1[\2]", escape_markdown(text))


def safe_markdown(text: str) -> str:
    """Markdown written by a language model: emphasis, lists and headings stay; links and
    images show as their source text, HTML and bare addresses as text."""
    if not text:
        return ""
    text = str(text).replace("\\", "\\\\")
    text = re.sub(r"([\[\]<$@])", r"\\\1", text)
    text = _AUTOLINK.sub(r"\1\\\2", text)
    return _CITATION.sub(r"\1[\2]", text)


def answer_markdown(answer) -> str:
    """The answer as the chat shows it. An extractive answer is all document text, escaped, with its
    lists shown as lists; a tool's own reply (the checker's verdict) keeps its emphasis."""
    if answer.mode == "generative":
        return safe_markdown(answer.text)
    tool = answer.tool.text if answer.tool is not None and answer.tool.text else ""
    if tool and answer.tool.tool == "eligibility" and answer.text.startswith(tool):
        return safe_markdown(tool) + "\n\n" + extractive_markdown(answer.text[len(tool):])
    return extractive_markdown(answer.text)


def extractive_markdown(text: str) -> str:
    """Paragraphs escaped; lines starting "- " become list items; other line breaks are kept."""
    return "\n\n".join(_paragraph(p) for p in text.strip().split("\n\n") if p.strip())


def _paragraph(paragraph: str) -> str:
    lines = paragraph.split("\n")
    items = [line for line in lines if line.startswith("- ")]
    if not items:
        return "  \n".join(escape_answer(line) for line in lines)
    out, in_list = [], False
    for line in lines:
        if line.startswith("- "):
            if not in_list and out:
                out.append("")
            out.append("- " + escape_answer(line[2:]))
            in_list = True
        else:
            if in_list:
                out.append("")
            out.append(escape_answer(line))
            in_list = False
    return "\n".join(out)


def quote_markdown(text: str) -> str:
    """A quoted passage as a Markdown block quote, each line escaped."""
    return "\n".join("> " + escape_markdown(line) for line in (text or "").split("\n"))
