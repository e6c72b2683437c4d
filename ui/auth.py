"""Sign-in: required when the app listens beyond this machine, optional on localhost.

Streamlit's `st.login` is used when `.streamlit/secrets.toml` has an `[auth]`
table (an OpenID Connect provider); otherwise the local user list
(`assistant.users`: `<data dir>/users.json`, or secrets `[users]`).
"""
from __future__ import annotations

import ipaddress
import threading
import time

import streamlit as st

from assistant.users import UserError, UserStore, normalize_name, users_path
from ui.render import escape_markdown

SESSION_KEY = "signed_in_user"
JUST_SIGNED_IN = "_just_signed_in"
MAX_FAILURES = 5
LOCK_SECONDS = 300
WRONG_PASSWORD = "Sai tên đăng nhập hoặc mật khẩu. Vui lòng thử lại."


def _secret(name: str):
    try:
        return st.secrets.get(name)
    except Exception:  # no secrets file, or a malformed one
        return None


def listens_beyond_localhost() -> bool:
    address = (st.get_option("server.address") or "").strip().strip("[]")
    if address in ("localhost",):
        return False
    try:
        return not ipaddress.ip_address(address).is_loopback
    except ValueError:
        return True  # empty = every interface; a host name is reachable from elsewhere


def required() -> bool:
    access = _secret("access") or {}
    return listens_beyond_localhost() or bool(access.get("require_sign_in", False))


def oidc_provider() -> tuple[bool, str | None]:
    """(configured, provider name for st.login) from secrets `[auth]`."""
    auth = _secret("auth")
    if not auth:
        return False, None
    if "client_id" in auth:
        return True, None
    named = [key for key, value in auth.items() if hasattr(value, "get") and "client_id" in value]
    return bool(named), (named[0] if named else None)


def _user_store() -> UserStore:
    from ui.state import current_settings

    extra = _secret("users")
    return UserStore(users_path(current_settings().data_dir), dict(extra) if extra else None)


def current_user() -> str | None:
    """The signed-in user's display name, or None."""
    if oidc_provider()[0]:
        try:
            if st.user.get("is_logged_in"):
                return st.user.get("name") or st.user.get("email") or "người dùng"
        except Exception:
            return None
    user = st.session_state.get(SESSION_KEY)
    return user.get("label") if user else None


def sign_out() -> None:
    from ui.state import clear_session

    clear_session()
    if oidc_provider()[0]:
        st.logout()


@st.cache_resource
def _failures() -> tuple[dict, threading.Lock]:
    """Failed attempts per user name, shared by every session of this process."""
    return {}, threading.Lock()


def _locked(name: str) -> bool:
    table, lock = _failures()
    with lock:
        recent = [t for t in table.get(name, []) if time.time() - t < LOCK_SECONDS]
        table[name] = recent
        return len(recent) >= MAX_FAILURES


def _record_failure(name: str) -> None:
    table, lock = _failures()
    with lock:
        table.setdefault(name, []).append(time.time())


def render() -> None:
    """The sign-in page."""
    st.title("Đăng nhập")
    if required():
        st.info("Ứng dụng đang mở cho mạng nội bộ: hồ sơ khen thưởng là dữ liệu cá nhân, vui lòng đăng nhập để tiếp tục.")
    else:
        st.caption("Trên máy này, đăng nhập là không bắt buộc.")
    if current_user():
        st.success(escape_markdown(f"Đã đăng nhập: {current_user()}"))
        if st.button("Đăng xuất", key="sign_out_main"):
            sign_out()
            st.rerun()
        return
    configured, provider = oidc_provider()
    if configured:
        _render_oidc(provider)
    else:
        _render_local()


def _render_oidc(provider: str | None) -> None:
    st.write("Đăng nhập bằng tài khoản của cơ quan (OpenID Connect).")
    if st.button("Đăng nhập bằng tài khoản cơ quan", type="primary"):
        try:
            st.login(provider)
        except Exception as exc:
            st.error(f"Không đăng nhập được qua nhà cung cấp định danh: {exc}. "
                     "Kiểm tra mục [auth] trong .streamlit/secrets.toml và gói Authlib.")


def _render_local() -> None:
    try:
        store = _user_store()
        has_users = store.has_users()
    except UserError as error:
        st.error(str(error))
        return
    if not has_users:
        st.warning("Chưa có người dùng nào. Quản trị viên hãy tạo tài khoản bằng lệnh: "
                   "`.venv/bin/python -m assistant users add TÊN_ĐĂNG_NHẬP`")
    with st.form("sign_in"):
        name = st.text_input("Tên đăng nhập", key="sign_in_name")
        password = st.text_input("Mật khẩu", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Đăng nhập", type="primary")
    if submitted:
        _check(store, normalize_name(name), password)


def _check(store: UserStore, name: str, password: str) -> None:
    if not name or not password:
        st.error("Vui lòng nhập tên đăng nhập và mật khẩu.")
        return
    if _locked(name):
        st.error("Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ít phút.")
        return
    user = store.verify(name, password)
    if user is None:
        _record_failure(name)
        st.error(WRONG_PASSWORD)
        return
    st.session_state[SESSION_KEY] = {"name": user.name, "label": user.label}
    st.session_state[JUST_SIGNED_IN] = True
    st.rerun()
