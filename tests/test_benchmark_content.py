"""`make bench`'s synthetic curriculum is content the portal accepts, at every size the growth
section uses: an order past the range allowed, or one shared with a shipped module, stopped the
benchmark at start-up without any test noticing."""

from __future__ import annotations

import pytest
import yaml

from app.authoring.fields import read_fields
from app.curriculum import check_tree
from app.curriculum.front_matter import FRONT_MATTER
from bench.run import GROWTH_SIZES
from bench.synthetic import LOCALES, generate, module_text


def test_synthetic_modules_are_valid_content_beside_the_shipped_ones(tmp_path):
    content = generate(tmp_path / "content", 3)
    _, problems = check_tree(content, LOCALES)
    assert [str(p) for p in problems.errors] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_last_module_of_the_largest_growth_size_has_valid_front_matter(locale):
    largest = max(int(size) for size in GROWTH_SIZES.split(","))
    meta = yaml.safe_load(module_text(locale, largest - 1, largest).split("---\n")[1])
    errors: list[str] = []
    read_fields(meta, FRONT_MATTER, "front matter", lambda _key, why: errors.append(why))
    assert errors == [], meta["order"]
