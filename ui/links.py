"""Page files of the tools, for links from the chat (paths relative to app.py)."""
TOOL_PAGES = {
    "chat": "ui/pages/hoi_dap.py",
    "library": "ui/pages/thu_vien.py",
    "deadlines": "ui/pages/han_chot.py",
    "eligibility": "ui/pages/xet_dieu_kien.py",
    "drafting": "ui/pages/soan_thao.py",
}
TOOL_LINK_LABELS = {
    "deadlines": "Mở bảng hạn chót & trách nhiệm (đã lọc theo câu hỏi)",
    "eligibility": "Mở biểu mẫu xét điều kiện khen thưởng (đã điền sẵn)",
    "drafting": "Mở trang soạn thảo kế hoạch (đã điền sẵn)",
}
