"""The mutation score of the privacy and safety core, as `make mutation` last measured it, is
current, at least GOAL per module, and every surviving mutant is explained.

`make mutation` is too slow for `make test`; this test is what keeps its result honest: a
module changed since it was measured fails here until `make mutation MODULE=<path>` runs again.
"""

from __future__ import annotations

import tomllib

import pytest

from tests.mutation.run import (
    BELOW_GOAL,
    GOAL,
    MODULES,
    NOT_MEASURED,
    STALE,
    SURVIVORS,
    source_hash,
)


def expected_to_fail(reasons: dict[str, str]) -> list:
    """MODULES, those listed in ``reasons`` marked as strict expected failures."""
    return [
        pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=reasons[m]))
        if m in reasons
        else m
        for m in MODULES
    ]


def recorded() -> dict:
    return tomllib.loads(SURVIVORS.read_text(encoding="utf-8"))["modules"]


@pytest.mark.parametrize("module", expected_to_fail(NOT_MEASURED | STALE))
def test_the_recorded_mutation_result_is_current(module):
    entry = recorded().get(module)
    assert entry is not None, f"{module} was never measured: run `make mutation MODULE={module}`"
    assert entry["source_sha256"] == source_hash(module), (
        f"{module} changed since its mutation score was measured: "
        f"run `make mutation MODULE={module}` and explain any new survivor"
    )


@pytest.mark.parametrize("module", expected_to_fail(NOT_MEASURED | BELOW_GOAL))
def test_each_module_kills_enough_mutants_and_explains_every_survivor(module):
    entry = recorded().get(module)
    assert entry is not None, f"{module} was never measured"
    survivors = entry.get("survivors", [])
    assert entry["mutants"] > 0
    assert entry["killed"] + len(survivors) == entry["mutants"]
    assert entry["score"] == round(100 * entry["killed"] / entry["mutants"], 1)
    assert entry["score"] >= GOAL, f"{module}: {entry['score']}% killed, the goal is {GOAL}%"
    unexplained = [s["mutant"] + "\n" + s["change"] for s in survivors if not s["why"].strip()]
    assert unexplained == [], "kill these with a test, or say why each is equivalent:\n" + (
        "\n".join(unexplained)
    )


def test_nothing_is_recorded_for_a_module_no_longer_measured():
    assert set(recorded()) <= set(MODULES)
