"""No Flask session, ever: the workbook cookie is the portal's only cookie (design rule 3).

Flask's default session would open (and could set) a second, merely signed cookie. With this
interface every request gets Flask's null session, which refuses to be written, and no work
is spent reading a cookie that must never exist.
"""

from __future__ import annotations

from flask import Flask, Request
from flask.sessions import SessionInterface, SessionMixin
from werkzeug.wrappers import Response


class NoSession(SessionInterface):
    def open_session(self, app: Flask, request: Request) -> SessionMixin | None:
        return None  # Flask then hands out its null session

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        return None


def init_app(app: Flask) -> None:
    app.session_interface = NoSession()
