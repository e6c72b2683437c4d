"""Sign-in: required when the app listens beyond localhost; the local user list and its CLI."""
from __future__ import annotations

import pytest

from tests.app_helpers import new_app


@pytest.fixture
def user(plan_index):
    from assistant.users import UserStore, users_path

    UserStore(users_path(plan_index)).add("lan", "mat-khau-dung-1", "Nguyễn Thị Lan")
    return "lan", "mat-khau-dung-1"


def _sign_in(at, name: str, password: str):
    at.text_input(key="sign_in_name").input(name)
    at.text_input(key="sign_in_password").input(password)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_without_sign_in_only_the_sign_in_page_is_shown(monkeypatch, plan_index, user, listening_on_the_network):
    at = new_app(monkeypatch, plan_index)
    assert [t.value for t in at.title] == ["Đăng nhập"]
    assert not at.chat_input and not at.sidebar.children or not at.chat_input
    for page in ("ui/pages/hoi_dap.py", "ui/pages/thu_vien.py", "ui/pages/xet_dieu_kien.py"):
        with pytest.raises(ValueError):
            at.switch_page(page)
    at.run()
    assert [t.value for t in at.title] == ["Đăng nhập"] and not at.dataframe


def test_wrong_password_is_refused_in_vietnamese(monkeypatch, plan_index, user, listening_on_the_network):
    at = _sign_in(new_app(monkeypatch, plan_index), user[0], "sai-mat-khau")
    assert "Sai tên đăng nhập hoặc mật khẩu" in at.error[0].value
    assert not at.chat_input and "signed_in_user" not in at.session_state


def test_right_password_opens_the_app(monkeypatch, plan_index, user, listening_on_the_network):
    at = _sign_in(new_app(monkeypatch, plan_index), *user)
    assert at.chat_input and [t.value for t in at.title] == ["Hỏi đáp"]
    assert "Nguyễn Thị Lan" in "\n".join(c.value for c in at.sidebar.caption)
    at.switch_page("ui/pages/thu_vien.py").run()
    assert [t.value for t in at.title] == ["Thư viện tài liệu"]


def test_secrets_users_and_required_flag(monkeypatch, plan_index):
    import bcrypt
    from streamlit.testing.v1 import AppTest

    from tests.app_helpers import APP, app_env

    app_env(monkeypatch, plan_index)
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.secrets["access"] = {"require_sign_in": True}
    at.secrets["users"] = {"hoa": bcrypt.hashpw(b"mat-khau-cua-hoa", bcrypt.gensalt(4)).decode()}
    at.run()
    assert [t.value for t in at.title] == ["Đăng nhập"]
    _sign_in(at, "hoa", "mat-khau-cua-hoa")
    assert at.chat_input


def test_on_localhost_sign_in_is_optional(monkeypatch, plan_index):
    at = new_app(monkeypatch, plan_index)
    assert at.chat_input and [t.value for t in at.title] == ["Hỏi đáp"]
    with pytest.raises(ValueError):  # not in the navigation when sign-in is not required
        at.switch_page("ui/pages/dang_nhap.py")


def test_sign_in_page_stays_in_the_menu_when_required(monkeypatch, plan_index, user, listening_on_the_network):
    at = _sign_in(new_app(monkeypatch, plan_index), *user)
    at.switch_page("ui/pages/dang_nhap.py").run()
    assert not at.exception and [t.value for t in at.title] == ["Đăng nhập"]


def test_user_store_hashes_and_verifies(tmp_path):
    from assistant.users import UserError, UserStore

    store = UserStore(tmp_path / "users.json")
    store.add("Lan", "mat-khau-dung-1")
    assert "mat-khau-dung-1" not in (tmp_path / "users.json").read_text(encoding="utf-8")
    assert (tmp_path / "users.json").stat().st_mode & 0o077 == 0
    assert store.verify("lan", "mat-khau-dung-1").name == "lan"
    assert store.verify("lan", "sai") is None and store.verify("khong-co", "x") is None
    with pytest.raises(UserError):
        store.add("lan", "mat-khau-khac-1")
    with pytest.raises(UserError):
        store.add("minh", "ngan")


def test_users_cli_adds_lists_and_removes(monkeypatch, tmp_path, capsys):
    import io

    from assistant.__main__ import main

    monkeypatch.setenv("TDKT_DATA_DIR", str(tmp_path))
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-dung-1\n"))
    assert main(["users", "add", "lan", "--display", "Nguyễn Thị Lan", "--password-stdin"]) == 0
    assert main(["users", "list"]) == 0 and "lan" in capsys.readouterr().out
    assert main(["users", "remove", "lan"]) == 0
    assert main(["users", "remove", "lan"]) == 1


def test_sign_out_leaves_nothing_for_the_next_user(monkeypatch, plan_index, user, listening_on_the_network, tmp_path):
    from assistant.users import UserStore, users_path
    from tests.docgen import make_docx

    UserStore(users_path(plan_index)).add("minh", "mat-khau-cua-minh", "Trần Văn Minh")
    at = _sign_in(new_app(monkeypatch, plan_index), *user)
    at.chat_input[0].set_value("Tiêu chuẩn danh hiệu Lao động tiên tiến là gì?").run()
    at.switch_page("ui/pages/xet_dieu_kien.py").run()
    at.text_input(key="el_name").input("Nguyễn Văn Bình").run()
    next(b for b in at.button if b.key == "el_check").click().run()
    at.switch_page("ui/pages/thu_vien.py").run()
    data = make_docx(tmp_path / "rieng.docx", ["KẾ HOẠCH", "Tổ chức hội thi tại Nhà văn hóa Xóm Mới."]).read_bytes()
    at.file_uploader[0].set_value(("rieng.docx", data, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).run()
    next(b for b in at.button if b.key == "lib_ingest").click().run()
    assert at.session_state["lib_results"] and at.session_state["eligibility_result"]
    next(b for b in at.button if b.key.startswith("sign_out")).click().run()
    assert not at.exception, [e.value for e in at.exception]

    assert [t.value for t in at.title] == ["Đăng nhập"]
    at = _sign_in(at, "minh", "mat-khau-cua-minh")
    assert not [key for key in ("eligibility_result", "lib_results", "el_name") if key in at.session_state]
    assert not at.chat_message
    at.switch_page("ui/pages/xet_dieu_kien.py").run()
    assert at.text_input(key="el_name").value == "" and "eligibility_result" not in at.session_state
    at.switch_page("ui/pages/thu_vien.py").run()
    assert "lib_results" not in at.session_state
