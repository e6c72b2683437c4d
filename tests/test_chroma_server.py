"""Server mode: a real Chroma server (`chroma run` from the chromadb package) on loopback, shared by two instances."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.build import build_assistant
from assistant.config import Settings
from assistant.ingestion import doc_id_for
from tests.conftest import KNOWLEDGE
from tests.docgen import PLAN_LINES

CHROMA = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = _free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    process = subprocess.Popen([str(CHROMA), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        raise RuntimeError("Chroma server did not start")
    yield port
    process.terminate()
    process.wait(timeout=20)


def _instance(tmp_path: Path, name: str, port: int) -> Settings:
    return Settings(data_dir=tmp_path / name, knowledge_dir=KNOWLEDGE, chroma_host="127.0.0.1", chroma_port=port,
                    server_sync_seconds=0.0, llm_provider="none")


def test_two_instances_share_one_chroma_server(tmp_path, chroma_server):
    first = build_assistant(_instance(tmp_path, "a", chroma_server))
    plan = tmp_path / "kh-may-chu.txt"
    plan.write_text("\n".join(PLAN_LINES), encoding="utf-8")
    first.ingestor().ingest([plan])
    first.index.embed_pending()
    hits = first.searcher.search("Phòng Nội vụ tổng hợp hồ sơ đề nghị khen thưởng", 3)
    assert hits and hits[0].chunk.doc_id == doc_id_for(plan)
    assert any(h.dense_rank for h in hits), "the vectors come from the server"

    second = build_assistant(_instance(tmp_path, "b", chroma_server))
    mirrored = second.searcher.search("Phòng Nội vụ tổng hợp hồ sơ đề nghị khen thưởng", 3, mode="bm25")
    assert mirrored and mirrored[0].chunk.doc_id == doc_id_for(plan)

    law = KNOWLEDGE / "legal" / "nd-152-2025-ND-CP.txt"
    first.ingestor().ingest([law])
    first.index.embed_pending()
    refreshed = second.searcher.search("thời gian nghỉ thai sản được tính để xét tặng danh hiệu thi đua", 3, mode="bm25")
    assert refreshed and refreshed[0].chunk.doc_id == "nd-152-2025-ND-CP"

    first.ingestor().remove(plan)
    gone = second.searcher.search("Phòng Nội vụ tổng hợp hồ sơ đề nghị khen thưởng huyện Thử Nghiệm", 5, mode="bm25")
    assert all(h.chunk.doc_id != doc_id_for(plan) for h in gone)
