"""Nothing the curriculum says could hurt a visitor or a child: one answer to imminent risk, no
advice that reads as destroying evidence, no written admission, viewing CSAM never a lapse,
honest limits of confidentiality, and crisis lines where they are needed (issues 16 and 22)."""

from __future__ import annotations

import re

import pytest

from app.curriculum import CATALOG
from tests.content.conftest import (
    FACTS,
    LANGS,
    exercise_texts,
    module_text,
    plain,
    sentences,
    source_files,
    source_text,
    step_html,
    step_prose,
    step_text,
)
from tests.support.apps import SHIPPED_CONTENT
from tests.support.safety import IMMINENT, IMMINENT_ONLINE, STOP_IT_NOW_RULE_ES

CRISIS_NUMBERS = ("024", "116 123", "988", "112", "999", "911")

# --- Imminent risk: one wording, one destination -------------------------------------------

# Where an imminent-risk instruction starts, in whatever words: each must be the one wording.
STARTS = {
    "en": re.compile(r"get away from (?:the|a) (?:child|minor)|stop writing", re.I),
    "es": re.compile(r"al[eé]jate del? (?:niñ|menor)|deja de escribir", re.I),
}
# A suicide or emotional-crisis line: never where a child is at risk (their place is the
# visitor's own safety). The emergency numbers and prevention lines are the destinations.
SUICIDE_LINE = re.compile(
    r"\b024\b|116 123|\b988\b|717 003 717|Samaritans|crisis line|línea de crisis|suicid", re.I
)
# Steps that must answer imminent risk, and the pages a visitor reads it on.
MUST_ANSWER = [
    ("start", "where-am-i"),
    ("start", "help-now"),
    ("online-use", "contact-and-sharing"),
    ("sexual-thoughts", "professional-help"),
    ("self-compassion", "dark-thoughts"),
    ("relationships", "practice-with-people"),
    ("getting-help", "crisis"),
    ("disclosure", "what-others-pass-on"),
    ("staying-on-track", "strong-urges"),
    ("staying-on-track", "after-an-offence"),
]
MUST_ANSWER_ONLINE = [
    ("start", "help-now"),
    ("online-use", "contact-and-sharing"),
    ("getting-help", "crisis"),
    ("staying-on-track", "after-an-offence"),
]


@pytest.mark.parametrize("lang", LANGS)
def test_imminent_risk_has_one_wording_and_one_destination(catalog, shipped_app, lang):
    wordings = (IMMINENT[lang], IMMINENT_ONLINE[lang])
    found = 0
    for path in source_files(lang):
        for block in source_text(path).splitlines():
            for start in STARTS[lang].finditer(block):
                found += 1
                said = block[start.start() :].lower()
                assert said.startswith(wordings), (path.name, block[start.start() :][:160])
                # One destination: never a suicide line in the same paragraph or list item.
                assert not SUICIDE_LINE.search(block), (path.name, block[:160])
    assert found >= 18  # both wordings, in modules 0, 4, 5, 7, 9, 10, 11, 12 and "Right now"
    for slug, step_id in MUST_ANSWER:
        step = catalog.module(lang, slug).step(step_id)
        text = step_text(step).lower()
        assert IMMINENT[lang] in text, (slug, step_id)
        for number in ("112", "999", "911"):  # the emergency number, wherever the visitor is
            assert number in text, (slug, step_id, number)
    for slug, step_id in MUST_ANSWER_ONLINE:
        assert IMMINENT_ONLINE[lang] in step_text(catalog.module(lang, slug).step(step_id)).lower()
    # ... and the same words reach the pages a visitor reads, the Right now page included.
    client = shipped_app.test_client()
    for url in (
        f"/{lang}/modules/online-use/contact-and-sharing",
        f"/{lang}/now",
        f"/{lang}/easy/now",
        f"/{lang}/easy/start",
    ):
        page = " ".join(plain(client.get(url, follow_redirects=True).text).split()).lower()
        assert IMMINENT[lang] in page, url
        assert IMMINENT_ONLINE[lang] in page, url


