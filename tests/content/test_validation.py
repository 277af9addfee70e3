"""Each class of authoring error is reported as path:line by `flask content check` and at start-up."""

from __future__ import annotations

import re

import pytest

from app import create_app
from app.curriculum import check_tree

LOCALES = ("en", "es")


def replace(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path, needle):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def fence_before(path, needle):
    """The line of the ```exercise fence that opens the block holding ``needle``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = line_of(path, needle) - 1
    while not lines[index].startswith("```exercise"):
        index -= 1
    return index + 1


def problems_of(root):
    _, problems = check_tree(root, LOCALES)
    return [str(p) for p in problems.errors]


def assert_reported(root, path, needle_or_line, fragment):
    line = needle_or_line if isinstance(needle_or_line, int) else line_of(path, needle_or_line)
    found = problems_of(root)
    expected = f"{path}:{line}: "
    assert any(p.startswith(expected) and fragment in p for p in found), (expected, fragment, found)


def test_fixture_content_is_valid(content_copy):
    assert problems_of(content_copy) == []


def test_file_without_front_matter(content_copy):
    path = content_copy / "en" / "02-second.md"
    path.write_text("## Only step {#only}\n", encoding="utf-8")
    assert_reported(content_copy, path, 1, "must start with front matter")


# One edit of one file, and the problem it must produce: (file, old text, new text, where the
# problem is reported: a line number or the text on that line, what the message says).
SINGLE_EDITS = {
    "missing front matter key": (
        "en/01-sample.md", "minutes: 10\n", "", 1, "front matter is missing 'minutes'"
    ),
    "invalid front matter yaml": (
        "es/02-second.md", "summary: Short.", "summary: [unclosed", "minutes:", "invalid YAML"
    ),
    "step heading without id": (
        "en/01-sample.md", "## Choosing {#choosing}", "## Choosing", "## Choosing",
        "a step heading needs an id",
    ),
    "duplicate step id": (
        "es/01-sample.md", "{#choosing}", "{#thinking}", "## Elegir",
        "step id 'thinking' is used twice",
    ),
    "unknown exercise type": (
        "en/01-sample.md", "type: balance", "type: slider", "type: slider",
        "unknown type 'slider'",
    ),
    "unknown exercise option": (
        "en/01-sample.md", "items: 3", "items: 3\ncolour: red", "colour: red",
        "unknown option 'colour' for type 'list'",
    ),
    "feedback must match options": (
        "en/01-sample.md", '  - "Not quite: a lapse is a single slip."\n', "", "feedback:",
        "'feedback' needs exactly one entry per option",
    ),
    "plan on a private exercise": (
        "en/01-sample.md", "plan: warning-signs", "plan: warning-signs\nprivate: true",
        "plan: warning-signs", "'plan' cannot go with 'private: true'",
    ),
    "private that is not true or false": (
        "en/01-sample.md", "plan: warning-signs", "plan: warning-signs\nprivate: maybe",
        "private: maybe", "'private' must be true or false",
    ),
    "unclosed exercise block": (
        "en/02-second.md", "prompt: A note.\n```", "prompt: A note.", "```exercise",
        "never closed",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("name"), SINGLE_EDITS)
def test_each_authoring_error_is_reported_at_its_line(content_copy, name):
    file, old, new, where, fragment = SINGLE_EDITS[name]
    path = content_copy / file
    replace(path, old, new)
    assert_reported(content_copy, path, where, fragment)


def test_wrong_front_matter_values(content_copy):
    path = content_copy / "en" / "01-sample.md"
    replace(path, "review: draft", "review: maybe")
    replace(path, "minutes: 10", "minutes: ten")
    assert_reported(content_copy, path, "review: maybe", "'review' must be 'draft' or 'reviewed'")
    assert_reported(content_copy, path, "minutes: ten", "'minutes' must be a whole number")


def test_duplicate_exercise_id(content_copy):
    path = content_copy / "en" / "01-sample.md"
    replace(path, "id: ready", "id: thoughts")
    assert_reported(
        content_copy,
        path,
        fence_before(path, "prompt: How ready"),
        "exercise id 'thoughts' is used twice",
    )


def test_two_modules_with_one_number_are_reported(content_copy):
    """A module's ``order`` is its address (/<lang>/m/<order>/): two modules with one number
    would leave one of them with no address at all."""
    for locale in LOCALES:
        replace(content_copy / locale / "02-second.md", "order: 2", "order: 1")
    path = content_copy / "en" / "02-second.md"
    assert_reported(content_copy, path, "order: 1", "order 1 is also used by 01-sample.md")


def test_step_missing_in_other_locale(content_copy):
    path = content_copy / "es" / "01-sample.md"
    replace(path, "{#judging}", "{#juzgar}")
    english = content_copy / "en" / "01-sample.md"
    assert_reported(
        content_copy, english, "{#judging}", "step 'judging' exists in en but not in es"
    )
    assert_reported(content_copy, path, "{#juzgar}", "step 'juzgar' exists in es but not in en")


def test_exercise_missing_in_other_locale(content_copy):
    path = content_copy / "es" / "02-second.md"
    replace(path, "id: note", "id: nota")
    english = content_copy / "en" / "02-second.md"
    assert_reported(
        content_copy,
        english,
        fence_before(english, "id: note"),
        "exercise 'note' exists in en but not in es",
    )


def test_module_missing_in_other_locale(content_copy):
    (content_copy / "es" / "02-second.md").unlink()
    english = content_copy / "en" / "02-second.md"
    assert_reported(
        content_copy, english, "slug: second", "module 'second' exists in en but not in es"
    )


def test_options_differ_between_locales(content_copy):
    path = content_copy / "es" / "01-sample.md"
    replace(path, "  - Stress\n", "  - Stress\n  - Otra cosa\n")
    assert_reported(
        content_copy,
        path,
        fence_before(path, "type: checklist"),
        "number of options differs from en",
    )


def test_bad_option_values(content_copy):
    path = content_copy / "en" / "01-sample.md"
    replace(path, "max: 10", "max: lots")
    replace(path, "answer: myth", "answer: maybe")
    replace(path, "plan: warning-signs", "plan: wishes")
    assert_reported(content_copy, path, "max: lots", "'max' must be a whole number")
    assert_reported(content_copy, path, "answer: maybe", "'answer' must be 'myth' or 'fact'")
    assert_reported(content_copy, path, "plan: wishes", "unknown plan section")


def test_link_to_missing_module_or_step(content_copy):
    path = content_copy / "en" / "02-second.md"
    replace(path, "module:sample/thinking", "module:sample/feeling")
    replace(path, "Back to", "See [nothing](module:nowhere). Back to")
    line = line_of(path, "module:nowhere")
    assert_reported(
        content_copy,
        path,
        line,
        "link 'module:sample/feeling' points to a module, step or page that does not exist",
    )
    assert_reported(content_copy, path, line, "link 'module:nowhere'")


def test_html_removed_by_the_sanitiser_is_reported(content_copy):
    path = content_copy / "en" / "02-second.md"
    replace(
        path,
        "Back to",
        '<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[x](javascript:alert(3))\n\nBack to',
    )
    found = problems_of(content_copy)
    assert any("HTML <script> is not allowed" in p for p in found)
    assert any("HTML <img> is not allowed" in p for p in found)
    assert any("link 'javascript:alert(3)' is not allowed" in p for p in found)


def test_all_problems_are_reported_together(content_copy):
    replace(content_copy / "en" / "01-sample.md", "type: balance", "type: slider")
    replace(content_copy / "es" / "02-second.md", "minutes: 5", "minutes: -5")
    found = problems_of(content_copy)
    assert len(found) >= 2
    assert all(re.match(r"^.+\.md:\d+: ", p) for p in found)


def test_content_check_command_passes_on_good_content(runner):
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output


def test_content_check_command_fails_with_path_and_line(runner, content_copy):
    path = content_copy / "en" / "01-sample.md"
    replace(path, "type: balance", "type: slider")
    result = runner.invoke(args=["content", "check", str(content_copy)])
    assert result.exit_code == 1
    assert (
        f"{path}:{line_of(path, 'type: slider')}: exercise 'balance': unknown type 'slider'"
        in result.output
    )


def test_entries_to_confirm_are_listed_and_fail_only_require_confirmed(runner):
    """A host's upgrade runs `content check --strict`: an entry shipped with its
    confirm-before-publishing note is the host's to check, not a fault that stops the upgrade."""
    result = runner.invoke(args=["content", "check", "--strict"])
    assert result.exit_code == 0, result.output
    assert "to confirm: help entry 'online-troubled-desire'" in result.output
    result = runner.invoke(args=["content", "check", "--require-confirmed"])
    assert result.exit_code == 1
    assert "to confirm: help entry 'online-troubled-desire'" in result.output


