"""Small holes: a user name typed in decomposed Unicode (NFD) is the same user for the lock-out;
`python -m ingest` on a path without files says so; a folder below a dot-folder is walked."""
from __future__ import annotations

import shutil
import unicodedata

import pytest

from assistant.build import build_assistant
from cli.ingest import main as ingest_main
from assistant.ingestion import discover
from tests.conftest import KNOWLEDGE
from tests.test_app_auth import _sign_in
from tests.app_helpers import new_app
from ui.auth import MAX_FAILURES

SEED_001 = KNOWLEDGE / "plans" / "001_f3c46f3a27ae00a1.txt"
NAME = "hoàng-nfd"
PASSWORD = "mat-khau-dung-1"


def test_a_name_in_nfd_is_locked_out_with_the_same_name_in_nfc(monkeypatch, plan_index, listening_on_the_network):
    from assistant.users import UserStore, users_path

    UserStore(users_path(plan_index)).add(unicodedata.normalize("NFD", NAME), PASSWORD)  # sign-up in NFD
    at = new_app(monkeypatch, plan_index)
    for _ in range(MAX_FAILURES):
        _sign_in(at, unicodedata.normalize("NFC", NAME), "sai-mat-khau")
    decomposed = unicodedata.normalize("NFD", NAME)
    assert decomposed != NAME
    _sign_in(at, decomposed, PASSWORD)
    assert "tạm khóa" in at.error[0].value
    assert not at.chat_input and "signed_in_user" not in at.session_state


def test_a_name_signed_up_in_nfd_signs_in_in_nfc(tmp_path):
    from assistant.users import UserStore

    store = UserStore(tmp_path / "users.json")
    store.add(unicodedata.normalize("NFD", "Lương"), PASSWORD)
    assert store.names() == ["lương"]
    assert store.verify(unicodedata.normalize("NFC", "LƯƠNG"), PASSWORD) is not None


def test_ingest_of_an_empty_folder_says_so_and_fails(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TDKT_DATA_DIR", str(tmp_path / "data"))
    empty = tmp_path / "thu-muc-rong"
    empty.mkdir()
    (empty / ".an.txt").write_text("tệp ẩn", encoding="utf-8")
    assert ingest_main(["--lexical-only", str(empty)]) != 0
    error = capsys.readouterr().err
    assert "Không tìm thấy tệp nào để lập chỉ mục" in error and str(empty) in error


def test_a_folder_below_a_dot_folder_is_walked_but_hidden_files_inside_it_are_not(tmp_path, monkeypatch, capsys):
    folder = tmp_path / ".luu-tru" / "ke-hoach"
    (folder / ".git").mkdir(parents=True)
    shutil.copy(SEED_001, folder / "ke-hoach-2021.txt")
    (folder / ".git" / "ghi-chu.txt").write_text("không lập chỉ mục", encoding="utf-8")
    assert discover([folder]) == [folder / "ke-hoach-2021.txt"]

    monkeypatch.setenv("TDKT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TDKT_KNOWLEDGE_DIR", str(KNOWLEDGE))
    assert ingest_main(["--lexical-only", str(folder)]) == 0
    assert "ke-hoach-2021.txt [mã ke-hoach-2021-" in capsys.readouterr().out
    from assistant.config import Settings

    assert build_assistant(Settings()).index.counts()["documents"] == 1
