"""The one log filter (app/privacy/logs.py), line by line, in every format that reaches it:
gunicorn's access and error lines, Werkzeug's development server and the app's own logger."""

from __future__ import annotations

import io
import logging
import sys

import pytest

from app.privacy.logs import PrivacyFilter, privacy_handler, scrub

pytestmark = pytest.mark.audit

IPV4 = "203.0.113.57"
IPV6 = "2001:db8:85a3::8a2e:370:7334"
IPV6_FULL = "2001:0db8:85a3:0000:0000:8a2e:0370:7334"
AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
QUERY = "/en/modules/start/ready?from=beacon-4471&email=someone%40example.org"

# (format, line, what must not survive it)
LINES = [
    ("gunicorn access", f'{IPV4} - - [02/Dec/2026:16:05:11 +0000] "GET {QUERY} HTTP/1.1" 200 512 "-" "{AGENT}"',
     [IPV4, "beacon-4471", "someone", "Firefox", "16:05:11"]),
    ("gunicorn access, IPv6", f'{IPV6} - - [02/Dec/2026:16:05:11 +0000] "POST {QUERY} HTTP/1.1" 303 0 "https://ref.example/x" "{AGENT}"',
     ["2001:db8", "8a2e", "beacon-4471", "Gecko", "16:05:11"]),
    ("gunicorn error", f"[2026-12-02 16:05:11 +0000] [4242] [WARNING] Invalid request from ip={IPV4}: Invalid HTTP request line: 'GET {QUERY}'",
     [IPV4, "beacon-4471", "16:05:11"]),
    ("gunicorn error, IPv6", f"[2026-12-02 16:05:11 +0000] [4242] [DEBUG] GET {QUERY} from {IPV6_FULL}",
     ["2001:0db8", "7334", "beacon-4471", "16:05:11"]),
    ("gunicorn error, handling", f"Error handling request {QUERY}",
     ["beacon-4471", "someone"]),
    ("werkzeug", f'{IPV4} - - [02/Dec/2026 16:05:11] "\x1b[33mGET {QUERY} HTTP/1.1\x1b[0m" 404 -',
     [IPV4, "beacon-4471", "16:05:11"]),
    ("werkzeug, IPv6", f'::1 - - [02/Dec/2026 16:05:11] "HEAD {QUERY} HTTP/1.1" 200 -',
     ["::1", "beacon-4471", "16:05:11"]),
    ("app", f"Exception on portal.step [POST] from {IPV4} at 2026-12-02T16:05:11.123456+00:00 by {AGENT}",
     [IPV4, "16:05:11", "Mozilla", "Gecko", "Firefox"]),
    ("app, other agents", "client curl/8.5.0 then Wget/1.21.4 then python-requests/2.32.3 done",
     ["curl/8", "Wget/1", "python-requests/2", "8.5.0"]),
    ("app, absolute address", f"redirect GET https://portal.example{QUERY}",
     ["beacon-4471", "portal.example"]),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "line", "secrets"), LINES, ids=[kind for kind, *_ in LINES])
def test_each_log_format_loses_what_identifies_a_visitor(kind, line, secrets):
    scrubbed = scrub(line)
    for secret in secrets:
        assert secret not in scrubbed, (kind, scrubbed)


@pytest.mark.parametrize("address", [IPV4, "10.0.0.1", "255.255.255.255", IPV6, IPV6_FULL,
                                     "fe80::1", "::1", "::ffff:192.0.2.1"])  # fmt: skip
def test_every_kind_of_address_is_removed(address):
    scrubbed = scrub(f"seen {address} here")
    assert address not in scrubbed
    assert scrubbed.startswith("seen ")
    assert scrubbed.endswith(" here")


def test_what_is_not_about_a_visitor_is_kept():
    """The filter removes; it does not blank the line: a host still reads what happened."""
    for line in (
        "Booting worker with pid: 4242",
        "Worker exiting (pid: 4242)",
        "purged 3 workbooks",
        "Listening at: unix:/run/rumbo.sock",
    ):
        assert scrub(line) == line
    assert scrub(f"GET {QUERY} HTTP/1.1") == "GET - HTTP/1.1"
    assert scrub("[02/Dec/2026:16:05:11 +0000] started") == " started"
    assert scrub("at 2026-12-02 16:05:11 ok") == "at - ok"


