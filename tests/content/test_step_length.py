"""No step is longer than 500 words, so a step stays short on a phone (issue 22)."""

from __future__ import annotations

import pytest

from tests.content.conftest import LANGS, step_text

MAX_WORDS = 500


@pytest.mark.parametrize("lang", LANGS)
def test_no_step_is_over_500_words(catalog, lang):
    """Everything a visitor reads on the step page counts: prose, questions, options, feedback."""
    over = [
        (module.slug, step.id, words)
        for module in catalog.modules(lang)
        for step in module.steps
        if (words := len(step_text(step).split())) > MAX_WORDS
    ]
    assert over == []
