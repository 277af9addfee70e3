"""The one log filter: no address, user agent, referrer or time of day in any log line.

Werkzeug's development server, Flask's logger and gunicorn's error log all pass records through
:class:`PrivacyFilter`. Log lines carry no timestamp (a day-level date at most is the rule; our
formats have none). Exceptions are logged by type and traceback only: an exception's message
can quote what a visitor typed.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from types import TracebackType
from typing import TextIO

from flask import Flask, request

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]

IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])")
BRACKETED_TIME = re.compile(r"\s?\[\d{1,2}/\w{3}/\d{4}[ :][\d:]+(?: [+-]\d{4})?\]")
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?( ?[+-]\d{2}:?\d{2}|Z)?")
USER_AGENT = re.compile(r"\b(Mozilla|Opera|curl|Wget|python-requests|Lynx|Links)/\S+.*?(?=\"|$)")
# A request line as servers quote it ("GET /en/help?x=1", "Error handling request /en/x"): the
# address a visitor asked for can be a beacon someone sent them; only the method is kept.
REQUEST_TARGET = re.compile(
    r"\b(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS|request)\s+(/|https?://)\S*", re.IGNORECASE
)
# A request line a server could not parse is quoted as it came, and can be anything: the whole
# quoted part goes, whatever it holds. Werkzeug: '"<line>" 400 -' and "message ... ('<line>')";
# gunicorn: "Invalid request from ip=...: Invalid HTTP method: '<word>'".
QUOTED_BEFORE_STATUS = re.compile(r"\"[^\n]*\"(?=\s+\d{3}\b)")
QUOTED_IN_PARENTHESES = re.compile(r"\((['\"]).*\1\)")
QUOTED_IN_COMPLAINT = re.compile(r"\b((?:Invalid|Bad|Unsupported)\b[^'\"\n]*)(['\"]).*\2")
# Terminal colour codes, which the development server puts right before a request's method.
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


def scrub(text: str) -> str:
    """Remove addresses, user agents, requested URLs and times of day from a log message."""
    text = ANSI_ESCAPE.sub("", text)
    text = QUOTED_BEFORE_STATUS.sub('"-"', text)
    text = QUOTED_IN_PARENTHESES.sub("('-')", text)
    text = QUOTED_IN_COMPLAINT.sub(r"\1'-'", text)
    text = REQUEST_TARGET.sub(r"\1 -", text)
    text = BRACKETED_TIME.sub("", text)
    text = ISO_TIME.sub("-", text)
    text = USER_AGENT.sub("-", text)
    text = IPV4.sub("-", text)
    return IPV6.sub("-", text)


class PrivacyFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = ()
        if record.exc_info and record.exc_info[1] is not None:
            kind, _error, trace = record.exc_info
            record.exc_text = "Traceback:\n" + "".join(traceback.format_tb(trace)) + kind.__name__
            record.exc_info = None
        return True


def privacy_handler(stream: TextIO | None = None) -> logging.Handler:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(PrivacyFilter())
    return handler


def _log_exception(app: Flask, exc_info: ExcInfo) -> None:
    """Flask's default quotes the request; ours names only the endpoint and the error type."""
    app.logger.error("Exception on %s [%s]", request.endpoint, request.method, exc_info=exc_info)


def init_app(app: Flask) -> None:
    handler = privacy_handler()
    for name in ("werkzeug", app.logger.name):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.propagate = False
        logger.setLevel(logging.INFO)
    app.log_exception = lambda exc_info: _log_exception(app, exc_info)  # type: ignore[method-assign]
