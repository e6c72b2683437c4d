"""Browser check: the README's command starts the app; headless Chromium asks questions and sees answers.

Starts `.venv/bin/streamlit run serve.py` (as scripts/run_app.sh does) on a free port with a small prepared index
(seed plan 001 + the Law, lexical only), drives Debian's Chromium through
Playwright (never `playwright install`), saves a screenshot of each page in
docs/screenshots/, and checks that two browser sessions asking at the same time
each get their own answer. Fails (does not skip) when Chromium is missing.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.app_helpers import DEV_QUESTION, TODAY
from tests.conftest import LAW, SEED_001, build_index
from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SHOTS = ROOT / "docs" / "screenshots"
# (url path, screenshot name, an element that shows the page has finished drawing)
PAGES = [("", "hoi-dap", '[data-testid="stChatInput"]'),
         ("thu_vien", "thu-vien", '[data-testid="stFileUploaderDropzone"]'),
         ("han_chot", "han-chot", '[data-testid="stDownloadButton"]'),
         ("xet_dieu_kien", "xet-dieu-kien", '[data-testid="stExpander"]'),
         ("soan_thao", "soan-thao", '[data-testid="stExpander"]')]  # sign-in: only when required (tools/screenshots.py)
LEGAL_QUESTION = "Tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở là gì?"


def _chromium() -> str:
    path = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if not path:
        pytest.fail("Không tìm thấy Chromium (/usr/bin/chromium). Cài bằng: apt-get install -y chromium chromium-driver "
                    "(hoặc bash scripts/setup.sh --dev). Chromium is required for the browser check.")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Streamlit stopped (code {process.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"Streamlit did not answer within {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from _serve(build_index(tmp_path_factory.mktemp("browser") / "data", [SEED_001, LAW]))


@pytest.fixture(scope="module")
def planted_server(tmp_path_factory):
    """An app whose only plan carries a planted image, link and script."""
    from tests.test_safe_rendering import planted_plan

    folder = tmp_path_factory.mktemp("browser-planted")
    yield from _serve(build_index(folder / "data", [planted_plan(folder / "plans")]))


def _serve(data_dir: Path):
    port = _free_port()
    env = {**os.environ, "TDKT_DATA_DIR": str(data_dir), "TDKT_TODAY": TODAY, "TDKT_LLM_PROVIDER": "none",
           "TDKT_BACKGROUND_EMBEDDING": "0", "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    log = data_dir.parent / "streamlit.log"
    streamlit = ROOT / ".venv" / "bin" / "streamlit"
    command = [str(streamlit) if streamlit.exists() else sys.executable, *([] if streamlit.exists() else ["-m", "streamlit"]),
               "run", "serve.py", "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    path = _chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def _open(browser, url: str, height: int = 950):
    context = browser.new_context(viewport={"width": 1400, "height": height}, locale="vi-VN")
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    return context, page


def _chat_box(page):
    box = page.locator('[data-testid="stChatInputTextArea"], [data-testid="stChatInput"] textarea').first
    box.wait_for(state="visible", timeout=60_000)
    return box


def _ask(page, question: str) -> None:
    box = _chat_box(page)
    box.fill(question)
    box.press("Enter")


def _settled(page, timeout: float = 60_000) -> None:
    """Wait until the script run is over: no running indicator, no stale element."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"], [data-testid=\"stStatusWidgetRunningManIcon\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"], [data-testid=\"stSkeletonElement\"]')",
        timeout=timeout)
    page.wait_for_timeout(700)


def _answer(page, needle: str, timeout: float = 90_000) -> str:
    message = page.locator('[data-testid="stChatMessage"]').filter(has_text=needle).last
    message.wait_for(state="visible", timeout=timeout)
    _settled(page)
    return page.locator('[data-testid="stChatMessage"]').last.inner_text()


def test_question_in_the_chat_box_gets_an_answer_and_a_citation(server, browser):
    context, page = _open(browser, server, height=1500)
    try:
        _ask(page, DEV_QUESTION)
        text = _answer(page, "31/12/2021")
        assert "31/12/2021" in text and "01/KH-HĐTĐKT" in text
        citation = page.locator('[data-testid="stExpander"]').filter(has_text="[1]").first
        citation.wait_for(state="visible", timeout=30_000)
        assert "Quý IV" in citation.inner_text()
        citation.locator("summary").first.click()
        page.get_by_text("Khen thưởng tổng kết các chuyên đề thi đua").first.wait_for(timeout=30_000)
        _settled(page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "hoi-dap-tra-loi.png"), full_page=True)
    finally:
        context.close()


