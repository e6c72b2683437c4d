"""`python -m assistant deadlines [--from … --to … --unit … --doc … --status … --today …]
[--format table|csv|xlsx|ics] [--out FILE]`.

Bad input (a malformed date, an unknown format) gets a Vietnamese message naming
the flag and exit code 2, never a traceback.
"""
from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

FORMATS = ("table", "csv", "xlsx", "ics")
STATUS_WORDS = {"upcoming": "upcoming", "sap-den-han": "upcoming", "overdue": "overdue", "qua-han": "overdue"}


class InputError(Exception):
    """A user mistake on the command line; the message is Vietnamese and names the flag."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("deadlines", help="sổ theo dõi hạn nhiệm vụ của các kế hoạch",
                                   description="Liệt kê, lọc và xuất các nhiệm vụ có thời hạn trong các kế hoạch đã nạp.")
    parser.add_argument("--from", dest="date_from", metavar="NGÀY", help="hạn từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd)")
    parser.add_argument("--to", dest="date_to", metavar="NGÀY", help="hạn đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd)")
    parser.add_argument("--unit", metavar="ĐƠN_VỊ", help='đơn vị chủ trì/thực hiện/phối hợp, ví dụ "Phòng Nội vụ"')
    parser.add_argument("--doc", metavar="VĂN_BẢN", help="mã tài liệu hoặc số/ký hiệu văn bản, ví dụ 01/KH-HĐTĐKT")
    parser.add_argument("--status", metavar="TRẠNG_THÁI", help="upcoming (sắp đến hạn) hoặc overdue (quá hạn)")
    parser.add_argument("--today", metavar="NGÀY", help="ngày làm mốc cho --status (mặc định: hôm nay hoặc TDKT_TODAY)")
    parser.add_argument("--format", default="table", metavar="ĐỊNH_DẠNG", help="table | csv | xlsx | ics (mặc định: table)")
    parser.add_argument("--out", metavar="TỆP", help="ghi kết quả ra tệp (bắt buộc với xlsx)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        options = _validate(args)
    except InputError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    from assistant.build import build_assistant

    assistant = build_assistant()
    register_ = assistant.deadlines
    if not register_.documents():
        print("Sổ hạn nhiệm vụ chưa có dữ liệu. Hãy nạp văn bản trước: python -m ingest --lexical-only", file=sys.stderr)
        return 1
    today = options["today"] or assistant.settings.current_date()
    records = register_.query(date_from=options["from"], date_to=options["to"], unit=args.unit, doc=args.doc,
                              status=options["status"], today=today)
    return _emit(records, options["format"], args.out)


def _validate(args: argparse.Namespace) -> dict:
    fmt = (args.format or "table").lower()
    if fmt not in FORMATS:
        raise InputError(f"--format “{args.format}” không hợp lệ; chọn một trong: {', '.join(FORMATS)}")
    if fmt == "xlsx" and not args.out:
        raise InputError("--format xlsx cần --out TỆP (tệp Excel không in ra màn hình được)")
    status = None
    if args.status:
        status = STATUS_WORDS.get(args.status.lower())
        if status is None:
            raise InputError(f"--status “{args.status}” không hợp lệ; chọn upcoming (sắp đến hạn) hoặc overdue (quá hạn)")
    options = {"format": fmt, "status": status, "from": _date(args.date_from, "--from"),
               "to": _date(args.date_to, "--to"), "today": _date(args.today, "--today")}
    if options["from"] and options["to"] and options["from"] > options["to"]:
        raise InputError("--from phải trước hoặc bằng --to")
    if args.out and not Path(args.out).resolve().parent.is_dir():
        raise InputError(f"--out: thư mục “{Path(args.out).parent}” không tồn tại")
    return options


def _date(value: str | None, flag: str) -> date | None:
    if not value:
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        pass
    raise InputError(f"{flag} “{value}” không phải ngày hợp lệ; hãy viết dd/mm/yyyy (ví dụ 30/4/2021) hoặc yyyy-mm-dd")


def _emit(records, fmt: str, out: str | None) -> int:
    from assistant.deadlines import export

    if fmt == "table":
        text = export.to_table(records)
        _write_text(text + "\n", out)
    elif fmt == "csv":
        if out:
            export.write_csv(records, Path(out))
        else:
            sys.stdout.write(export.to_csv(records))
    elif fmt == "ics":
        if out:
            export.write_ics(records, Path(out))
        else:
            sys.stdout.write(export.to_ics(records).decode("utf-8"))
    else:
        export.write_xlsx(records, Path(out))
    if out:
        print(f"Đã ghi {len(records)} nhiệm vụ vào {out}", file=sys.stderr)
    return 0


def _write_text(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