def test_the_authoring_guide_states_the_one_destination():
    guide = (SHIPPED_CONTENT.parent / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert IMMINENT["en"] in " ".join(guide.split()).lower()


# --- Nothing that reads as destroying evidence ----------------------------------------------

DELETE = {
    "en": re.compile(
        r"\b(delet\w*|remov\w*|eras\w*|wip\w*|destroy\w*|uninstall\w*|get rid|clear (?:your|the|all))\b",
        re.I,
    ),
    "es": re.compile(
        r"\b(borr\w*|elimin\w*|destru(?:ir|y\w*)|desinstal\w*|deshaz\w*)\b",
        re.I,
    ),
}
NEGATED = {
    "en": re.compile(r"\b(nothing|not|never|no|don't)\b", re.I),
    "es": re.compile(r"\b(no|nada|nunca|ni)\b", re.I),
}
# What the visitor may delete: this site's own traces and their own workbook.
OWN_TRACES = re.compile(
    r"workbook|cuaderno|answers|respuestas|passphrase|two files|dos archivos|this site|"
    r"este sitio|papelera|bin or trash",
    re.I,
)


@pytest.mark.parametrize("lang", LANGS)
def test_no_advice_to_delete_anything_without_legal_advice(lang):
    """Deleting apps, accounts, contacts or files that may hold material or conversations can
    read as destroying evidence: say stop using, log out, block, and delete nothing without
    legal advice. Only this site's own traces may be deleted."""
    legal = "legal advice" if lang == "en" else "asesoramiento legal"
    said = 0
    for path in source_files(lang):
        for sentence in sentences(source_text(path)):
            if not DELETE[lang].search(sentence) or OWN_TRACES.search(sentence):
                continue
            assert NEGATED[lang].search(sentence), (path.name, sentence)
            said += legal in sentence
    assert said >= 4, said  # "delete nothing ... without legal advice" where devices come up


# --- Past offences: no written admission, nothing in the plan -------------------------------

OFFENCE_STEPS = [
    ("staying-on-track", "after-an-offence"),
    ("staying-on-track", "legal-and-services"),
]


@pytest.mark.parametrize("lang", LANGS)
def test_what_a_visitor_ticks_about_past_offences_is_private_and_never_in_the_plan(catalog, lang):
    for slug, step_id in OFFENCE_STEPS:
        step = catalog.module(lang, slug).step(step_id)
        assert step.exercises, step_id
        for exercise in step.exercises:
            assert exercise.private, exercise.id
            assert exercise.plan == "", exercise.id
            assert exercise.type in ("checklist", "myth-or-fact"), exercise.id  # no free text
            if exercise.type == "checklist":
                assert not exercise.other, exercise.id
                # Neutral options: next steps anyone might take, never an admission.
                admits = re.compile(r"again|never look|volver a mirar|de nuevo|otra vez", re.I)
                assert not [o for o in exercise.options if admits.search(o)], exercise.options
    private = {
        e.id for m in catalog.modules(lang) for s in m.steps for e in s.exercises if e.private
    }
    assert private == {"after-offence-next", "helpline-rule"}


def test_ticks_about_past_offences_reach_no_plan_download_or_print(shipped_app):
    client = shipped_app.test_client()
    for lang in LANGS:
        _, exercise = (
            CATALOG.of(shipped_app).module(lang, "staying-on-track").exercise("after-offence-next")
        )
        url = f"/{lang}/modules/staying-on-track/after-an-offence"
        saved = client.post(url, data={"after-offence-next.option": ["1", "3"], "then": "stay"})
        assert saved.status_code in (200, 303)
        ticked = [exercise.options[1], exercise.options[3]]
        assert all(
            t in client.get(url, follow_redirects=True).text for t in ticked
        )  # the visitor still sees them
        for page in ("workbook", "workbook/plan", "workbook/workbook.md", "workbook/plan.md"):
            shown = client.get(f"/{lang}/{page}")
            assert shown.status_code == 200, page
            assert not [t for t in ticked if t in shown.text], (lang, page)
        printed = client.get(f"/{lang}/modules/staying-on-track/print", follow_redirects=True).text
        assert exercise.prompt in printed
        assert "checked" not in printed.split(exercise.prompt)[1].split("</section>")[0]
    # The same answers, when not private, would show: the test can see them.
    client.post(
        "/en/modules/online-use/internet-plan",
        data={"internet-plan.item": ["Router filter", ""], "then": "stay"},
    )
    assert "Router filter" in client.get("/en/workbook/workbook.md").text


@pytest.mark.parametrize("lang", LANGS)
def test_the_already_offended_step_covers_each_situation(catalog, lang):
    module = catalog.module(lang, "staying-on-track")
    text = " ".join(step_text(module.step(s)) for s in ("after-an-offence", "legal-and-services"))
    needles = {
        "en": [
            "After viewing CSAM",
            "sexual chat with a minor",
            "child's safety comes first",
            "How can the child get that help?",
            "will pass them on to the appropriate agencies",
            "arrested",
            "Call a crisis line first",
            "under investigation or waiting for a court case",
            "Legal advice first",
            "Delete nothing",
            "legal advice",
            "under 18",
            "pass on details of any criminal offence",
        ],
        "es": [
            "Después de ver MASI",
            "conversación sexual",
            "Su seguridad va primero",
            "¿Cómo puede recibir esa ayuda?",
            "los comunicará a los organismos competentes",
            "detenido",
            "Llama primero a una línea de crisis",
            "te están investigando o esperas un juicio",
            "Primero, asesoramiento legal",
            "No borres nada",
            "asesoramiento legal",
            "menos de 18",
            "cualquier delito que hayas cometido",
        ],
    }[lang]
    for needle in needles:
        assert needle in text, needle
    for number in ("024", "116 123", "988"):
        assert number in text


ADMISSION = re.compile(
    r"what (did )?you (did|have done)|what did you do|describe what happened|what happened when|"
    r"a time when you acted|qué hiciste|lo que hiciste|describe lo que pasó|qué pasó cuando|"
    r"una vez en que actuaste",
    re.IGNORECASE,
)
# In the modules on online use and sexual thoughts, not even what was seen or shared.
ADMISSION_ONLINE = re.compile(
    r"what (did )?you (view|watch|look at|download|share|see)|"
    r"qué (miraste|viste|descargaste|compartiste)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("lang", LANGS)
def test_no_exercise_invites_a_written_admission(catalog, lang):
    for module in catalog.modules(lang):
        for step in module.steps:
            for exercise in step.exercises:
                asked = " ".join(exercise_texts(exercise))
                assert not ADMISSION.search(asked), (module.slug, exercise.id)
                if module.slug in ("online-use", "sexual-thoughts"):
                    assert not ADMISSION_ONLINE.search(asked), (module.slug, exercise.id)
    timeline = step_text(catalog.module(lang, "online-use").step("timeline"))
    assert ("Do not describe any material" if lang == "en" else "No describas ningún material") in (
        timeline
    )
    chain = step_text(catalog.module(lang, "pathway").step("my-chain"))
    assert ("I went online" in chain) if lang == "en" else ("me he conectado" in chain)
    planning = catalog.module(lang, "disclosure").step("planning-the-conversation")
    hint = planning.exercises[0].hint.lower()
    assert ("no names" in hint) if lang == "en" else ("sin nombres" in hint)
    _, words = catalog.module(lang, "self-compassion").exercise("words-to-myself")
    assert not re.search(r"first name|nombre de pila", words.prompt + words.hint, re.I)


# --- Viewing CSAM is an offence, never a lapse ----------------------------------------------

LAPSE = {"en": r"\b(lapse|lapses|lapsed|slip)\b", "es": r"\b(desliz|deslices|tropiezo)\b"}
CSAM = {"en": r"CSAM|child sexual abuse material", "es": r"MASI|material de abuso sexual"}
OFFENCE = {
    "en": r"offence|never a lapse|not a lapse|\b(lead|leads|led)\b",
    "es": r"delito|nunca es un desliz|no un desliz|llev",
}


@pytest.mark.parametrize("lang", LANGS)
def test_viewing_csam_is_never_called_a_lapse(catalog, lang):
    """A sentence that names both a lapse and CSAM must say it is an offence, or be about the
    bridge content that leads towards CSAM; in the modules on shame, relationships and
    disclosure the two never meet at all. A forum a lapse goes back to is a legal one."""
    texts = [module_text(m) for m in catalog.modules(lang)]
    texts += [source_text(p) for p in (SHIPPED_CONTENT / lang / "pages").glob("*.md")]
    for text in texts:
        for sentence in sentences(text):
            if re.search(LAPSE[lang], sentence, re.I) and re.search(CSAM[lang], sentence):
                assert re.search(OFFENCE[lang], sentence, re.I), sentence
    for slug in ("self-compassion", "relationships", "disclosure"):
        for sentence in sentences(module_text(catalog.module(lang, slug))):
            assert not (re.search(LAPSE[lang], sentence, re.I) and re.search(CSAM[lang], sentence))
    regulation = catalog.module(lang, "self-regulation")
    lapse = step_text(regulation.step("lapse-relapse"))
    assert re.search(r"never a lapse\. It is an offence|nunca es un desliz\. Es un delito", lapse)
    assert ("legal pornography forum" if lang == "en" else "foro de pornografía legal") in lapse
    _, quiz = regulation.exercise("lapse-quiz")
    assert not re.search(r"looked at CSAM|sin mirar MASI|\bdid\.|lo hizo", quiz.prompt)
    plan_step = step_text(catalog.module(lang, "online-use").step("internet-plan"))
    assert (
        "Viewing CSAM is never a lapse" if lang == "en" else "Mirar MASI nunca es un desliz"
    ) in (plan_step)
    not_chosen = step_prose(catalog.module(lang, "self-compassion").step("not-chosen"))
    assert ("It is an offence" if lang == "en" else "Es un delito") in not_chosen
    # Stages of change: slipping back is never said to be "part of the process".
    motivation = module_text(catalog.module(lang, "motivation"))
    assert not re.search(r"part of the process|parte del proceso", motivation)


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_now_page_sends_csam_viewing_to_the_after_offence_plan(lang):
    page = (SHIPPED_CONTENT / lang / "pages" / "now.md").read_text(encoding="utf-8")
    assert "module:staying-on-track/after-an-offence" in page
    assert "after-a-lapse" not in page  # viewing CSAM is an offence, never a lapse


# --- Confidentiality: Stop It Now's rule as facts.md has it ---------------------------------


def stop_it_now_rule_en() -> str:
    """The bold rule of Stop It Now UK & Ireland in docs/facts.md, without its leading 'but'."""
    facts = " ".join(FACTS.read_text(encoding="utf-8").split())
    row = facts.split("| UK & Ireland | Stop It Now", 1)[1]
    return re.search(r"\*\*but (.+?)\*\*", row).group(1)


@pytest.mark.parametrize("lang", LANGS)
def test_stop_it_now_is_stated_as_facts_has_it(catalog, lang):
    rule = stop_it_now_rule_en() if lang == "en" else STOP_IT_NOW_RULE_ES
    directory = (SHIPPED_CONTENT / lang / "help.yaml").read_text(encoding="utf-8")
    entries = [e for e in directory.split("- id: ")[1:] if "Stop It Now UK" in e]
    assert len(entries) == 2  # Great Britain and Ireland
    for entry in entries:
        assert rule in " ".join(entry.split()), entry[:40]
    # Nowhere does it say "may" or "some information": it will pass it on.
    softened = re.compile(
        r"may pass information|pass some information|service may pass|"
        r"el servicio puede comunicar|comunicará parte de la información"
    )
    for path in source_files(lang):
        assert not softened.search(source_text(path)), path.name
    for slug in ("online-use", "sexual-thoughts"):
        module = catalog.module(lang, slug)
        named = [s for s in module.steps if "Stop It Now UK" in step_text(s)]
        assert named, slug
        for step in named:
            assert ("will pass that on" if lang == "en" else "la comunicará") in step_text(step)
        assert any("stopitnow.org.uk/helpline" in s for s in module.sources), slug
    if lang == "es":  # "tú u otra persona estáis", never "están"
        assert "estáis en peligro" in directory
        assert "están en peligro" not in directory


# --- Crisis lines where they are needed, and the family page --------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_module_zero_opens_with_an_anonymous_check_that_routes_each_answer(
    shipped_app, catalog, lang
):
    start = catalog.module(lang, "start")
    first = start.steps[0]
    assert first.id == "where-am-i"
    check = first.exercises[0]
    assert (check.id, check.type) == ("where-am-i-now", "choice")
    assert len(check.feedback) == len(check.options) >= 5
    crisis, harm, stopping, _, under_18, _ = check.feedback
    for number in ("024", "116 123", "988", "112"):
        assert number in crisis
    assert "Stop It Now" in harm
    assert "18" in check.options[4]
    assert "024" in under_18
    offended = "If I have already offended" if lang == "en" else "Si ya he cometido un delito"
    assert offended in stopping

    page = shipped_app.test_client().get(f"/{lang}/modules/start/where-am-i", follow_redirects=True)
    assert page.status_code == 200
    assert f'href="/{lang}/now"' in page.text  # the "right now" page
    assert 'href="../../help"' in page.text
    assert ("under 18" if lang == "en" else "menos de 18 años") in page.text
    assert page.headers.get("Set-Cookie") is None  # reading the check sets no cookie


@pytest.mark.parametrize("lang", LANGS)
def test_choosing_crisis_in_the_check_shows_crisis_lines(shipped_app, lang):
    """Crisis on "where am I?" goes to the urgent part of Right now, whichever button."""
    client = shipped_app.test_client()
    for then in ("stay", "next"):
        routed = client.post(
            f"/{lang}/modules/start/where-am-i",
            data={"where-am-i-now.answer": "0", "then": then},
        )
        assert routed.status_code == 303
        assert routed.headers["Location"].endswith(f"/{lang}/now#urgent")
    urgent = client.get(f"/{lang}/now").text
    assert 'href="tel:024"' in urgent


@pytest.mark.parametrize("lang", LANGS)
def test_crisis_lines_are_named_where_suicide_comes_up(catalog, lang):
    step = catalog.module(lang, "self-compassion").step("dark-thoughts")
    text = step_prose(step)
    for number in CRISIS_NUMBERS:
        assert number in text, (lang, number)
    assert 'href="../../help"' in step_html(step)
    assert "18" in text  # a word for visitors under 18: crisis lines, a trusted adult, a doctor
    assert any(e.plan == "safety" for e in step.exercises)
    for slug in ("start", "getting-help"):
        html = "".join(step_html(s) for s in catalog.module(lang, slug).steps)
        for number in ("024", "116 123", "988", "112"):
            assert number in html, (lang, slug, number)


FAMILY = {
    "en": ["is a child at risk right now?", "112", "999", "911", "Never help to hide an offence",
           "legal advice", "If you found out, rather than were told", "will pass that on", "To confirm", "024", "116 123", "988"],
    "es": ["¿hay ahora mismo un niño o una niña en riesgo?", "112", "999", "911",
           "Nunca ayudes a ocultar un delito", "asesoramiento legal",
           "Si lo has descubierto, en vez de que te lo contara", "la comunicará",
           "Por confirmar", "024", "116 123", "988"],
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_the_family_page_puts_children_first(shipped_app, lang):
    client = shipped_app.test_client()
    page = client.get(f"/{lang}/family")
    assert page.status_code == 200
    assert "Set-Cookie" not in page.headers
    main = page.text.split('<main id="main"')[1].split("</main>")[0]
    text = " ".join(main.split())
    for needle in FAMILY[lang]:
        assert " ".join(needle.split()) in text, (lang, needle)
    # children's safety is the first thing it asks about, before any support for the reader
    assert text.index("112") < text.index("024")
    for forbidden in ("delete", "borra", "destr", "wipe"):
        assert forbidden not in text.lower(), (lang, forbidden)


@pytest.mark.parametrize("lang", LANGS)
def test_medication_is_named_only_in_general_terms_and_sent_to_a_doctor(catalog, lang):
    drugs = re.compile(
        r"cyproterone|ciproterona|leuprorel|triptorel|medroxyprogest|medroxiprogest|"
        r"androcur|depo-provera|\bGnRH\b|fluoxetin|sertralin|paroxetin|naltrexon|\bSSRIs?\b|\bISRS\b|"
        r"\d\s*mg\b|miligram|milligram",
        re.I,
    )
    for module in catalog.modules(lang):
        assert not drugs.search(module_text(module)), module.slug
    medication = step_text(catalog.module(lang, "sexual-thoughts").step("medication"))
    assert ("doctor" if lang == "en" else "médico") in medication
