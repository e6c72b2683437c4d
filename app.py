"""Trợ lý Thi đua – Khen thưởng: the Streamlit app (`streamlit run app.py`).

Thin: navigation, sign-in gate and sidebar; every page lives in `ui/` and calls the core.
"""
import streamlit as st

from ui import auth, sidebar
from ui.state import AppUnavailable, get_assistant

PAGES = [
    ("ui/pages/hoi_dap.py", "Hỏi đáp", ":material/forum:"),
    ("ui/pages/thu_vien.py", "Thư viện tài liệu", ":material/library_books:"),
    ("ui/pages/han_chot.py", "Hạn chót & trách nhiệm", ":material/event:"),
    ("ui/pages/xet_dieu_kien.py", "Xét điều kiện khen thưởng", ":material/workspace_premium:"),
    ("ui/pages/soan_thao.py", "Soạn thảo kế hoạch", ":material/edit_document:"),
]
SIGN_IN = ("ui/pages/dang_nhap.py", "Đăng nhập", ":material/login:")


def _page(path: str, title: str, icon: str, default: bool = False) -> st.Page:
    return st.Page(path, title=title, icon=icon, default=default)


def main() -> None:
    st.set_page_config(page_title="Trợ lý Thi đua – Khen thưởng", page_icon="🏅", layout="wide")
    if auth.required() and not auth.current_user():
        st.navigation([_page(*SIGN_IN, default=True)], position="hidden").run()
        return
    try:
        assistant = get_assistant()
    except AppUnavailable as error:
        st.error(str(error))
        st.stop()
    pages = [_page(*spec, default=(n == 0)) for n, spec in enumerate(PAGES)]
    if auth.required():  # on a localhost app without required sign-in the page is only noise in the menu
        pages.append(_page(*SIGN_IN))
    page = st.navigation(pages)
    if st.session_state.pop(auth.JUST_SIGNED_IN, False):
        st.switch_page(pages[0])
    sidebar.render(assistant)
    page.run()


main()
