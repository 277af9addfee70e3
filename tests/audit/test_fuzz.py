"""Property-based audit: whatever arrives, the answer is never a 5xx and never shows a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.apps import built_app

pytestmark = pytest.mark.audit

SEGMENTS = st.sampled_from(
    ["en", "es", "fr", "modules", "sample", "thinking", "judging", "done", "help", "workbook", "plan",
     "resume", "keep", "delete", "privacy", "safety", "family", "assets", "brand", "healthz", "..", "%2e%2e",
     "%ff%fe", "%00", "workbook.md", "plan.md", "admin", "insight", "%3f", "%23", "%"]
)  # fmt: skip
TEXT = st.text(max_size=40) | st.sampled_from(
    ["", "x" * 70_000, "\x00", "\xff\xfe", "../../etc/passwd", "<script>"]
)
# Paths as a browser sends them: no "?" or "#" (those start a query or fragment) and never
# "//host", which names another host.
PATHS = st.lists(
    SEGMENTS
    | st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="?#"), max_size=12
    ),
    max_size=6,
).map(lambda parts: "/" + "/".join(parts).lstrip("/"))
METHODS = st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])
FORM = st.dictionaries(
    st.sampled_from(
        ["exercise", "answer", "option", "item", "other", "passphrase", "change-pros", "x"]
    ),
    TEXT,
    max_size=5,
)
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        # Header values as HTTP can carry them: latin-1, no line breaks or NUL.
        "Accept-Language": TEXT.map(
            lambda t: (
                t.encode("latin-1", "replace")
                .decode("latin-1")
                .translate({10: None, 13: None, 0: None})
            )
        ),
        "Cookie": st.sampled_from(
            ["rumbo=", "rumbo=AAAA", "rumbo=" + "A" * 4000, "rumbo=%ff", "a=b; rumbo=!!"]
        ),
        "Origin": st.sampled_from(["null", "https://evil.example", "http://localhost"]),
        "Sec-Fetch-Site": st.sampled_from(["cross-site", "same-origin", "none", "???"]),
    },
)


@pytest.fixture(scope="module")
def fuzz_client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    with built_app(f"sqlite:///{folder / 'rumbo.db'}", folder) as app:
        yield app.test_client()


# Query strings as raw bytes on the wire, so invalid UTF-8 (%ff) reaches the app too.
QUERY = st.dictionaries(
    st.sampled_from(["country", "x", "lang"]), TEXT, max_size=2
) | st.sampled_from(
    [
        "country=%ff%fe",
        "country=ES&country=GB",
        "country=" + "E" * 5000,
        "%zz=%",
        "country=..%2f..%2f",
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(method=METHODS, path=PATHS, query=QUERY, form=FORM, headers=HEADERS)
def test_no_input_causes_a_server_error(fuzz_client, method, path, query, form, headers):
    response = fuzz_client.open(
        path,
        method=method,
        query_string=query,
        data=form if method != "GET" else None,
        headers=headers,
    )
    assert response.status_code < 500, (method, path, response.status_code)
    body = response.get_data(as_text=True)
    assert "Traceback" not in body
    assert 'File "/' not in body
    assert "Werkzeug Debugger" not in body


@settings(max_examples=150, deadline=None)
@given(step=st.sampled_from(["thinking", "choosing", "judging"]), form=FORM)
def test_any_answer_form_is_handled(fuzz_client, step, form):
    response = fuzz_client.post(f"/en/modules/sample/{step}", data=form)
    assert response.status_code in (303, 400, 413), response.status_code
