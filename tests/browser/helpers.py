"""What a visitor does in the browser: answer exercises through the real forms, keep, resume.

Everything here finds elements by ids and form actions, never by wording, so it works in every
language while translations change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# One step per exercise type, in the shipped curriculum (ids are the same in every language).
STEP_WITH = {
    "scale": "/m/1/2",  # and a reflection
    "balance": "/m/1/3",
    "list": "/m/1/4",
    "checklist": "/m/0/2",
    "myth-or-fact": "/m/0/3",
    "choice": "/m/0/4",
}
JOURNEY_MODULE = "motivation"  # every type but myth-or-fact, which is in "start"
JOURNEY_MODULE_NUMBER = 1  # its neutral address: /<lang>/m/1/

LABEL_OF_CHECKED = """(section) => Array.from(section.querySelectorAll('input:checked'))
  .map((input) => section.querySelector(`label[for="${input.id}"]`).textContent.trim())"""


SAVE = "form.step-form button[name=then][value=stay]"
SAVE_AND_CONTINUE = "form.step-form button[name=then][value=next]"
FORWARD = f"{SAVE_AND_CONTINUE}, a[rel=next]"  # the step's forward control, with or without a form


def save(page, exercise_id: str = "") -> None:
    """Press the step's "Save" button and wait for the page it leads to."""
    with page.expect_navigation():
        page.click(SAVE)


@dataclass
class Answers:
    """What was typed or chosen, by exercise id, as the workbook page should list it."""

    lang: str
    expected: dict[str, list[str]] = field(default_factory=dict)

    def text(self, name: str) -> str:
        # Free text in the visitor's language, with characters that must survive encryption.
        words = {"es": "Quiero vivir en paz, sin miedo: ñandú", "en": "I want a calm life: café"}
        return f"{words[self.lang]} ({name})"

    def choice(self, page, exercise_id: str, index: int) -> None:
        page.check(f"#ex-{exercise_id}-{index}")
        self.expected[exercise_id] = page.eval_on_selector(f"#ex-{exercise_id}", LABEL_OF_CHECKED)
        save(page, exercise_id)
        assert page.is_visible(f"#ex-{exercise_id} .feedback")

    def scale(self, page, exercise_id: str, value: int) -> None:
        page.check(f'#ex-{exercise_id} input[name="{exercise_id}.answer"][value="{value}"]')
        self.expected[exercise_id] = [str(value)]
        save(page, exercise_id)

    def reflection(self, page, exercise_id: str) -> None:
        text = self.text(exercise_id)
        page.fill(f"#ex-{exercise_id}-text", text)
        self.expected[exercise_id] = [text]
        save(page, exercise_id)

    def balance(self, page, exercise_id: str) -> None:
        cells = page.locator(f"#ex-{exercise_id} textarea")
        assert cells.count() == 4
        texts = []
        for index in range(4):
            texts.append(self.text(f"{exercise_id} {index + 1}"))
            cells.nth(index).fill(texts[-1])
        self.expected[exercise_id] = texts
        save(page, exercise_id)

    def listing(self, page, exercise_id: str, count: int) -> None:
        items = page.locator(f'#ex-{exercise_id} input[name="{exercise_id}.item"]')
        assert items.count() >= count
        texts = [self.text(f"{exercise_id} {index + 1}") for index in range(count)]
        for index, text in enumerate(texts):
            items.nth(index).fill(text)
        self.expected[exercise_id] = texts
        save(page, exercise_id)

    def checklist(self, page, exercise_id: str, indexes: tuple[int, ...]) -> None:
        for index in indexes:
            page.check(f"#ex-{exercise_id}-{index}")
        chosen = page.eval_on_selector(f"#ex-{exercise_id}", LABEL_OF_CHECKED)
        other = page.locator(f"#ex-{exercise_id}-other")
        if other.count():
            chosen.append(self.text(f"{exercise_id} other"))
            other.fill(chosen[-1])
        self.expected[exercise_id] = chosen
        save(page, exercise_id)

    def myth_or_fact(self, page, exercise_id: str, verdict: str) -> None:
        page.check(f"#ex-{exercise_id}-{verdict}")
        self.expected[exercise_id] = []  # shown as a verdict, checked on the step page
        save(page, exercise_id)
        assert page.is_visible(f"#ex-{exercise_id} .feedback")