def test_require_reviewed_fails_on_drafts(runner):
    result = runner.invoke(args=["content", "check", "--require-reviewed"])
    assert result.exit_code == 1
    assert "module is still a draft" in result.output


def test_app_refuses_to_start_on_broken_content(content_copy, tmp_path, capsys):
    path = content_copy / "en" / "01-sample.md"
    replace(path, "type: balance", "type: slider")
    with pytest.raises(SystemExit) as exit_info:
        create_app(
            {
                "environment": "test",
                "content_dir": str(content_copy),
                "database_url": f"sqlite:///{tmp_path}/x.db",
            }
        )
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert (
        f"{path}:{line_of(path, 'type: slider')}: exercise 'balance': unknown type 'slider'" in err
    )
    assert "Traceback" not in err


def test_docs_show_every_front_matter_key_as_declared():
    from app.config import PROJECT_ROOT
    from app.curriculum.docs import front_matter_table

    page = (PROJECT_ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert front_matter_table() in page, (
        "run `python -m app.curriculum.docs` and paste the table into the page"
    )


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("kind: crisis", "kind: urgent", "'kind' must be 'crisis', 'prevention' or 'therapy'"),
        ("anonymous: true", "anonymous: perhaps", "'anonymous' must be true or false"),
        ('hours: "24 hours"', "opening: always", "is missing 'hours'"),
        ('phone: "024"', "phone: call us", "'phone' must be digits"),
    ],
)
def test_a_wrong_help_entry_is_reported_at_its_id(content_copy, old, new, fragment):
    from app.helpdesk.directory import check_help

    path = content_copy / "en" / "help.yaml"
    replace(path, old, new)
    _, problems = check_help(content_copy, LOCALES)
    expected = f"{path}:{line_of(path, 'id: es-024')}: help entry 'es-024'"
    found = [str(p) for p in problems.errors]
    assert any(p.startswith(expected) and fragment in p for p in found), found


def test_docs_show_every_help_entry_key_as_declared():
    from app.config import PROJECT_ROOT
    from app.helpdesk.docs import entry_table

    page = (PROJECT_ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert entry_table() in page, (
        "run `python -m app.helpdesk.docs` and paste the table into the page"
    )
