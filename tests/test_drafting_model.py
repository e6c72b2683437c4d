"""Drafting with a model configured, against a scripted loopback server (a stub, not a real model)."""
from __future__ import annotations

import socket
from pathlib import Path

from assistant.config import Settings
from assistant.build import build_assistant
from assistant.drafting import PlanForm, to_markdown
from assistant.drafting.exemplars import find_exemplars
from openai_stub_server import StubChatServer

ROOT = Path(__file__).resolve().parent.parent
FORM = {"kind": "annual", "agency": "Sở Tư pháp", "superior": "UBND tỉnh Lạng Sơn", "place": "Lạng Sơn",
        "date": "2026-01-15", "year": 2026, "standing_unit": "Văn phòng Sở"}
REPLY = ("I. MỤC ĐÍCH, YÊU CẦU\n**1. Nội dung do mô hình viết**\n"
         "- Sở Tư pháp phát động thi đua với chủ đề “……”, hoàn thành trước ngày 12/3/2026 theo Kế hoạch số 99/KH-XYZ.\n"
         "- Báo cáo kết quả trước ngày 15/01/2026.")


def _model_settings(settings: Settings, base_url: str) -> Settings:
    return settings.model_copy(update={"llm_provider": "openai", "llm_model": "stub", "llm_base_url": base_url})


def _prompt(request: dict) -> str:
    return "\n".join(str(m.get("content")) for m in request["messages"])


def test_model_path_against_stub_server_sends_inputs_and_exemplars(settings):
    with StubChatServer(lambda body: REPLY) as server:
        plan = build_assistant(_model_settings(settings, server.base_url)).drafter.draft(PlanForm.from_dict(FORM))
    assert plan.mode == "model"
    assert len(server.requests) == 3  # the annual plan's prose sections; the table is never the model's
    first = _prompt(server.requests[0])
    assert "Mục đích, yêu cầu".upper() in first and "- Cơ quan ban hành: Sở Tư pháp" in first
    assert "- Cơ quan chủ quản cấp trên: UBND tỉnh Lạng Sơn" in first
    assert "- Số, ký hiệu: chưa có" in first and "- Chủ đề, khẩu hiệu thi đua: chưa có" in first
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15" in first
    exemplars = find_exemplars("muc_dich_yeu_cau", "annual", "", None, ROOT / "knowledge/plans")
    assert exemplars and all(e.text[:200] in first for e in exemplars)
    assert "không chép tên cơ quan" in first  # the system prompt

    markdown = to_markdown(plan)
    assert "Nội dung do mô hình viết" in markdown
    assert "12/3/2026" not in markdown and "99/KH-XYZ" not in markdown  # not in the inputs: replaced by "……"
    assert "15/01/2026" in markdown  # the plan's own date is an input
    assert any("12/3/2026" in note for note in plan.notes)
    assert "Số: ……/KH-……" in markdown and "chủ đề “……”" in markdown  # placeholders survive
    assert "| Quý I |" in markdown  # the milestones table stays generated
    assert "I. MỤC ĐÍCH, YÊU CẦU**\n\n**I. MỤC ĐÍCH" not in markdown  # the heading repeated by the model is dropped


def test_model_path_uses_the_searcher_when_the_corpus_is_indexed(settings):
    with StubChatServer(lambda body: "- Đoạn do mô hình viết.") as server:
        app = build_assistant(_model_settings(settings, server.base_url))
        app.ingestor().ingest(sorted((ROOT / "knowledge/plans").glob("00*.txt")))
        plan = app.drafter.draft(PlanForm.from_dict({**FORM, "kind": "campaign", "campaign": "chào mừng Đại hội"}),
                                 section="muc_dich_yeu_cau")
    assert len(server.requests) == 1
    prompt = _prompt(server.requests[0])
    assert "Kế hoạch" in prompt and "MỤC ĐÍCH" in prompt.split("Văn bản mẫu cùng loại")[1]
    assert to_markdown(plan).startswith("**I. MỤC ĐÍCH, YÊU CẦU**\n\n- Đoạn do mô hình viết.")


def test_unreachable_model_falls_back_to_the_template(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    plan = build_assistant(_model_settings(settings, f"http://127.0.0.1:{port}/v1")).drafter.draft(PlanForm.from_dict(FORM))
    assert plan.mode == "template" and any("Không gọi được mô hình" in n for n in plan.notes)
    assert "I. MỤC ĐÍCH, YÊU CẦU" in to_markdown(plan)
