"""The review record in front matter: the month and the reviewer's role, never a name."""

from __future__ import annotations

import pytest

from tests.content.test_validation import assert_reported
from tests.support.content import replace

REVIEWED = "review: reviewed\nreviewed_in: 2026-10\nreviewed_by: clinical psychologist\n"


def mark_all_reviewed(root):
    for path in root.glob("*/01-sample.md"):
        replace(path, "review: draft\n", REVIEWED)


def test_require_reviewed_passes_once_every_module_is_reviewed(runner, content_copy):
    result = runner.invoke(args=["content", "check", str(content_copy), "--require-reviewed"])
    assert result.exit_code == 1
    assert "01-sample.md:11: module is still a draft (review: draft)" in result.output
    mark_all_reviewed(content_copy)
    result = runner.invoke(args=["content", "check", str(content_copy), "--require-reviewed"])
    assert result.exit_code == 0, result.output


WRONG = {
    "month not a month": ("reviewed_in: 2026-10", "reviewed_in: October", "reviewed_in:", "YYYY-MM"),
    "month in the future": ("reviewed_in: 2026-10", "reviewed_in: 2099-01", "reviewed_in:", "in the future"),
    "role too long": (
        "reviewed_by: clinical psychologist", "reviewed_by: " + "x" * 81, "reviewed_by:",
        "must be the reviewer's role",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", WRONG)
def test_a_wrong_record_is_reported_at_its_line(content_copy, name):
    old, new, where, fragment = WRONG[name]
    path = content_copy / "en" / "02-second.md"
    replace(path, old, new)
    assert_reported(content_copy, path, where, fragment)


def test_a_draft_cannot_carry_a_review_record(content_copy):
    path = content_copy / "en" / "01-sample.md"
    replace(path, "review: draft\n", "review: draft\nreviewed_by: clinical psychologist\n")
    assert_reported(content_copy, path, "reviewed_by:", "belongs to 'review: reviewed'")


def test_reviewed_without_a_record_is_a_warning(runner, content_copy):
    path = content_copy / "en" / "02-second.md"
    replace(path, "reviewed_in: 2026-10\n", "")
    result = runner.invoke(args=["content", "check", str(content_copy)])
    assert result.exit_code == 0
    assert "02-second.md:11: warning: 'review: reviewed' without 'reviewed_in'" in result.output