def test_screenshot_of_each_page(server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context, page = _open(browser, server, height=1300)
    try:
        for path, name, ready in PAGES:
            page.goto(f"{server}/{path}", wait_until="domcontentloaded")
            page.locator("h1").first.wait_for(state="visible", timeout=60_000)
            page.locator(ready).last.wait_for(state="visible", timeout=60_000)
            _settled(page)
            assert not page.locator('[data-testid="stException"]').count(), f"traceback on page {name}"
            page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
            assert (SHOTS / f"{name}.png").stat().st_size > 10_000
    finally:
        context.close()


def test_two_sessions_at_the_same_time_get_their_own_answers(server, browser):
    first, page_a = _open(browser, server)
    second, page_b = _open(browser, server)
    try:
        box_a, box_b = _chat_box(page_a), _chat_box(page_b)
        box_a.fill(DEV_QUESTION)
        box_b.fill(LEGAL_QUESTION)
        box_a.press("Enter")
        box_b.press("Enter")
        answer_a = _answer(page_a, "31/12/2021")
        answer_b = _answer(page_b, "Lao động tiên tiến")
        assert "31/12/2021" in answer_a and "Điều 23" not in answer_a
        assert "Lao động tiên tiến" in answer_b and "31/12/2021" not in answer_b
        assert page_b.locator('[data-testid="stChatMessage"]').count() == 2
        assert page_a.locator('[data-testid="stChatMessage"]').count() == 2
    finally:
        first.close()
        second.close()


def _active_content(page) -> list[str]:
    """Images from outside the app, links to the planted address, the planted script."""
    found = page.evaluate("""() => ({
        images: [...document.images].map(i => i.src),
        links: [...document.querySelectorAll('a[href]')].map(a => a.href),
        scripts: [...document.scripts].map(s => s.textContent).filter(t => t.includes('bi-tan-cong')),
        title: document.title,
        origin: location.origin,
    })""")
    problems = [f"img {src}" for src in found["images"] if not src.startswith((found["origin"], "data:", "blob:"))]
    problems += [f"a {href}" for href in found["links"] if "127.0.0.1:9" in href]
    problems += [f"script {text[:80]}" for text in found["scripts"]]
    return problems + (["title changed by a script"] if found["title"] == "bi-tan-cong" else [])


def test_planted_markdown_and_html_in_a_plan_stay_text_in_the_page(planted_server, browser):
    from tests.test_safe_rendering import QUESTION

    context, page = _open(browser, planted_server, height=1500)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        _ask(page, QUESTION)
        text = _answer(page, "Hội trường tầng 3")
        assert "![x](http://127.0.0.1:9/steal)" in text and "<script>" in text  # shown as the document wrote it
        citation = page.locator('[data-testid="stExpander"]').filter(has_text="[1]").first
        citation.locator("summary").first.click()
        page.get_by_text("Xem đoạn trong văn bản").first.click()
        _settled(page)
        assert not _active_content(page)
        body = page.locator("body").inner_text()
        assert body.count("http://127.0.0.1:9/steal") >= 2  # the answer and the quoted passage, as text

        page.goto(f"{planted_server}/thu_vien", wait_until="domcontentloaded")  # titles in the library
        page.locator('[data-testid="stFileUploaderDropzone"]').wait_for(state="visible", timeout=60_000)
        _settled(page)
        page.locator('[data-testid="stMultiSelect"]').last.click()
        page.wait_for_timeout(700)
        assert not _active_content(page)
        assert not [url for url in requested if "127.0.0.1:9/" in url], requested
    finally:
        context.close()


def test_metrics_endpoint_is_closed_and_the_app_still_served(server):
    """Streamlit's /_stcore/metrics answers 404 (ui/guard.py); health and the page are served."""
    import urllib.error
    import urllib.request

    with urllib.request.urlopen(f"{server}/_stcore/health", timeout=10) as response:
        assert response.status == 200
    with pytest.raises(urllib.error.HTTPError) as closed:
        urllib.request.urlopen(f"{server}/_stcore/metrics", timeout=10)
    assert closed.value.code == 404
    with urllib.request.urlopen(server, timeout=10) as response:
        assert response.status == 200
