"""The version means something: `flask version` prints the one in pyproject.toml, and
CHANGELOG.md says what that release changed and how to upgrade to it and back."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib

from tests.support.apps import ROOT

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_flask_version_prints_the_release_on_an_unconfigured_machine(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RUMBO_", "DATABASE_URL"))}
    env["RUMBO_INSTANCE_DIR"] = str(tmp_path / "nothing-here")
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", "version"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    latest = sorted((ROOT / "migrations" / "versions").glob("0*.py"))[-1].name[:4]
    assert done.stdout == f"Rumbo {VERSION} (schema {latest})\n"


def test_the_changelog_has_upgrade_notes_for_this_version():
    text = (ROOT / "CHANGELOG.md").read_text()
    releases = re.findall(r"^## (\d+\.\d+\.\d+) \(\d{4}-\d{2}-\d{2}\)$", text, re.M)
    assert releases[0] == VERSION, "the newest entry is the version in pyproject.toml"
    section = text.split(f"## {VERSION} ")[1].split("\n## ")[0]
    upgrading = section.split("### Upgrading")[1]
    for step in ("Back up first", "backup create", "db upgrade", "Restart", "Roll back"):
        assert step in upgrading, step
