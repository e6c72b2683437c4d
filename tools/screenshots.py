"""Screenshots of every page into docs/screenshots/ (run from the project root):

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--today 2025-12-01]

Builds a lexical-only index of the shipped corpus (knowledge/) in a temporary
folder, starts the app on a free loopback port, drives Debian's Chromium
through Playwright (never `playwright install`) and saves one PNG per page,
plus the pages after their main action (a drafted plan's preview, a checked
list). The sign-in page is shot from a second run where sign-in is required.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SETTLED = ("() => !document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"], "
           "[data-testid=\"stStatusWidgetRunningManIcon\"]') && !document.querySelector('[data-stale=\"true\"]')"
           " && !document.querySelector('[data-testid=\"stSkeleton\"], [data-testid=\"stSkeletonElement\"]')")


def build_index(data_dir: Path) -> None:
    from assistant.build import build_assistant
    from assistant.config import Settings

    settings = Settings(data_dir=data_dir, knowledge_dir=ROOT / "knowledge", llm_provider="none")
    results = build_assistant(settings).ingestor().ingest([ROOT / "knowledge"])
    print(f"chỉ mục: {sum(r.status == 'indexed' for r in results)} tài liệu", flush=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def app_server(data_dir: Path, today: str, secrets: Path | None = None):
    port = _free_port()
    env = {**os.environ, "TDKT_DATA_DIR": str(data_dir), "TDKT_TODAY": today, "TDKT_LLM_PROVIDER": "none",
           "TDKT_BACKGROUND_EMBEDDING": "0", "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true"]
    if secrets:
        command += ["--secrets.files", str(secrets)]
    log = data_dir.parent / f"streamlit-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            if process.poll() is not None:
                raise RuntimeError(log.read_text(errors="replace")[-3000:])
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def _settle(page) -> None:
    page.wait_for_function(SETTLED, timeout=90_000)
    page.wait_for_timeout(900)


def _shot(page, out: Path, name: str, height: int = 1100) -> None:
    """Streamlit scrolls inside its own container, so a tall page needs a tall window."""
    page.set_viewport_size({"width": 1440, "height": height})
    _settle(page)
    if page.locator('[data-testid="stException"]').count():
        raise RuntimeError(f"traceback on {name}")
    page.screenshot(path=str(out / f"{name}.png"), full_page=True)
    print(f"  {out / f'{name}.png'}", flush=True)


def _goto(page, url: str, ready: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.locator("h1").first.wait_for(state="visible", timeout=90_000)
    page.locator(ready).last.wait_for(state="visible", timeout=90_000)


def shoot_pages(browser, url: str, out: Path) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1100}, locale="vi-VN")
    page = context.new_page()
    try:
        _goto(page, url, '[data-testid="stChatInput"]')
        _shot(page, out, "hoi-dap")
        _goto(page, f"{url}/thu_vien", '[data-testid="stFileUploaderDropzone"]')
        _shot(page, out, "thu-vien", 1700)
        _goto(page, f"{url}/han_chot", '[data-testid="stDownloadButton"]')
        page.locator('[data-testid="stVegaLiteChart"], .vega-embed').first.wait_for(state="visible", timeout=60_000)
        _shot(page, out, "han-chot", 1500)
        _goto(page, f"{url}/xet_dieu_kien", '[data-testid="stExpander"]')
        _shot(page, out, "xet-dieu-kien")
        page.get_by_role("tab", name="Danh sách (Excel/CSV)").click()
        _settle(page)
        sample = _sample_list(Path(tempfile.mkdtemp(prefix="tdkt-list-")))
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').last.set_input_files(str(sample))
        _settle(page)
        page.get_by_role("button", name="Xét cả danh sách").click()
        page.get_by_role("button", name="Tải kết quả (Excel)").wait_for(state="visible", timeout=90_000)
        _shot(page, out, "xet-dieu-kien-danh-sach")
        _goto(page, f"{url}/soan_thao", '[data-testid="stExpander"]')
        page.get_by_label("Cơ quan ban hành").fill("Sở Nội vụ")
        page.get_by_label("Cơ quan chủ quản").fill("UBND tỉnh Thái Bình")
        page.get_by_label("Địa danh").fill("Thái Bình")
        page.keyboard.press("Tab")
        _settle(page)
        page.get_by_text("Thông tin thêm: chủ đề, đơn vị, khen thưởng, nơi nhận, người ký").click()
        _settle(page)
        _choose(page, "Quyền hạn ký", "KT. — cấp phó ký thay cấp trưởng")
        page.get_by_label("Chức vụ người ký").fill("PHÓ GIÁM ĐỐC")
        page.get_by_label("Họ tên người ký").fill("Nguyễn Văn An")
        page.keyboard.press("Tab")
        _settle(page)
        page.get_by_role("button", name="Soạn dự thảo").click()
        _settle(page)
        _shot(page, out, "soan-thao", 4200)
    finally:
        context.close()


def _choose(page, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox (its list opens on a click; retried while the page redraws)."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    for _ in range(5):
        try:
            box.scroll_into_view_if_needed(timeout=5_000)
            box.locator("input").first.click(timeout=5_000)
            page.get_by_role("option", name=option).first.click(timeout=5_000)
            _settle(page)
            return
        except Exception:
            page.keyboard.press("Escape")
            page.wait_for_timeout(1000)
    page.screenshot(path="/tmp/tdkt-choose-failed.png", full_page=True)
    raise RuntimeError(f"không chọn được “{option}” ở “{label}”")


def _sample_list(folder: Path) -> Path:
    """The template's examples plus a row with an abbreviation and one with an unknown title."""
    from openpyxl import load_workbook

    from assistant.eligibility import write_template
    from assistant.eligibility.batch import COLUMNS

    path = folder / "danh-sach-mau.xlsx"
    write_template(path)
    book = load_workbook(path)
    sheet = book["Hồ sơ"]
    row = [None] * len(COLUMNS)
    values = {"id": "vd-03", "award": "LĐTT", "as_of": "20/01/2026", "year": 2025, "kind": "Cá nhân",
              "record_year": 2025, "rating": "HTTNV", "titles": "Chiến sĩ thi đua cơ sỡ", "discipline": "Không"}
    for key, value in values.items():
        row[COLUMNS.index(key)] = value
    sheet.append(row)
    book.save(path)
    return path


