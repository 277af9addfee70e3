"""The second edition's modules 4 (online use) and 5 (sexual thoughts): their shape, their
safety wording and their facts, in both languages, as the issue asks a clinician to find them."""

from __future__ import annotations

import dataclasses
import html
import re

import pytest

from app.curriculum import Prose, check_tree
from tests.support.apps import SHIPPED_CONTENT
from tests.support.safety import IMMINENT

# The figures of art. 189 that facts.md ("Law") allows: 1 to 5 years, art. 189.1. Every other
# number must be in the shipped help directory (built from facts.md) or in the module's sources.
LAW_FIGURES = {"189", "189.1", "1", "5"}
NEW = {"online-use": (4, "04-online-use.md"), "sexual-thoughts": (5, "05-sexual-thoughts.md")}
STEPS = {
    "online-use": [
        "timeline",
        "escalation",
        "compulsive-use",
        "drawn-and-generated",
        "contact-and-sharing",
        "viewing-and-touching",
        "internet-plan",
    ],
    "sexual-thoughts": [
        "attraction-not-behaviour",
        "fantasy",
        "masturbation",
        "preoccupation",
        "medication",
        "professional-help",
    ],
}
NOT_A_LAPSE = {"en": "Viewing CSAM is never a lapse", "es": "Mirar MASI nunca es un desliz"}
LAPSE = {"en": re.compile(r"\blapses?\b", re.I), "es": re.compile(r"\bdesl(iz|ices)\b", re.I)}
VIEWING = {"en": re.compile(r"CSAM|view", re.I), "es": re.compile(r"MASI|mirar", re.I)}
NEGATED = {
    "en": re.compile(r"\bnot\b|\bnever\b", re.I),
    "es": re.compile(r"\bno\b|\bnunca\b", re.I),
}
NUMBER = re.compile(r"\+?\d(?:[\d.\-]|\s(?=\d))*\d|\d")  # "717 003 717" is one number
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"»”]))\s+")


@pytest.fixture(scope="module")
def catalog():
    catalog, problems = check_tree(SHIPPED_CONTENT, ("es", "en"))
    assert problems.errors == [], "\n".join(map(str, problems.errors))
    return catalog


def plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", str(markup))).replace("\xa0", " ")


def exercise_texts(exercise) -> list[str]:
    """Everything a visitor reads in an exercise: its prompt, hint, options and feedback."""
    texts = []
    for field in dataclasses.fields(exercise):
        if field.name in {"id", "plan", "answer"}:
            continue
        value = getattr(exercise, field.name)
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            texts.extend(value)
    return [t for t in texts if t]


def step_text(step) -> str:
    parts = []
    for block in step.blocks:
        parts += [plain(block.html)] if isinstance(block, Prose) else exercise_texts(block)
    return re.sub(r"\s+", " ", " ".join(parts))


def module_text(module) -> str:
    return plain(module.intro) + " " + " ".join(step_text(s) for s in module.steps)


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s.strip()]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_new_modules_sit_between_pathway_and_self_regulation(catalog, lang):
    slugs = [m.slug for m in catalog.modules(lang)]
    at = slugs.index("pathway")
    assert slugs[at : at + 4] == ["pathway", "online-use", "sexual-thoughts", "self-regulation"]
    for slug, (order, filename) in NEW.items():
        module = catalog.module(lang, slug)
        assert (module.order, module.path.name, module.review) == (order, filename, "draft")


@pytest.mark.parametrize("slug", NEW)
def test_steps_have_stable_ids_and_each_ends_in_an_exercise(catalog, slug):
    english, spanish = catalog.module("en", slug), catalog.module("es", slug)
    for module in (english, spanish):
        assert [s.id for s in module.steps] == STEPS[slug]
        for step in module.steps:
            assert step.blocks[-1] is step.exercises[-1], step.id
    ids = [[(e.id, e.type, e.plan) for e in s.exercises] for s in english.steps]
    assert ids == [[(e.id, e.type, e.plan) for e in s.exercises] for s in spanish.steps]