@pytest.mark.parametrize(
    ("line", "scrubbed"),
    [
        # Werkzeug's complaint and access line, gunicorn's complaint: the quoted part becomes "-"
        ("code 400, message Bad request syntax ('GARBAGE /beacon HTTP/1.1')",
         "code 400, message Bad request syntax ('-')"),
        ("Invalid request from ip=-: Invalid HTTP method: 'beacon'",
         "Invalid request from ip=-: Invalid HTTP method: '-'"),
        ('"GARBAGE /beacon HTTP/1.1" 400 -', '"-" 400 -'),
        # the development server's colours go, and nothing is put in their place
        ("\x1b[31m\x1b[1m\"GET /en/help HTTP/1.1\" 200 -\x1b[0m", '"-" 200 -'),
        ("\x1b[33mGET\x1b[0m done", "GET done"),
    ],
)  # fmt: skip
def test_a_scrubbed_part_reads_as_a_dash_and_the_rest_of_the_line_is_kept(line, scrubbed):
    assert scrub(line) == scrubbed


def test_the_filter_formats_arguments_before_scrubbing_them():
    record = logging.LogRecord("gunicorn.error", logging.WARNING, __file__, 1,
                               "Invalid request from ip=%s: %s", (IPV4, f"GET {QUERY}"), None)  # fmt: skip
    assert PrivacyFilter().filter(record) is True
    assert record.args == ()
    assert IPV4 not in record.getMessage()
    assert "beacon-4471" not in record.getMessage()
    assert record.getMessage().startswith("Invalid request from ip=-")


def test_an_exception_is_logged_by_type_and_traceback_without_its_message():
    stream = io.StringIO()
    logger = logging.getLogger("rumbo.test.log_filter")
    logger.handlers, logger.propagate = [privacy_handler(stream)], False

    def deeper():
        raise ValueError(f"the visitor typed {QUERY} from {IPV4}")

    try:
        deeper()  # two frames: the traceback's lines are joined as they are
    except ValueError:
        logger.error("Exception on %s [%s]", "portal.step", "POST", exc_info=sys.exc_info())
    logger.handlers = []
    output = stream.getvalue()
    first, trace = output.split("\n", 1)
    assert first == "ERROR rumbo.test.log_filter: Exception on portal.step [POST]"
    assert trace.startswith("Traceback:\n  File ")
    assert trace.endswith("\nValueError\n")  # the type, without its message
    frames = trace.splitlines()[1:-1]
    assert sum(line.startswith("  File ") for line in frames) == 2
    assert all(line.startswith(("  File ", "    ")) for line in frames), frames
    assert "beacon-4471" not in output
    assert IPV4 not in output


def test_the_app_and_werkzeug_log_through_the_filter_once_each(app):
    """What Werkzeug's development server and the app's logger write reaches the log scrubbed,
    once, with no time of day, and the app's errors name the endpoint, not the address."""
    werkzeug, own = logging.getLogger("werkzeug"), logging.getLogger(app.logger.name)

    def filtered(logger):  # pytest adds handlers of its own to capture records
        return [h for h in logger.handlers if any(isinstance(f, PrivacyFilter) for f in h.filters)]

    assert len(filtered(own)) == 1
    assert filtered(werkzeug) == filtered(own)
    assert not werkzeug.propagate
    assert not own.propagate
    stream = io.StringIO()
    filtered(own)[0].setStream(stream)
    werkzeug.info('%s - - [02/Dec/2026 16:05:11] "GET %s HTTP/1.1" 200 -', IPV4, QUERY)
    werkzeug.debug("a debug line %s", IPV4)  # below INFO: not written
    app.logger.info("from %s with %s", IPV6, AGENT)

    def explode():
        from flask import request

        raise ValueError(request.args["typed"])  # an exception that quotes the visitor

    app.add_url_rule("/en/explode", "explode", explode)
    assert app.test_client().get("/en/explode?typed=beacon-4471").status_code == 500
    written = stream.getvalue()
    lines = written.splitlines()
    assert lines.count('INFO werkzeug: - - - "-" 200 -') == 1
    assert "INFO app: from - with -" in lines
    assert "ERROR app: Exception on explode [GET]" in lines
    assert "ValueError" in written
    assert "a debug line" not in written
    for secret in (IPV4, "2001:db8", "beacon-4471", "Gecko", "16:05:11"):
        assert secret not in written, secret