CHAT_SHOTS = {  # the chat answering three kinds of question: a list, a verdict, a draft
    "hoi-dap-danh-sach": "Tiêu chuẩn danh hiệu Tập thể lao động xuất sắc là gì?",
    "hoi-dap-xet-dieu-kien": "Tôi là viên chức, năm 2024 và năm 2025 đều đạt LĐTT, năm 2025 hoàn thành xuất sắc nhiệm vụ, "
                             "có sáng kiến được Hội đồng sáng kiến cơ sở công nhận. Tôi có đủ điều kiện xét CSTĐCS năm 2025 không?",
    "hoi-dap-soan-thao": "Soạn giúp mục Mục đích, yêu cầu của kế hoạch thi đua năm 2026 của Sở Tư pháp",
}


def shoot_chat(browser, url: str, out: Path) -> None:
    for name, question in CHAT_SHOTS.items():
        context = browser.new_context(viewport={"width": 1440, "height": 1100}, locale="vi-VN")
        page = context.new_page()
        try:
            _goto(page, url, '[data-testid="stChatInput"]')
            page.locator('[data-testid="stChatInput"] textarea').fill(question)
            page.keyboard.press("Enter")
            page.locator('[data-testid="stChatMessage"]').nth(1).wait_for(state="visible", timeout=90_000)
            _shot(page, out, name, 2200)
        finally:
            context.close()


def shoot_sign_in(browser, url: str, out: Path) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="vi-VN")
    page = context.new_page()
    try:
        _goto(page, url, '[data-testid="stFormSubmitButton"]')
        _shot(page, out, "dang-nhap")
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--today", default="2025-12-01", help="ngày tham chiếu của ứng dụng (TDKT_TODAY)")
    parser.add_argument("--chat-only", action="store_true", help="chỉ chụp trang Hỏi đáp với ba câu hỏi mẫu")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="tdkt-shots-") as folder:
        data_dir = Path(folder) / "data"
        build_index(data_dir)
        secrets = Path(folder) / "secrets.toml"
        secrets.write_text("[access]\nrequire_sign_in = true\n", encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                with app_server(data_dir, args.today) as url:
                    shoot_chat(browser, url, out)
                    if not args.chat_only:
                        shoot_pages(browser, url, out)
                if not args.chat_only:
                    with app_server(data_dir, args.today, secrets) as url:
                        shoot_sign_in(browser, url, out)
            finally:
                browser.close()


if __name__ == "__main__":
    main()
