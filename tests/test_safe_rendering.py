"""Document text is shown as text: Markdown and HTML planted in a plan never become an image,
a link or a script in the app (AppTest on the rendered Markdown strings; the browser test
checks the page's DOM)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from assistant.drafting import PlanForm, draft, to_markdown
from tests.app_helpers import new_app
from tests.conftest import build_index
from ui.render import escape_markdown, safe_markdown

STEAL = "http://127.0.0.1:9/steal"
PLANTED_IMAGE = f"![x]({STEAL})"
PLANTED_SCRIPT = "<script>document.title='bi-tan-cong'</script>"
PLANTED_LINK = "[xem chi tiết](http://127.0.0.1:9/link)"
PLANTED_LINES = [
    "ỦY BAN NHÂN DÂN",
    "HUYỆN THỬ NGHIỆM",
    "Số: 21/KH-UBND",
    "Thử Nghiệm, ngày 10 tháng 3 năm 2025",
    "KẾ HOẠCH",
    f"Tổ chức Hội thi an toàn thông tin năm 2025 {PLANTED_IMAGE}",
    "I. MỤC ĐÍCH, YÊU CẦU",
    f"1. Hội thi an toàn thông tin năm 2025 được tổ chức tại Hội trường tầng 3 {PLANTED_IMAGE} {PLANTED_SCRIPT} "
    f"{PLANTED_LINK} <img src=\"http://127.0.0.1:9/img.png\"> www.127.0.0.1.nip.io **đậm** tới hạn.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Phòng Nội vụ chủ trì tổ chức Hội thi an toàn thông tin, hoàn thành trước ngày 15/8/2025.",
]
QUESTION = "Hội thi an toàn thông tin năm 2025 được tổ chức ở đâu?"
# CommonMark with raw HTML on and GitHub tables/strikethrough: a stricter reader than Streamlit's.
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
ACTIVE = re.compile(r"<(img|a|script|iframe|h[1-6]|ol|ul|strong|em)\b", re.I)
BARE_ADDRESS = re.compile(r"(?<!\\)(https?|www)(?!\\)[:.]")  # GitHub turns these into links by itself


def planted_plan(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ke-hoach-hoi-thi-attt.txt"
    path.write_text("\n".join(PLANTED_LINES), encoding="utf-8")
    return path


def _html(markdown: str) -> str:
    return MARKDOWN.render(markdown)


def _assert_shown_as_text(markdown: str) -> None:
    html = _html(markdown)
    assert not ACTIVE.search(html), (markdown, html)
    assert not BARE_ADDRESS.search(markdown), markdown


@pytest.mark.parametrize("text", [PLANTED_IMAGE, PLANTED_SCRIPT, PLANTED_LINK, "\n".join(PLANTED_LINES),
                                  "    thụt lề\n# tiêu đề\n- gạch đầu dòng\n1) mục\n===", "a@b.vn $x$ ~~gạch~~ | ô |"])
def test_escaped_text_displays_its_characters_and_nothing_else(text):
    escaped = escape_markdown(text)
    _assert_shown_as_text(escaped)
    shown = re.sub(r"<[^>]+>", "", _html(escaped)).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    shown = shown.replace("&amp;", "&")
    for line in text.split("\n"):
        assert line.strip() in shown, (line, shown)


def test_a_model_answer_keeps_its_emphasis_but_loses_links_and_images():
    answer = f"**Hạn chót:** 15/8/2025 [1].\n\n- Địa điểm: Hội trường {PLANTED_IMAGE} {PLANTED_LINK} {PLANTED_SCRIPT}"
    html = _html(safe_markdown(answer))
    assert "<strong>Hạn chót:</strong>" in html and "<li>" in html and "[1]" in html
    assert not re.search(r"<(img|a|script)\b", html), html


def test_planted_markdown_in_a_plan_is_shown_as_text_in_the_chat(monkeypatch, tmp_path):
    data = build_index(tmp_path / "data", [planted_plan(tmp_path / "plans")])
    at = new_app(monkeypatch, data)
    at.chat_input[0].set_value(QUESTION).run()
    assert not at.exception, [e.value for e in at.exception]
    at.toggle(key=[t.key for t in at.toggle if t.key.startswith("ctx_")][0]).set_value(True).run()
    strings = [e.value for kind in ("markdown", "caption", "success", "info", "warning", "error")
               for e in getattr(at, kind)] + [e.label for e in at.expander]
    answer = "\n".join(m.value for m in at.chat_message[-1].markdown)
    assert "Hội trường tầng 3" in answer
    planted = [s for s in strings if "steal" in s]
    assert len(planted) >= 3, strings  # the answer, the quote, the passage in context (and the title)
    for markdown in [s for s in strings if "Hội thi" in s or "Hội trường" in s or "steal" in s]:
        html = _html(markdown)  # the app's own bold labels may stay; nothing of the document is active
        assert not re.search(r"<(img|a|script|iframe)\b", html) and "<strong>đậm" not in html, (markdown, html)
        assert not BARE_ADDRESS.search(markdown), markdown
    # shown, not dropped: the reader sees what the document says
    visible = re.sub(r"<[^>]+>", "", _html(answer))
    assert "![x](http://127.0.0.1:9/steal)" in visible and "&lt;script&gt;" in visible


def test_draft_preview_escapes_what_the_user_typed(monkeypatch, tmp_path, settings):
    form = PlanForm.from_dict({"kind": "annual", "agency": f"Sở Tư pháp {PLANTED_IMAGE} {PLANTED_SCRIPT}", "year": 2026})
    plan = draft(form, settings=settings, use_model=False)
    preview = to_markdown(plan, escape=escape_markdown)
    html = _html(preview)
    assert "<strong>" in html  # the draft's own layout stays
    assert not re.search(r"<(img|a|script)\b", html), html
    assert "steal" in html
    assert to_markdown(plan).count(PLANTED_IMAGE) >= 1  # the plain export is unchanged
