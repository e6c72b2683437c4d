"""Local user list for the app's sign-in: names with bcrypt-hashed passwords.

Stored as JSON (`<data dir>/users.json`, readable by its owner only):
``{"users": {"lan": {"hash": "$2b$12$…", "display": "Nguyễn Thị Lan"}}}``.
An office may instead list users in `.streamlit/secrets.toml` under `[users]`
(``lan = "$2b$12$…"``); the app passes that table as `extra`.
No plain password is ever stored.
"""
from __future__ import annotations

import json
import os
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import bcrypt

FILE_NAME = "users.json"
MIN_PASSWORD = 8
MAX_PASSWORD_BYTES = 72  # bcrypt reads no further
_NAME = re.compile(r"^[\w.@-]{2,64}$")
_DUMMY_HASH = bcrypt.hashpw(b"not-a-password", bcrypt.gensalt(rounds=4))
_lock = threading.Lock()


class UserError(ValueError):
    """A bad user name or password; the message is Vietnamese."""


@dataclass
class User:
    name: str
    display: str = ""

    @property
    def label(self) -> str:
        return self.display or self.name


def users_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def normalize_name(name: str) -> str:
    """The one form of a user name (NFC, trimmed, lower case): "Lan" typed in NFD or NFC is one user."""
    return unicodedata.normalize("NFC", name or "").strip().lower()


def _password_bytes(password: str) -> bytes:
    return unicodedata.normalize("NFC", password or "").encode("utf-8")


def hash_password(password: str) -> str:
    raw = _password_bytes(password)
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    if len(raw) > MAX_PASSWORD_BYTES:
        raise UserError(f"Mật khẩu dài quá {MAX_PASSWORD_BYTES} byte.")
    return bcrypt.hashpw(raw, bcrypt.gensalt()).decode("ascii")


def check_password(password: str, hashed: str) -> bool:
    try:
        return bcrypt.checkpw(_password_bytes(password), hashed.encode("ascii"))
    except (ValueError, TypeError):
        return False


class UserStore:
    """The JSON user file; every call re-reads it, so a user added from the CLI can sign in at once."""

    def __init__(self, path: Path, extra: dict | None = None):
        self.path = Path(path)
        self.extra = {normalize_name(k): v for k, v in (extra or {}).items()}

    def _load(self) -> dict[str, dict]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise UserError(f"Không đọc được danh sách người dùng {self.path}: {exc}") from exc
        return data.get("users", {}) if isinstance(data, dict) else {}

    def _save(self, users: dict[str, dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"users": users}, handle, ensure_ascii=False, indent=2)
        tmp.replace(self.path)

    def _hash_of(self, name: str) -> str | None:
        entry = self._load().get(name)
        if entry:
            return entry.get("hash")
        extra = self.extra.get(name)
        if isinstance(extra, dict):
            return extra.get("hash") or extra.get("password_hash")
        return extra if isinstance(extra, str) else None

    def names(self) -> list[str]:
        return sorted(set(self._load()) | set(self.extra))

    def has_users(self) -> bool:
        return bool(self.names())

    def get(self, name: str) -> User | None:
        name = normalize_name(name)
        entry = self._load().get(name)
        if entry is not None:
            return User(name, entry.get("display", ""))
        extra = self.extra.get(name)
        if extra is None:
            return None
        return User(name, extra.get("display", "") if isinstance(extra, dict) else "")

    def add(self, name: str, password: str, display: str = "", replace: bool = False) -> User:
        name = normalize_name(name)
        if not _NAME.match(name):
            raise UserError("Tên đăng nhập chỉ gồm chữ, số và các dấu . _ - @ (2–64 ký tự).")
        hashed = hash_password(password)
        with _lock:
            users = self._load()
            if name in users and not replace:
                raise UserError(f"Người dùng “{name}” đã có; dùng --replace để đặt lại mật khẩu.")
            users[name] = {"hash": hashed, "display": unicodedata.normalize("NFC", display).strip()}
            self._save(users)
        return User(name, users[name]["display"])

    def remove(self, name: str) -> bool:
        name = normalize_name(name)
        with _lock:
            users = self._load()
            if users.pop(name, None) is None:
                return False
            self._save(users)
        return True

    def verify(self, name: str, password: str) -> User | None:
        """The user when the password is right, else None (same work either way)."""
        name = normalize_name(name)
        hashed = self._hash_of(name) if name else None
        if not hashed:
            check_password(password or "", _DUMMY_HASH.decode("ascii"))
            return None
        return self.get(name) if check_password(password or "", hashed) else None


def verify(name: str, password: str, data_dir: Path, extra: dict | None = None) -> User | None:
    """Check a name and password against the data dir's user file and `extra` (secrets `[users]`)."""
    return UserStore(users_path(data_dir), extra).verify(name, password)
