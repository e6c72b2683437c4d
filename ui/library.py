"""Thư viện tài liệu: the indexed documents with their catalogue data; upload, re-index and delete."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import pandas as pd
import streamlit as st

from assistant.config import PROJECT_ROOT
from documents.load import SUPPORTED_NAMES, SUPPORTED_SUFFIXES, refusal_reason
from documents.text import format_vn_date
from ui.render import escape_markdown
from ui.state import assistant_or_error, reference_date, start_embedding

ALLOWED_TYPES = tuple(suffix.lstrip(".") for suffix in SUPPORTED_SUFFIXES)
STATUS_STYLE = {"indexed": st.success, "unchanged": st.info, "needs_ocr": st.warning, "rejected": st.error,
                "removed": st.info, "not_found": st.warning}


def safe_name(name: str) -> str:
    """A file name safe to save: NFC, no folders, letters/digits/._- only (Vietnamese letters kept)."""
    name = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name).strip()
    stem, dot, suffix = name.rpartition(".")
    stem = re.sub(r"[^\w.-]+", "_", stem if dot else name).strip("._") or "tai_lieu"
    return f"{stem[:120]}.{suffix.lower()}" if dot else stem[:120]


def save_and_ingest(assistant, uploads: list[tuple[str, bytes]], progress=None, replace: bool = False) -> list:
    """Save each upload under `<data dir>/uploads/` and ingest it; a refused file leaves nothing behind.

    A different file with the name of an earlier upload is a new document (saved in a
    sub-folder named by its content hash), or with `replace` the new version of it."""
    from assistant.ingestion import FileResult

    folder = assistant.settings.data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    ingestor = assistant.ingestor()
    results = []
    for number, (original, data) in enumerate(uploads, 1):
        name = safe_name(original)
        reason = refusal_reason(name, len(data), assistant.settings.max_file_mb)
        if reason:
            results.append(FileResult(original, Path(name).stem, "rejected", reason))
        else:
            results.append(_ingest_one(ingestor, upload_path(folder, name, data), data, replace))
        if progress:
            progress(number, len(uploads), original)
    if any(r.status == "indexed" for r in results):
        start_embedding(assistant)
    return results


def upload_path(folder: Path, name: str, data: bytes) -> Path:
    """`uploads/NAME`, unless another file already has that name: then `uploads/<hash>/NAME`."""
    path = folder / name
    if not path.exists() or path.read_bytes() == data:
        return path
    return folder / hashlib.sha256(data).hexdigest()[:12] / name


def _ingest_one(ingestor, path: Path, data: bytes, replace: bool = False):
    path.parent.mkdir(parents=True, exist_ok=True)
    previous = path.read_bytes() if path.exists() else None
    path.write_bytes(data)
    try:
        result = ingestor.ingest_file(path, replace=replace)
    except Exception as exc:  # an unexpected parser error: refuse this file, keep the others
        from assistant.ingestion import FileResult

        result = FileResult(path.name, path.stem, "rejected", f"lỗi khi đọc tệp: {exc}")
    if result.status in ("rejected", "needs_ocr"):
        if previous is None:
            path.unlink(missing_ok=True)
            if path.parent != ingestor.settings.data_dir / "uploads" and not any(path.parent.iterdir()):
                path.parent.rmdir()
        else:
            path.write_bytes(previous)
    return result


def _source_path(document) -> Path:
    path = Path(document.path)
    return path if path.is_absolute() else PROJECT_ROOT / path


def documents_frame(assistant) -> pd.DataFrame:
    today = reference_date(assistant)
    rows = []
    for document in assistant.index.documents():
        entry = assistant.catalogue.get(document.doc_id)
        meta = document.meta or {}
        rows.append({
            "Số, ký hiệu": entry.shown_number if entry else "",
            "Loại": (entry.type_name if entry else "") or "Khác",
            "Trích yếu": entry.title if entry else "",
            "Cơ quan ban hành": entry.issuer if entry else "",
            "Cơ quan cấp trên": (entry.superior if entry else "") or meta.get("superior", ""),
            "Ngày ban hành": format_vn_date(entry.date_issued) if entry else "",
            "Năm": (entry.year if entry else None) or 0,
            "Hiệu lực": entry.status(today) if entry else "chưa rõ hiệu lực",
            "Số đoạn": document.n_chunks,
            "Đã có vector": f"{document.n_embedded}/{document.n_chunks}",
            "Tệp": Path(document.path).name,
            "Mã": document.doc_id,
        })
    return pd.DataFrame(rows)


TABLE_COLUMNS = {  # widths in pixels; rows taller than 4rem let long texts wrap instead of being cut
    "Số, ký hiệu": st.column_config.TextColumn(width=120),
    "Loại": st.column_config.TextColumn(width=85),
    "Trích yếu": st.column_config.TextColumn(width=300),
    "Cơ quan ban hành": st.column_config.TextColumn(width=180),
    "Ngày ban hành": st.column_config.TextColumn(width=100),
    "Hiệu lực": st.column_config.TextColumn(width=220),
    "Cơ quan cấp trên": st.column_config.TextColumn(width=150),
}
TABLE_ORDER = ["Số, ký hiệu", "Loại", "Trích yếu", "Cơ quan ban hành", "Ngày ban hành", "Hiệu lực", "Cơ quan cấp trên",
               "Số đoạn", "Đã có vector", "Tệp", "Mã"]



def _table(assistant) -> pd.DataFrame:
    frame = documents_frame(assistant)
    if frame.empty:
        st.info("Thư viện chưa có tài liệu nào. Hãy tải lên kế hoạch hoặc văn bản ở phần dưới.")
        return frame
    left, right = st.columns(2)
    types = left.multiselect("Lọc theo loại văn bản", sorted(frame["Loại"].unique()), key="lib_types",
                             placeholder="Tất cả các loại")
    years = right.multiselect("Lọc theo năm", sorted({y for y in frame["Năm"] if y}, reverse=True), key="lib_years",
                              placeholder="Tất cả các năm")
    mask = pd.Series(True, index=frame.index)
    if types:
        mask &= frame["Loại"].isin(types)
    if years:
        mask &= frame["Năm"].isin(years)
    shown = frame[mask]
    st.caption(f"{len(shown)} / {len(frame)} văn bản")
    st.dataframe(shown.drop(columns=["Năm"]), hide_index=True, height="auto" if len(shown) <= 8 else 520,
                 row_height=80, placeholder="", column_config=TABLE_COLUMNS,
                 column_order=TABLE_ORDER)
    return frame


def _upload(assistant) -> None:
    st.subheader("Tải tài liệu lên")
    limit = assistant.settings.max_file_mb
    round_ = st.session_state.setdefault("lib_upload_round", 0)
    files = st.file_uploader(f"Chọn tệp {SUPPORTED_NAMES} (tối đa {limit:g} MB mỗi tệp)", type=list(ALLOWED_TYPES),
                             accept_multiple_files=True, key=f"lib_upload_{round_}")
    replace = st.checkbox("Thay thế tài liệu cùng tên", key="lib_replace",
                          help="Tệp mới thay cho tài liệu đã tải lên trước đó có cùng tên tệp; dòng danh mục của bản cũ "
                               "được giữ làm lịch sử. Văn bản pháp luật có sẵn không bị thay thế.")
    if files and st.button("Nạp vào thư viện", type="primary", key="lib_ingest"):
        uploads = [(f.name, f.getvalue()) for f in files]
        with st.status("Đang nạp tài liệu…", expanded=True) as status:
            bar = st.progress(0.0)
            results = save_and_ingest(assistant, uploads,
                                      lambda done, total, name: bar.progress(done / total, text=f"{done}/{total}: {name}"),
                                      replace=replace)
            status.update(label="Đã nạp xong.", state="complete")
        st.session_state["lib_results"] = results
        st.session_state["lib_upload_round"] = round_ + 1
        st.rerun()
    _results()


def _results() -> None:
    for result in st.session_state.get("lib_results", []):
        show = STATUS_STYLE.get(result.status, st.info)
        name = Path(result.path).name
        if result.status == "rejected":
            show(escape_markdown(f"Tệp {name} bị từ chối: {result.message or 'không đọc được tệp'}."))
        elif result.status == "needs_ocr":
            show(escape_markdown(f"Tệp {name} cần nhận dạng chữ (OCR) trước khi nạp: {result.message}."))
        else:
            show(escape_markdown(result.as_line()))


def _history(assistant) -> None:
    """Rows of documents replaced by a newer version."""
    rows = [{"Mã": e.doc_id, "Tệp": Path(e.file).name, "Số, ký hiệu": e.number, "Trích yếu": e.title,
             "Thay bằng": e.superseded_by, "Ghi chú": e.note} for e in assistant.catalogue.history()]
    if rows:
        with st.expander(f"Lịch sử thay thế ({len(rows)} bản cũ)"):
            st.dataframe(pd.DataFrame(rows), hide_index=True)


def _manage(assistant, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    st.subheader("Nạp lại hoặc xóa")
    labels = {row["Mã"]: f"{row['Số, ký hiệu'] or row['Tệp']} — {row['Trích yếu'][:80]}" for _, row in frame.iterrows()}
    chosen = st.multiselect("Chọn văn bản", list(labels), format_func=labels.get, key="lib_chosen",
                            placeholder="Chọn một hoặc nhiều văn bản")
    left, right = st.columns(2)
    if left.button("Nạp lại chỉ mục", disabled=not chosen, key="lib_reindex"):
        _reindex(assistant, chosen)
    confirm = right.checkbox("Tôi muốn xóa các văn bản đã chọn khỏi thư viện", key="lib_confirm")
    if right.button("Xóa khỏi thư viện", disabled=not (chosen and confirm), type="primary", key="lib_delete"):
        _delete(assistant, chosen)


def _reindex(assistant, doc_ids: list[str]) -> None:
    """Index again from the source file, keeping the catalogue row (and its corrections)."""
    ingestor, results = assistant.ingestor(), []
    for doc_id in doc_ids:
        document, entry = assistant.index.document(doc_id), assistant.catalogue.get(doc_id)
        source = _source_path(document) if document else None
        if not source or not source.exists():
            st.error(escape_markdown(f"Không tìm thấy tệp nguồn của {doc_id}; không nạp lại được."))
            continue
        ingestor.remove(doc_id)
        if entry:
            assistant.catalogue.upsert(entry)
        results.append(ingestor.ingest_file(source, doc_id))
    start_embedding(assistant)
    st.session_state["lib_results"] = results
    st.session_state.pop("lib_chosen", None)
    st.rerun()


def _delete(assistant, doc_ids: list[str]) -> None:
    uploads = (assistant.settings.data_dir / "uploads").resolve()
    results = []
    for doc_id in doc_ids:
        document = assistant.index.document(doc_id)
        results.append(assistant.ingestor().remove(doc_id))
        source = _source_path(document).resolve() if document else None
        if source and uploads in source.parents:
            source.unlink(missing_ok=True)  # an uploaded copy goes with its document; shipped files stay
    st.session_state["lib_results"] = results
    st.session_state.pop("lib_chosen", None)
    st.session_state.pop("lib_confirm", None)
    st.rerun()


def render() -> None:
    assistant = assistant_or_error()
    if assistant is None:
        return
    st.title("Thư viện tài liệu")
    st.caption("Các kế hoạch và văn bản pháp luật trong kho, với số ký hiệu, cơ quan ban hành, ngày ban hành và hiệu lực.")
    frame = _table(assistant)
    _history(assistant)
    _upload(assistant)
    _manage(assistant, frame)
