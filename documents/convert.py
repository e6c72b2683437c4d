"""Old word-processor formats (.doc, .odt, .rtf) → .docx with LibreOffice headless.

The converted file lives in a temporary folder that the caller owns; the
original is never touched. Each conversion uses its own LibreOffice profile,
so two ingests converting at the same time do not trip over LibreOffice's
profile lock.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CONVERTIBLE = (".doc", ".odt", ".rtf")
TIMEOUT_SECONDS = 180
INSTALL_HINT = "hãy cài LibreOffice (gói libreoffice-writer-nogui) hoặc mở tệp bằng Word và lưu lại thành .docx"


class ConversionError(Exception):
    """Vietnamese reason why a file could not be converted."""


def soffice_binary() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if Path(candidate).exists():
            return candidate
    return None


def libreoffice_status() -> tuple[bool, str]:
    if soffice_binary():
        return True, ""
    return False, f"máy chưa cài LibreOffice nên không đọc được định dạng này; {INSTALL_HINT}"


def convert_to_docx(path: Path, workdir: Path, source_format: str | None = None) -> Path:
    """Convert `path` into `workdir`/….docx and return the new file; raises ConversionError."""
    binary = soffice_binary()
    if not binary:
        raise ConversionError(libreoffice_status()[1])
    suffix = source_format or Path(path).suffix.lower()
    workdir = Path(workdir)
    source = workdir / f"input{suffix}"  # a plain ASCII name: LibreOffice and odd file names do not mix
    shutil.copyfile(path, source)
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=workdir))
    command = [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(workdir), str(source)]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as exc:
        raise ConversionError(f"LibreOffice chuyển đổi quá {TIMEOUT_SECONDS} giây, đã dừng") from exc
    except OSError as exc:
        raise ConversionError(f"không chạy được LibreOffice ({exc.strerror or exc})") from exc
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    target = workdir / "input.docx"
    if not target.is_file() or target.stat().st_size == 0:
        detail = (completed.stderr or completed.stdout or "").strip().splitlines()
        tail = f": {detail[-1][:200]}" if detail else ""
        raise ConversionError(f"LibreOffice không chuyển được tệp sang DOCX (tệp hỏng hoặc không phải văn bản Word){tail}")
    return target