def test_the_internet_use_plan_is_a_list_that_goes_into_the_plan(catalog):
    for lang in ("en", "es"):
        step, plan = catalog.module(lang, "online-use").exercise("internet-plan")
        assert (step.id, plan.type, plan.plan) == ("internet-plan", "list", "environment")
        plans = {e.plan for m in NEW for s in catalog.module(lang, m).steps for e in s.exercises}
        assert {"environment", "warning-signs", "coping", "next-steps"} <= plans


def test_the_internet_plan_answer_shows_up_in_the_visitors_plan(shipped_app):
    visitor = shipped_app.test_client()
    for lang, heading in (
        ("en", "Changes to my surroundings and devices"),
        ("es", "Cambios en mi entorno y mis dispositivos"),
    ):
        item = f"Filter on the router ({lang})"
        saved = visitor.post(
            f"/{lang}/m/4/7",
            data={"internet-plan.item": [item, ""], "then": "stay"},
        )
        assert saved.status_code in (200, 303), saved.status_code
        plan = visitor.get(f"/{lang}/workbook/plan").text
        assert heading in plan
        assert item in plan


@pytest.mark.parametrize("lang", ["en", "es"])
def test_imminent_risk_is_answered_with_the_one_safety_wording(catalog, lang):
    for slug, step_id in (
        ("online-use", "contact-and-sharing"),
        ("sexual-thoughts", "professional-help"),
    ):
        text = step_text(catalog.module(lang, slug).step(step_id))
        assert IMMINENT[lang] in text.lower(), (slug, step_id)
        for number in ("112", "999", "911"):
            assert number in text, (slug, step_id, number)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_imminent_risk_wording_is_on_the_page_a_visitor_reads(shipped_app, lang):
    page = shipped_app.test_client().get(f"/{lang}/m/4/5")
    assert page.status_code == 200
    assert IMMINENT[lang] in re.sub(r"\s+", " ", plain(page.text)).lower()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_viewing_csam_is_never_called_a_lapse(catalog, lang):
    for slug in NEW:
        text = module_text(catalog.module(lang, slug))
        for sentence in sentences(text):
            if LAPSE[lang].search(sentence) and VIEWING[lang].search(sentence):
                assert NEGATED[lang].search(sentence), (slug, sentence)
    plan_step = step_text(catalog.module(lang, "online-use").step("internet-plan"))
    assert NOT_A_LAPSE[lang] in plan_step


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_number_comes_from_facts_or_the_modules_own_sources(catalog, lang):
    directory = (SHIPPED_CONTENT / lang / "help.yaml").read_text(encoding="utf-8")
    for slug in NEW:
        module = catalog.module(lang, slug)
        allowed = LAW_FIGURES | set(NUMBER.findall(directory + " ".join(module.sources)))
        for number in NUMBER.findall(module_text(module)):
            assert number.rstrip(".") in allowed, (lang, slug, number)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_realistic_images_are_placed_under_article_189_with_its_source(catalog, lang):
    module = catalog.module(lang, "online-use")
    text = step_text(module.step("drawn-and-generated"))
    assert "189" in text
    assert ("realistic images" if lang == "en" else "imágenes realistas") in text
    assert ("not legal advice" if lang == "en" else "no asesoramiento legal") in text
    assert any("artículo 189" in source and "Iberley" in source for source in module.sources)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_stop_it_now_is_never_named_without_its_limits(catalog, lang):
    passes_on = "pass some information on" if lang == "en" else "comunicará parte de la información"
    named = 0
    for slug in NEW:
        module = catalog.module(lang, slug)
        for step in module.steps:
            text = step_text(step)
            if "Stop It Now UK" in text:
                named += 1
                assert passes_on in text, (slug, step.id)
                assert any("stopitnow.org.uk/helpline" in s for s in module.sources), slug
    assert named == 2


