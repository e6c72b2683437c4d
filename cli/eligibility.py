"""`python -m assistant eligibility …` — check one profile, a batch, or get the template."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.build import build_assistant
from assistant.eligibility import EligibilityInputError, agency_ids
from assistant.eligibility.vocab import verdict_label


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "eligibility", help="Kiểm tra điều kiện danh hiệu thi đua, hình thức khen thưởng",
        description="Kiểm tra hồ sơ đề nghị: đủ điều kiện / không đủ điều kiện / chưa đủ thông tin.",
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--profile", metavar="FILE.json", help="hồ sơ JSON (một đối tượng, một danh sách hoặc JSONL)")
    src.add_argument("--batch", metavar="FILE.xlsx|.csv", help="danh sách hồ sơ Excel/CSV, mỗi dòng một năm của một hồ sơ")
    src.add_argument("--template", nargs="?", const="-", metavar="PATH",
                     help="ghi mẫu nhập liệu (.xlsx hoặc .csv); không có PATH thì in mẫu CSV")
    p.add_argument("--out", metavar="results.xlsx", help="tệp Excel kết quả (dùng với --batch)")
    p.add_argument("--quy-che", dest="regulations", action="append", default=[], choices=agency_ids(),
                   help="áp dụng thêm tệp quy chế của cơ quan (có thể lặp lại)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=run)


def _load_profiles(path: str) -> list:
    text = Path(path).read_text(encoding="utf-8-sig")
    try:
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def _run_profiles(service, args) -> int:
    try:
        raws = _load_profiles(args.profile)
    except (OSError, json.JSONDecodeError) as exc:
        print(f"Lỗi: không đọc được tệp hồ sơ {args.profile}: {exc}", file=sys.stderr)
        return 2
    outputs, code = [], 0
    for raw in raws:
        try:
            outputs.append(service.check(raw, args.regulations).to_dict())
        except EligibilityInputError as exc:
            code = 1
            outputs.append({"id": raw.get("id") if isinstance(raw, dict) else None, "error": str(exc)})
    if args.json:
        print(json.dumps(outputs[0] if len(outputs) == 1 else outputs, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(o.get("summary") or f"Hồ sơ {o['id']}: LỖI DỮ LIỆU — {o['error']}" for o in outputs))
    return code


def _run_batch(service, args) -> int:
    try:
        items = service.check_batch(args.batch, args.regulations)
    except (OSError, ValueError, KeyError) as exc:
        print(f"Lỗi: không đọc được tệp {args.batch}: {exc}", file=sys.stderr)
        return 2
    if args.out:
        service.write_results(items, args.out)
    if args.json:
        print(json.dumps([i.result.to_dict() if i.result else {"id": i.id, "rows": i.rows, "error": i.error} for i in items],
                         ensure_ascii=False, indent=2))
    else:
        for i in items:
            print(f"{i.id}: " + (verdict_label(i.result.verdict) if i.result else f"LỖI DỮ LIỆU — {i.error}")
                  + "".join(f" (cảnh báo: {w})" for w in i.warnings))
        if args.out:
            print(f"Đã ghi kết quả {len(items)} hồ sơ vào {args.out}")
    return 1 if any(i.error for i in items) else 0


def run(args) -> int:
    service = build_assistant().eligibility
    if args.template is not None:
        if args.template == "-":
            sys.stdout.write(service.template_csv())
        else:
            service.write_template(args.template)
            print(f"Đã ghi mẫu nhập liệu vào {args.template}")
        return 0
    if args.batch:
        return _run_batch(service, args)
    return _run_profiles(service, args)
