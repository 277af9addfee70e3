"""An author edits, breaks and fixes a module while the preview runs: no restart, ever."""

from __future__ import annotations

import html
import os
import re

import pytest

from app import create_app
from tests.support.content import line_of, replace


def shown(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_an_edited_heading_shows_on_the_next_page_load(preview, content_copy):
    path = content_copy / "en" / "01-sample.md"
    assert "Thinking" in shown(preview.get("/en/m/1/1"))
    replace(path, "## Thinking {#thinking}", "## Thinking it over {#thinking}")
    page = preview.get("/en/m/1/1")
    assert page.status_code == 200
    assert "Thinking it over" in shown(page)
    # Pages rendered before the edit are not served again: the overview and the print page too.
    assert "Thinking it over" in shown(preview.get("/en/m/1/"))
    assert "Thinking it over" in shown(preview.get("/en/m/1/print"))


def test_a_broken_exercise_shows_its_line_on_every_page_until_fixed(preview, content_copy):
    path = content_copy / "en" / "01-sample.md"
    original = path.read_text(encoding="utf-8")
    assert preview.get("/es/").status_code == 200
    replace(path, "type: balance", "type: slider")
    where = f"en/01-sample.md:{line_of(path, 'type: slider')}: exercise 'balance': unknown type"
    for address in ("/en/m/1/1", "/es/", "/en/help", "/en/m/2/"):
        page = preview.get(address)
        assert page.status_code == 503, address
        assert where in shown(page), address
        assert "Traceback" not in shown(page)
        assert page.headers["Cache-Control"] == "no-store"
    assert (
        preview.get("/assets/" + "x").status_code == 404
    )  # the style sheet's address is still served
    path.write_text(original, encoding="utf-8")
    page = preview.get("/en/m/1/1")
    assert page.status_code == 200
    assert "unknown type" not in shown(page)
    assert "Thinking" in shown(page)


def test_the_problems_page_is_in_the_visitors_language(preview, content_copy):
    replace(content_copy / "es" / "01-sample.md", "type: balance", "type: slider")
    page = shown(preview.get("/es/"))
    assert "El contenido tiene problemas" in page
    assert "es/01-sample.md:" in page


# Bad input of each kind an author can make: (file, old, new, the file the problem is reported
# in, what its line says).
BAD_INPUT = {
    "broken yaml": ("en/01-sample.md", "minutes: 10", "minutes: [10", "en/01-sample.md", "invalid YAML"),
    "unknown exercise type": (
        "en/01-sample.md", "type: balance", "type: slider", "en/01-sample.md", "unknown type 'slider'"
    ),
    "missing locale": (
        "es/02-second.md", None, None, "en/02-second.md", "module 'second' exists in en but not in es"
    ),
    "link to a missing module": (
        "en/02-second.md", "module:sample/thinking", "module:nowhere", "en/02-second.md",
        "link 'module:nowhere' points to a module, step or page that does not exist",
    ),
}  # fmt: skip


@pytest.mark.parametrize("kind", BAD_INPUT)
def test_each_kind_of_bad_input_is_a_path_and_line_in_the_browser_and_the_check(
    preview, preview_app, content_copy, kind
):
    file, old, new, reported, message = BAD_INPUT[kind]
    path = content_copy / file
    if old is None:
        path.unlink()
    else:
        replace(path, old, new)
    where = re.compile(rf"{re.escape(reported)}:\d+: [^\n<]*{re.escape(message)}")
    page = shown(preview.get("/en/m/1/"))
    assert where.search(page), page
    assert "Traceback" not in page
    result = preview_app.test_cli_runner().invoke(args=["content", "check", str(content_copy)])
    assert result.exit_code == 1
    assert where.search(result.output), result.output
    assert "Traceback" not in result.output


def test_a_missing_locale_folder_is_reported_not_fatal(preview, content_copy):
    for item in sorted((content_copy / "es").rglob("*"), reverse=True):
        item.rmdir() if item.is_dir() else item.unlink()
    (content_copy / "es").rmdir()
    page = shown(preview.get("/en/"))
    assert "content folder for enabled locale 'es' is missing" in page


def test_the_preview_starts_on_broken_content_and_recovers(
    app_factory, sqlite_url, tmp_path, content_copy
):
    path = content_copy / "en" / "01-sample.md"
    original = path.read_text(encoding="utf-8")
    replace(path, "type: balance", "type: slider")
    app = app_factory(sqlite_url, tmp_path, content=content_copy, preview=True)
    client = app.test_client()
    assert "unknown type 'slider'" in shown(client.get("/en/"))
    path.write_text(original, encoding="utf-8")
    assert client.get("/en/").status_code == 200


def test_without_the_preview_broken_content_still_stops_the_start(content_copy, tmp_path):
    replace(content_copy / "en" / "01-sample.md", "type: balance", "type: slider")
    with pytest.raises(SystemExit):
        create_app(
            {
                "environment": "development",
                "content_dir": str(content_copy),
                "database_url": f"sqlite:///{tmp_path}/x.db",
                "secret_key": "k" * 40,
            }
        )


def test_the_preview_is_refused_in_production(tmp_path, capsys):
    os.environ["RUMBO_INSTANCE_DIR"] = str(tmp_path)
    try:
        with pytest.raises(SystemExit):
            create_app({"environment": "production", "secret_key": "k" * 40, "preview": True})
    finally:
        del os.environ["RUMBO_INSTANCE_DIR"]
    assert "configuration error: preview" in capsys.readouterr().err


def test_outside_the_preview_an_edit_changes_nothing(client, app, content_copy):
    """The live portal reads its content once: nothing is watched per request."""
    assert "rumbo.live_content" not in app.extensions
    assert client.get("/review/").status_code == 404
