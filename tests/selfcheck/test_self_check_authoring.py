"""Clinicians own the self-check's questions and rules: each mistake in the file is reported
by `flask content check` as path:line, the portal refuses to start with it, and the preview
shows both languages side by side."""

from __future__ import annotations

import shutil

import pytest

from app.authoring import shown_path
from app.curriculum import check_tree
from tests.support.apps import SHIPPED_CONTENT, make_app
from tests.support.content import line_of, replace

LOCALES = ("en", "es")


@pytest.fixture
def content(tmp_path):
    """A writable copy of the shipped content, with its self-check."""
    target = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, target)
    return target


def errors_of(root) -> list[str]:
    _, problems = check_tree(root, LOCALES)
    return [str(p) for p in problems.errors]


def at(path, needle: str) -> str:
    return f"{shown_path(path)}:{line_of(path, needle)}: "


def test_the_shipped_self_check_is_valid(content):
    assert errors_of(content) == []


def test_an_unknown_module_is_reported_at_its_line(content):
    path = content / "en" / "self-check.md"
    replace(path, "suggest: relationships", "suggest: friendships")
    assert errors_of(content) == [
        at(path, "suggest: friendships")
        + "rule 'lonely': unknown module 'friendships' (use a module's slug)"
    ]


def test_an_unknown_option_is_reported_at_its_line(content):
    path = content / "es" / "self-check.md"
    replace(path, "people: [no-one]", "people: [nadie]")
    found = errors_of(content)
    assert len(found) == 1
    assert found[0].startswith(at(path, "people: [nadie]"))
    assert "rule 'no-one-to-talk-to': 'people': unknown option 'nadie'" in found[0]


def test_a_rule_no_answer_can_set_off_is_unreachable(content):
    path = content / "en" / "self-check.md"
    replace(path, "lonely: {from: 6}", "lonely: {from: 11}")
    found = errors_of(content)
    assert found[0] == (
        at(path, "lonely: {from: 11}")
        + "rule 'lonely': is unreachable: answers to 'lonely' go from 0 to 10"
    )


def test_a_rule_that_repeats_an_earlier_one_is_unreachable(content):
    copy = "\n```rule\nid: lonely-again\nwhen:\n  lonely: {from: 6}\nsuggest: relationships\nbecause: Again.\n```\n"
    for lang in LOCALES:
        path = content / lang / "self-check.md"
        path.write_text(path.read_text(encoding="utf-8") + copy, encoding="utf-8")
    path = content / "en" / "self-check.md"
    fence = line_of(path, "id: lonely-again") - 1
    assert (
        f"{shown_path(path)}:{fence}: rule 'lonely-again' is unreachable: rule 'lonely' above already does the same for the same answers"
        in errors_of(content)
    )


def test_option_ids_that_differ_between_languages_are_reported(content):
    path = content / "es" / "self-check.md"
    replace(path, "  - no-one: No, no hay nadie", "  - nadie: No, no hay nadie")
    replace(path, "people: [no-one]", "people: [nadie]")
    found = errors_of(content)
    fence = line_of(path, "id: people") - 1
    assert (
        f"{shown_path(path)}:{fence}: question 'people': type, option ids, range or tracking differ from en"
        in found
    )


def test_rules_that_differ_between_languages_are_reported(content):
    path = content / "es" / "self-check.md"
    replace(path, "suggest: self-compassion", "suggest: good-life")
    en = content / "en" / "self-check.md"
    fence = line_of(en, "id: mood-and-shame") - 1
    assert (
        f"{shown_path(en)}:{fence}: rule 'mood-and-shame': 'when' or what it does differs from es"
        in errors_of(content)
    )


def test_a_self_check_in_one_language_only_is_reported(content):
    (content / "es" / "self-check.md").unlink()
    assert errors_of(content) == [
        f"{shown_path(content / 'es' / 'self-check.md')}:0: the self-check exists in en but not in es"
    ]


def test_a_yes_or_no_option_that_yaml_would_misread_is_explained(content):
    path = content / "en" / "self-check.md"
    replace(path, '  - someone: "Yes"', "  - someone: Yes")
    found = errors_of(content)
    assert any(
        e.startswith(at(path, "  - someone: Yes").rsplit(":", 2)[0]) and "put it in quotes" in e
        for e in found
    ), found


def test_content_check_lists_the_problems_and_the_portal_refuses_to_start(
    app_factory, content, tmp_path, capsys
):
    path = content / "en" / "self-check.md"
    replace(path, "suggest: relationships", "suggest: friendships")
    app = app_factory(f"sqlite:///{tmp_path / 'ok.db'}", tmp_path, content=SHIPPED_CONTENT)
    result = app.test_cli_runner().invoke(args=["content", "check", str(content)])
    assert result.exit_code == 1
    assert "unknown module 'friendships'" in result.output
    assert "and 2 self-check file(s) checked." in result.output
    with pytest.raises(SystemExit):
        make_app(f"sqlite:///{tmp_path / 'broken.db'}", tmp_path, content=content)
    assert "unknown module 'friendships'" in capsys.readouterr().err


def test_require_reviewed_fails_while_the_self_check_is_a_draft(content):
    _, problems = check_tree(content, LOCALES, require_reviewed=True)
    path = content / "en" / "self-check.md"
    assert f"{shown_path(path)}:3: the self-check is still a draft (review: draft)" in [
        str(p) for p in problems.errors
    ]


def test_the_preview_shows_the_questions_and_rules_side_by_side(app_factory, content, tmp_path):
    app = app_factory(f"sqlite:///{tmp_path / 'p.db'}", tmp_path, content=content, preview=True)
    preview = app.test_client()
    assert 'href="/review/self-check/"' in preview.get("/review/").text
    page = preview.get("/review/self-check/")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert "How alone do you feel, most days?" in page.text
    assert "¿Cuánta soledad sientes, la mayoría de los días?" in page.text
    assert page.text.count('id="r-suicide-thoughts"') == 1
    replace(content / "es" / "self-check.md", "suggest: self-compassion", "suggest: good-life")
    flagged = preview.get("/review/self-check/").text
    assert "differs from" in flagged