MOTIVATION = {
    "stages": lambda a, p: a.choice(p, "my-stage", 1),
    "rulers": lambda a, p: (
        a.scale(p, "importance", 7),
        a.scale(p, "confidence", 4),
        a.reflection(p, "rulers-why"),
    ),
    "balance": lambda a, p: a.balance(p, "decisional-balance"),
    "my-reasons": lambda a, p: a.listing(p, "reasons", 3),
    "values": lambda a, p: (a.checklist(p, "values", (0, 2)), a.reflection(p, "values-and-change")),
}


def walk_motivation(page, origin: str, lang: str) -> Answers:
    """From the module's overview, through every step by its "next" link, answering all."""
    answers = Answers(lang)
    page.goto(f"{origin}/{lang}/m/{JOURNEY_MODULE_NUMBER}/")
    with page.expect_navigation():
        page.click("main a.button")  # "Begin"
    seen = []
    while "/done" not in page.url:
        number = page.url.split("#")[0].split("?")[0].rsplit("/", 1)[1]  # neutral: /m/1/<n>
        step_id = list(MOTIVATION)[int(number) - 1]
        seen.append(step_id)
        MOTIVATION[step_id](answers, page)
        with page.expect_navigation():
            page.click(FORWARD)
    assert seen == list(MOTIVATION), seen
    page.goto(f"{origin}/{lang}{STEP_WITH['myth-or-fact']}")
    answers.myth_or_fact(page, "thoughts-and-destiny", "myth")
    return answers


def answer_one(page, origin: str, lang: str) -> None:
    """Start a workbook the quickest way: one list answer (which also feeds the plan)."""
    page.goto(f"{origin}/{lang}{STEP_WITH['list']}")
    Answers(lang).listing(page, "reasons", 2)


def workbook_answers(page) -> dict[str, list[str]]:
    """The workbook page as {exercise id: lines shown}."""
    return page.eval_on_selector_all(
        "dl.answers dt",
        """(terms) => Object.fromEntries(terms.map((dt) => [
            dt.querySelector('a').hash.slice(4),
            Array.from(dt.nextElementSibling.querySelectorAll('p')).map((p) => p.textContent.trim()),
        ]))""",
    )


def every_answer(page, origin: str, lang: str) -> dict[str, list[str]]:
    """Every answer the workbook shows, read as a visitor would: the overview links each
    module to its answers page, opened one after the other."""
    page.goto(f"{origin}/{lang}/workbook")
    links = page.eval_on_selector_all("ul.module-answers a", "(links) => links.map((a) => a.href)")
    shown: dict[str, list[str]] = {}
    for link in links:
        page.goto(link)
        shown.update(workbook_answers(page))
    return shown


def keep(page, origin: str, lang: str) -> str:
    """Press "Keep my workbook" and read the passphrase it shows once."""
    page.goto(f"{origin}/{lang}/workbook")
    with page.expect_navigation():
        page.click('form[action$="/workbook/keep"] button[type=submit]')
    phrase = page.text_content(".passphrase strong").strip()
    assert len(phrase.split()) >= 6, phrase  # 80 bits: 7 English or 6 Spanish words
    return phrase


def resume(page, origin: str, lang: str, phrase: str) -> None:
    page.goto(f"{origin}/{lang}/resume")
    page.fill("#passphrase", phrase)
    with page.expect_navigation():
        page.click('form[action$="/resume"] button[type=submit]')


def check_in(page, origin: str, lang: str, note: str, urges: int = 3) -> None:
    """Fill the check-in form by clicking, as a visitor does, and save it."""
    page.goto(f"{origin}/{lang}/check-in")
    for ruler, value in (("importance", 7), ("confidence", 4), ("urges", urges)):
        page.check(f'input[name="{ruler}.answer"][value="{value}"]')
    page.check("#ex-skills-0")
    page.fill("#ex-note-text", note)
    with page.expect_navigation():
        page.click('form[action$="/check-in"] button[type=submit]')


def take_self_check(page, origin: str, lang: str, **answers: int) -> None:
    """Answer the self-check by clicking: each question id (``-`` written ``_``) with the
    position of its option, or its number on a scale; then send the one form."""
    page.goto(f"{origin}/{lang}/self-check")
    for question, value in answers.items():
        page.check(f'input[name="{question.replace("_", "-")}.answer"][value="{value}"]')
    with page.expect_navigation():
        page.click('form[action$="/self-check"] button[type=submit]')
