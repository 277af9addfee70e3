"""`flask content check` scores each step's readability in its own language."""

from __future__ import annotations

import re

from tests.support.content import line_of, replace

PLAIN_EN = (
    "You are not alone. Many people have thoughts they do not want. "
    "You can learn to notice them. You can choose what you do next. "
    "Small steps help. Write down one thing that helped you last week. "
    "Then think of one thing you could try this week. Keep it short and simple."
)
HARD_EN = (
    "Notwithstanding considerable methodological heterogeneity, contemporary epidemiological "
    "investigations consistently demonstrate that psychotherapeutic interventions incorporating "
    "cognitive-behavioural methodologies substantially ameliorate psychological vulnerabilities, "
    "particularly among individuals experiencing persistent, intrusive, ego-dystonic sexual "
    "preoccupations, notwithstanding the inherent limitations characterising observational "
    "longitudinal investigations."
)
PLAIN_ES = (
    "No estás solo. Mucha gente tiene pensamientos que no quiere. "
    "Puedes aprender a verlos venir. Puedes elegir qué haces después. "
    "Los pasos pequeños ayudan. Escribe una cosa que te ayudó la semana pasada. "
    "Luego piensa en una cosa que puedes probar esta semana. Hazlo corto y sencillo."
)
HARD_ES = (
    "No obstante la considerable heterogeneidad metodológica, las investigaciones "
    "epidemiológicas contemporáneas demuestran sistemáticamente que las intervenciones "
    "psicoterapéuticas que incorporan metodologías cognitivo-conductuales reducen "
    "sustancialmente las vulnerabilidades psicológicas, particularmente entre individuos que "
    "experimentan preocupaciones sexuales persistentes, intrusivas y egodistónicas, pese a las "
    "limitaciones inherentes que caracterizan a las investigaciones longitudinales observacionales."
)


def check(runner, root, *options):
    return runner.invoke(args=["content", "check", str(root), *options])


def step_line(output: str, path, step_id: str) -> str:
    for line in output.splitlines():
        if line.strip().startswith(f"{path}:") and f"step {step_id!r}:" in line:
            return line
    raise AssertionError(f"no readability line for {step_id} of {path}:\n{output}")


def test_each_step_has_a_score_in_its_language_and_its_longest_sentences(runner, content_copy):
    english, spanish = content_copy / "en" / "01-sample.md", content_copy / "es" / "01-sample.md"
    replace(english, "Some **text** to read", PLAIN_EN)
    result = check(runner, content_copy)
    assert result.exit_code == 0, result.output
    line = step_line(result.output, english, "thinking")
    assert line.strip().startswith(f"{english}:{line_of(english, '{#thinking}')}:")
    assert "Flesch reading ease" in line
    assert re.search(r"longest sentences: \d+ words \"", line)
    assert "Szigriszt-Pazos" in step_line(result.output, spanish, "thinking")


def test_a_hard_step_is_a_warning_at_its_heading_and_fails_strict(runner, content_copy):
    english = content_copy / "en" / "01-sample.md"
    replace(english, "Some **text** to read", HARD_EN)
    result = check(runner, content_copy)
    assert result.exit_code == 0, result.output  # a warning, not an error
    expected = f"{english}:{line_of(english, '{#thinking}')}: warning: step 'thinking' is hard to read: Flesch reading ease"
    assert expected in result.output
    assert re.search(r"below 60 by \d+\.\d", result.output)
    assert check(runner, content_copy, "--strict").exit_code == 1


def test_spanish_is_judged_with_a_spanish_formula(runner, content_copy):
    spanish = content_copy / "es" / "01-sample.md"
    heading = line_of(spanish, "{#thinking}")
    replace(spanish, spanish.read_text(encoding="utf-8").splitlines()[heading + 1], HARD_ES)
    result = check(runner, content_copy)
    expected = f"{spanish}:{heading}: warning: step 'thinking' is hard to read: Szigriszt-Pazos"
    assert expected in result.output
    replace(spanish, HARD_ES, PLAIN_ES)
    result = check(runner, content_copy)
    assert "is hard to read" not in result.output
    assert "Szigriszt-Pazos" in step_line(result.output, spanish, "thinking")


def test_short_steps_are_scored_but_not_judged(runner, content_copy):
    result = check(runner, content_copy)
    assert "not judged under 40 words" in result.output
    assert "is hard to read" not in result.output


def test_the_shipped_curriculum_is_easy_enough_to_read_in_both_languages():
    from app.curriculum import check_tree
    from tests.support.apps import SHIPPED_CONTENT

    _, problems = check_tree(SHIPPED_CONTENT, ("es", "en"))
    hard = [str(w) for w in problems.warnings if "hard to read" in str(w)]
    assert hard == []


def test_the_preview_warm_up_leaves_every_step_scored(app):
    """The preview scores every step as it starts, so its first /review/ scores none."""
    from app.curriculum import CATALOG
    from app.curriculum.readability import measure, warm

    catalog = CATALOG.of(app)
    warm(catalog)
    before = measure.cache_info()
    steps = [
        (step, lang) for lang in catalog.locales for m in catalog.modules(lang) for step in m.steps
    ]
    for step, lang in steps:
        measure(step, lang)
    after = measure.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + len(steps)