@pytest.mark.parametrize("lang", ["en", "es"])
def test_medication_is_named_only_in_general_terms_and_sent_to_a_doctor(catalog, lang):
    drugs = re.compile(
        r"cyproterone|ciproterona|leuprorel|triptorel|medroxyprogest|medroxiprogest|"
        r"androcur|depo-provera|\bGnRH\b|fluoxetin|sertralin|paroxetin|naltrexon|\bSSRIs?\b|\bISRS\b|"
        r"\d\s*mg\b|miligram|milligram",
        re.I,
    )
    for slug in NEW:
        assert not drugs.search(module_text(catalog.module(lang, slug))), slug
    medication = step_text(catalog.module(lang, "sexual-thoughts").step("medication"))
    assert ("doctor" if lang == "en" else "médico") in medication


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_online_timeline_asks_in_general_terms(catalog, lang):
    module = catalog.module(lang, "online-use")
    step = module.step("timeline")
    warning = "Do not describe any material" if lang == "en" else "No describas ningún material"
    assert warning in step_text(step)
    admission = {
        "en": re.compile(r"what (did )?you (view|watch|look at|download|share|see)", re.I),
        "es": re.compile(r"qué (miraste|viste|descargaste|compartiste)", re.I),
    }[lang]
    for slug in NEW:
        for step in catalog.module(lang, slug).steps:
            for exercise in step.exercises:
                asked = " ".join(exercise_texts(exercise))
                assert not admission.search(asked), (slug, exercise.id)


@pytest.mark.parametrize(
    ("lang", "slug", "step_id", "phrase"),
    [
        ("en", "online-use", "compulsive-use", "It is not a clinical test"),
        ("es", "online-use", "compulsive-use", "No es una prueba clínica"),
        ("en", "sexual-thoughts", "preoccupation", "They are not a clinical test"),
        ("es", "sexual-thoughts", "preoccupation", "No son una prueba clínica"),
    ],
)
def test_self_checks_say_they_are_not_a_clinical_test(catalog, lang, slug, step_id, phrase):
    step = catalog.module(lang, slug).step(step_id)
    assert phrase in step_text(step)
    assert [e.type for e in step.exercises] == ["checklist", "scale"]
    assert not any(e.is_counted for e in step.exercises)  # a self-check, never a tally


@pytest.mark.parametrize("lang", ["en", "es"])
def test_steps_open_in_varied_ways_and_sentences_stay_short(catalog, lang):
    opener = "This step" if lang == "en" else "Este paso"
    for slug in NEW:
        module = catalog.module(lang, slug)
        firsts = [plain(s.blocks[0].html).strip() for s in module.steps]
        assert not [f for f in firsts if f.startswith(opener)], slug
        assert len({f.split()[0] for f in firsts}) == len(firsts), slug
        prose = " ".join(
            plain(b.html) for s in module.steps for b in s.blocks if isinstance(b, Prose)
        )
        # List items are sentences too: split on line breaks as well as full stops.
        lengths = [
            len(s.split()) for line in prose.splitlines() for s in sentences(line) if s.split()
        ]
        assert max(lengths) <= 30, (slug, max(lengths))
        assert sum(lengths) / len(lengths) < 18, slug


def test_spanish_reads_as_spain_spanish_with_the_programmes_terms(catalog):
    unwanted = re.compile(
        r"\bcelular|\bcomputadora|\bvideos?\b|\bustedes\b|violación de la abstinencia|"
        r"pornografía infantil|\breglas?\b",
        re.I,
    )
    for slug in NEW:
        text = module_text(catalog.module("es", slug))
        assert not unwanted.search(text), (slug, unwanted.search(text).group(0))
        if "Buenas Vidas" in text:
            assert "modelo de las Buenas Vidas" in text
    english = module_text(catalog.module("en", "online-use"))
    assert "child pornography" not in english.lower()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_models_are_cited_in_full(catalog, lang):
    full = {
        "Seto 2013": "Seto, M. C. (2013). Internet sex offenders. Washington, DC: American "
        "Psychological Association.",
        "Ward & Hudson": "Ward, T., & Hudson, S. M. (1998). A model of the relapse process in "
        "sexual offenders. Journal of Interpersonal Violence, 13(6), 700-725.",
        "Good Lives": "Ward, T., & Gannon, T. A. (2006). Rehabilitation, etiology, and "
        "self-regulation: The comprehensive good lives model of treatment for sexual "
        "offenders. Aggression and Violent Behavior, 11(1), 77-94.",
    }
    for slug in NEW:
        module = catalog.module(lang, slug)
        for name, citation in full.items():
            assert citation in module.sources, (slug, name)
        text = module_text(module)
        assert "Seto, 2013" in text or "Seto (2013)" in text, slug
        assert "1998" in text, slug  # Ward & Hudson, named where it is used
        assert "2006" in text, slug  # the Good Lives Model, likewise
