"""Optional generative model: a LangChain chat model chosen by settings, or None.

Providers: `ollama` (ChatOllama), `openai` (ChatOpenAI with a base URL, so any
OpenAI-compatible server works: vLLM, llama.cpp server, LM Studio, a cloud API)
and `llamacpp` (a local GGUF file in-process; needs the optional
`llama-cpp-python` and `langchain-community` packages). Nothing is contacted
until the model is first used.
"""
from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from assistant.config import Settings


class ModelNotAvailable(RuntimeError):
    """The configured model cannot be built; the message is Vietnamese."""


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    provider = settings.llm_provider
    if provider == "none":
        return None
    if not settings.llm_model:
        raise ModelNotAvailable("Chưa đặt tên mô hình (TDKT_LLM_MODEL) cho nhà cung cấp " + provider + ".")
    if provider == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(model=settings.llm_model, base_url=settings.llm_base_url or "http://127.0.0.1:11434",
                          temperature=settings.llm_temperature)
    if provider == "openai":
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(model=settings.llm_model, base_url=settings.llm_base_url or None,
                          api_key=settings.llm_api_key or "khong-can-khoa", temperature=settings.llm_temperature,
                          max_retries=1, timeout=120)
    if provider == "llamacpp":
        try:
            from langchain_community.chat_models import ChatLlamaCpp
        except ImportError as exc:
            raise ModelNotAvailable("Chế độ llamacpp cần cài thêm gói llama-cpp-python và langchain-community.") from exc
        return ChatLlamaCpp(model_path=settings.llm_model, temperature=settings.llm_temperature, n_ctx=8192, verbose=False)
    raise ModelNotAvailable(f"Nhà cung cấp mô hình không hợp lệ: {provider}")


def model_label(settings: Settings) -> str:
    """What the sidebar and the CLI say about the answering mode."""
    if settings.llm_provider == "none":
        return "Trích xuất (không dùng mô hình ngôn ngữ)"
    where = f" tại {settings.llm_base_url}" if settings.llm_base_url else ""
    return f"Sinh câu trả lời: {settings.llm_provider} / {settings.llm_model}{where}"
