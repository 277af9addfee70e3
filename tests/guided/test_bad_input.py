"""Whatever a visitor's or a counsellor's browser sends to the guided pages, the answer is a
page or a 4xx, never a 5xx or a traceback; a message that cannot be sent stays in the box."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.apps import built_app
from tests.support.guided import (
    enable,
    set_up_team,
    sign_in,
    visitor_with_a_conversation,
)

pytestmark = pytest.mark.audit

TEXT = st.text(max_size=30) | st.sampled_from(["", "x" * 6000, "\x00", "<script>", "0" * 32])
FORM = st.dictionaries(
    st.sampled_from(["text", "module", "check_ins", "thread", "action", "name", "code", "team"]),
    TEXT | st.sampled_from(["send", "preview", "edit", "yes", "sample"]),
    max_size=5,
)
PATHS = st.sampled_from(
    ["/en/messages", "/en/messages/new", "/en/messages/delete", "/counsel/", "/counsel/en/",
     "/counsel/en/sign-in", "/counsel/en/sign-out", "/counsel/en/threads/{thread}",
     "/counsel/en/threads/{thread}/reply", "/counsel/en/threads/{thread}/close",
     "/counsel/en/threads/%ff", "/counsel/xx/", "/en/messages/new?thread=%ff"]
)  # fmt: skip


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    folder = tmp_path_factory.mktemp("guided-fuzz")
    with built_app(f"sqlite:///{folder / 'rumbo.db'}", folder, **enable()) as app:
        secret = set_up_team(app)
        visitor, thread = visitor_with_a_conversation(app)
        counsellor = app.test_client()
        sign_in(counsellor, secret)
        yield visitor, counsellor, thread


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=PATHS, method=st.sampled_from(["GET", "POST"]), form=FORM, as_counsellor=st.booleans())
def test_no_input_causes_a_server_error(people, path, method, form, as_counsellor):
    visitor, counsellor, thread = people
    client = counsellor if as_counsellor else visitor
    form = {k: v for k, v in form.items() if not (k == "action" and v == "send")}  # keep it small
    if path.endswith("/close"):
        return  # closing is tested elsewhere; here it would only change what others see
    response = client.open(path.format(thread=thread), method=method,
                           data=form if method == "POST" else None)  # fmt: skip
    assert response.status_code < 500, (method, path, response.status_code)
    assert "Traceback" not in response.get_data(as_text=True)


def test_a_message_too_long_is_shown_back(people):
    visitor, _, _ = people
    text = "Keep every word of this. " * 300
    page = visitor.post("/en/messages/new", data={"text": text, "action": "send"})
    assert page.status_code == 400
    assert text.strip() in page.text.replace("&#39;", "'")
    assert 'aria-invalid="true"' in page.text


def test_a_thread_of_another_workbook_is_not_found(people):
    visitor, _, _ = people
    page = visitor.post("/en/messages/new", data={"text": "x", "thread": "0" * 32})
    assert page.status_code == 404
