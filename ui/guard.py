"""HTTP paths of Streamlit that the app does not serve: its metrics endpoint (no option of
Streamlit 1.67 turns it off or puts it behind sign-in)."""
from __future__ import annotations

CLOSED_PATHS = ("/_stcore/metrics",)


class ClosedPaths:
    """ASGI middleware answering 404 to the closed paths, before Streamlit sees them."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("path", "").rstrip("/").endswith(CLOSED_PATHS):
            await send({"type": "http.response.start", "status": 404,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
            await send({"type": "http.response.body", "body": "Không có trang này.".encode("utf-8")})
            return
        await self.app(scope, receive, send)
