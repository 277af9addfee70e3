"""A setting's declared type and its check agree, as mypy sees them (app/config/keys.py)."""

from __future__ import annotations

from mypy import api

from app.config import PROJECT_ROOT

DECLARATION = """
import dataclasses

from app.config import checks
from app.config.keys import Setting, setting


@dataclasses.dataclass(frozen=True)
class Declared:
    seconds: Setting[{kind}] = setting(5, checks.WholeNumber(0, 300), "How often.")


reveal_type(Declared().seconds)
"""


def mypy_on(tmp_path, kind):
    snippet = tmp_path / "declared.py"
    snippet.write_text(DECLARATION.format(kind=kind), encoding="utf-8")
    config = str(PROJECT_ROOT / "pyproject.toml")
    cache = str(PROJECT_ROOT / ".mypy_cache")
    out, _, status = api.run(["--config-file", config, "--cache-dir", cache, str(snippet)])
    return out, status


def test_a_float_setting_with_a_whole_number_check_fails_mypy(tmp_path):
    out, status = mypy_on(tmp_path, "float")
    assert status == 1
    assert 'incompatible type "WholeNumber"; expected "Check[float]"' in out


def test_a_setting_reads_as_the_type_its_check_gives(tmp_path):
    out, status = mypy_on(tmp_path, "int")
    assert status == 0, out
    assert 'Revealed type is "int"' in out
