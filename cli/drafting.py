"""`python -m assistant draft …` (soạn kế hoạch) and `python -m assistant check-plan FILE` (kiểm tra kế hoạch)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.build import build_assistant
from assistant.drafting.form import FIELD_LABELS, KINDS, SECTION_KEYS, DraftingInputError, PlanForm

OUTPUT_SUFFIXES = (".docx", ".md", ".txt")
_FLAG_FIELDS = {  # CLI attribute → form field
    "kind": "kind", "agency": "agency", "superior": "superior", "place": "place", "date": "date", "year": "year",
    "number": "number", "campaign": "campaign", "date_from": "date_from", "date_to": "date_to", "theme": "theme",
    "events": "events", "units": "units", "awards": "awards", "standing_unit": "standing_unit",
    "block_name": "block_name", "signer_authority": "signer_authority", "signer_for": "signer_for", "signer_title": "signer_title",
    "signer_name": "signer_name", "seed_from": "seed_from", "title": "title",
}


def register(subparsers) -> None:
    p = subparsers.add_parser("draft", help="Soạn kế hoạch thi đua, khen thưởng (xuất .docx hoặc .md)",
                              description="Soạn dự thảo kế hoạch; thông tin không nhập được để trống “……”.")
    p.add_argument("--kind", help="annual (kế hoạch năm) | campaign (đợt thi đua) | block (khối, cụm thi đua)")
    p.add_argument("--agency", help="cơ quan ban hành, ví dụ “Sở Tư pháp”")
    p.add_argument("--superior", help="cơ quan chủ quản, ví dụ “UBND tỉnh Lạng Sơn”")
    p.add_argument("--place", help="địa danh ghi ở dòng ngày tháng")
    p.add_argument("--date", help="ngày ban hành, 2026-01-15 hoặc 15/01/2026")
    p.add_argument("--year", help="năm của kế hoạch")
    p.add_argument("--number", help="số, ký hiệu, ví dụ “05/KH-STP”")
    p.add_argument("--title", help="trích yếu (mặc định theo loại kế hoạch)")
    p.add_argument("--campaign", help="tên đợt thi đua")
    p.add_argument("--from", dest="date_from", help="ngày bắt đầu đợt thi đua")
    p.add_argument("--to", dest="date_to", help="ngày kết thúc đợt thi đua")
    p.add_argument("--theme", help="chủ đề, khẩu hiệu thi đua")
    p.add_argument("--event", dest="events", action="append", help="sự kiện, ngày lễ chính (lặp lại được)")
    p.add_argument("--unit", dest="units", action="append", help="“Tên đơn vị: nhiệm vụ” (lặp lại được)")
    p.add_argument("--award", dest="awards", action="append", help="hình thức khen thưởng (lặp lại được)")
    p.add_argument("--standing-unit", dest="standing_unit", help="cơ quan thường trực, tham mưu")
    p.add_argument("--block-name", dest="block_name", help="tên khối, cụm thi đua")
    p.add_argument("--signer-authority", dest="signer_authority",
                   help="quyền hạn ký: TM. (thay mặt), KT. (ký thay), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền); "
                        "hoặc cả dòng, ví dụ “KT. GIÁM ĐỐC”")
    p.add_argument("--signer-for", dest="signer_for",
                   help="người hoặc tập thể được ký thay, ví dụ “GIÁM ĐỐC”, “ỦY BAN NHÂN DÂN” (mặc định: suy ra từ chức vụ, cơ quan)")
    p.add_argument("--signer-title", dest="signer_title", help="chức vụ người ký, ví dụ “PHÓ GIÁM ĐỐC”")
    p.add_argument("--signer-name", dest="signer_name", help="họ tên người ký")
    p.add_argument("--seed-from", dest="seed_from", metavar="FILE", help="kế thừa tiến độ từ kế hoạch năm trước")
    p.add_argument("--section", help="chỉ soạn một mục: " + " | ".join(SECTION_KEYS))
    p.add_argument("--form", metavar="form.json", help="biểu mẫu JSON (các tham số dòng lệnh ghi đè)")
    p.add_argument("--out", metavar="plan.docx|plan.md", help="tệp kết quả; không có thì in Markdown")
    p.add_argument("--no-model", action="store_true", help="không dùng mô hình ngôn ngữ dù đã cấu hình")
    p.add_argument("--check", metavar="FILE", help="chỉ kiểm tra một kế hoạch có sẵn (như lệnh check-plan)")
    p.set_defaults(func=run_draft)

    c = subparsers.add_parser("check-plan", help="Kiểm tra một kế hoạch có sẵn (.docx, .pdf, .txt, .md)",
                              description="Cảnh báo: thiếu phần bắt buộc, căn cứ hết hiệu lực, thời hạn ngoài kỳ kế hoạch, "
                                          "nhiệm vụ chưa có đơn vị chủ trì.")
    c.add_argument("file", help="tệp kế hoạch")
    c.add_argument("--kind", help="annual | campaign | block (mặc định: tự nhận biết)")
    c.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    c.set_defaults(func=run_check)


# ---------------------------------------------------------------- draft

def build_form(args) -> PlanForm:
    raw: dict = {}
    if args.form:
        try:
            raw = json.loads(Path(args.form).read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise DraftingInputError(f"Không đọc được biểu mẫu --form “{args.form}”: {exc.strerror or exc}.") from exc
        except json.JSONDecodeError as exc:
            raise DraftingInputError(f"Biểu mẫu --form “{args.form}” không phải JSON hợp lệ (dòng {exc.lineno}).") from exc
        if not isinstance(raw, dict):
            raise DraftingInputError("Biểu mẫu --form phải là một đối tượng JSON.")
    for attr, name in _FLAG_FIELDS.items():
        value = getattr(args, attr, None)
        if value not in (None, [], ""):
            raw[name] = value
    raw.setdefault("kind", "annual")
    return PlanForm.from_dict(raw)


def run_draft(args) -> int:
    if args.check:
        args.file, args.json = args.check, False
        return run_check(args)
    try:
        _check_choices(args)
        form = build_form(args)
        out = Path(args.out) if args.out else None
        if out and out.suffix.lower() not in OUTPUT_SUFFIXES:
            raise DraftingInputError(f"Tệp kết quả --out “{args.out}” phải có đuôi .docx, .md hoặc .txt.")
        return _draft_and_write(form, args, out)
    except DraftingInputError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2


def _check_choices(args) -> None:
    if args.kind and args.kind not in KINDS:
        raise DraftingInputError(f"Giá trị “{args.kind}” của {FIELD_LABELS['kind']} không hợp lệ; chọn annual, campaign hoặc block.")
    if args.section and args.section not in SECTION_KEYS:
        raise DraftingInputError(f"Giá trị “{args.section}” của {FIELD_LABELS['section']} không hợp lệ; chọn một trong: {', '.join(SECTION_KEYS)}.")


def _draft_and_write(form: PlanForm, args, out: Path | None) -> int:
    from assistant.drafting import to_markdown, write_docx
    from assistant.llm import ModelNotAvailable

    drafter = build_assistant().drafter
    try:
        plan = drafter.draft(form, section=args.section, use_model=not args.no_model)
    except ModelNotAvailable as exc:
        raise DraftingInputError(str(exc)) from exc
    warnings = drafter.check(plan)
    if out is None:
        sys.stdout.write(to_markdown(plan))
    elif out.suffix.lower() == ".docx":
        write_docx(plan, out)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(to_markdown(plan), encoding="utf-8")
    stream = sys.stderr if out is None else sys.stdout
    if out is not None:
        mode = "mô hình ngôn ngữ" if plan.mode == "model" else "mẫu chuẩn (không dùng mô hình)"
        print(f"Đã ghi bản dự thảo vào {out} — soạn theo {mode}.", file=stream)
    _print_warnings([w.as_line() for w in warnings], stream)
    notes = [n for n in plan.notes if n not in {w.message for w in warnings}]
    if notes:
        print("Ghi chú:\n" + "\n".join(f"- {n}" for n in notes), file=stream)
    return 0


def _print_warnings(lines: list[str], stream) -> None:
    if lines:
        print(f"Cảnh báo ({len(lines)}):\n" + "\n".join(lines), file=stream)
    else:
        print("Không có cảnh báo.", file=stream)


# ---------------------------------------------------------------- check

def run_check(args) -> int:
    try:
        if args.kind and args.kind not in KINDS:
            raise DraftingInputError(f"Giá trị “{args.kind}” của {FIELD_LABELS['kind']} không hợp lệ; chọn annual, campaign hoặc block.")
        warnings = build_assistant().drafter.check_file(Path(args.file), kind=args.kind)
    except DraftingInputError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "json", False):
        print(json.dumps([w.to_dict() for w in warnings], ensure_ascii=False, indent=2))
    else:
        print(f"Kiểm tra {args.file}:")
        _print_warnings([w.as_line() for w in warnings], sys.stdout)
    return 1 if warnings else 0
