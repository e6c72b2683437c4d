"""`python -m assistant users add|list|remove …`: the app's local user list.

    python -m assistant users add lan --display "Nguyễn Thị Lan"   # asks the password twice
    echo "mật-khẩu-dài" | python -m assistant users add lan --password-stdin
    python -m assistant users list
    python -m assistant users remove lan
"""
from __future__ import annotations

import argparse
import getpass
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("users", help="quản lý người dùng đăng nhập ứng dụng",
                                   description="Danh sách người dùng cục bộ (mật khẩu lưu dạng băm bcrypt).")
    actions = parser.add_subparsers(dest="action", required=True, metavar="VIỆC")
    add = actions.add_parser("add", help="thêm người dùng hoặc đặt lại mật khẩu")
    add.add_argument("name", metavar="TÊN", help="tên đăng nhập")
    add.add_argument("--display", default="", metavar="HỌ_TÊN", help="họ tên hiển thị")
    add.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin (một dòng)")
    add.add_argument("--replace", action="store_true", help="đặt lại mật khẩu của người dùng đã có")
    actions.add_parser("list", help="liệt kê người dùng")
    remove = actions.add_parser("remove", help="xóa người dùng")
    remove.add_argument("name", metavar="TÊN")
    parser.set_defaults(func=run)


def _store():
    from assistant.config import Settings
    from assistant.users import UserStore, users_path

    return UserStore(users_path(Settings().data_dir))


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise ValueError("Hai lần nhập mật khẩu không khớp.")
    return first


def run(args: argparse.Namespace) -> int:
    from assistant.users import UserError

    store = _store()
    try:
        if args.action == "add":
            user = store.add(args.name, _read_password(args.password_stdin), args.display, replace=args.replace)
            print(f"Đã lưu người dùng “{user.name}” vào {store.path}")
        elif args.action == "list":
            names = store.names()
            print("\n".join(names) if names else "Chưa có người dùng nào.")
        elif not store.remove(args.name):
            print(f"Không có người dùng “{args.name}”.", file=sys.stderr)
            return 1
        else:
            print(f"Đã xóa người dùng “{args.name}”.")
    except (UserError, ValueError) as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    return 0
