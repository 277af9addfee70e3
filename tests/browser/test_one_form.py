"""No answer is lost on a step: one form saves every exercise, "Save and continue" saves what
was typed, and with JavaScript, leaving with unsaved text asks first (but the quick exit never
waits). Checked in Chromium, with JavaScript on and off, on every multi-exercise step."""

from __future__ import annotations

import pytest

from app.curriculum import check_tree
from tests.browser.helpers import SAVE, SAVE_AND_CONTINUE
from tests.support.apps import SHIPPED_CONTENT

pytestmark = pytest.mark.browser

# Fills every field of every exercise on the page; returns what each field should show later.
FILL_EVERYTHING = """() => {
  const expected = [];
  document.querySelectorAll('form.step-form .exercise').forEach((exercise, n) => {
    exercise.querySelectorAll('textarea, input[type=text]').forEach((box, i) => {
      box.value = `typed ${exercise.id} ${i} ñ`;
      expected.push(['value', box.id, box.value]);
    });
    const groups = {};
    exercise.querySelectorAll('input[type=radio]').forEach((r) => { (groups[r.name] ||= []).push(r); });
    Object.values(groups).forEach((radios) => {
      const pick = radios[(n + 1) % radios.length];
      pick.checked = true;
      expected.push(['checked', pick.id || `${pick.name}=${pick.value}`, true]);
    });
    exercise.querySelectorAll('input[type=checkbox]').forEach((box, i) => {
      if (i % 2 === 0) { box.checked = true; expected.push(['checked', box.id, true]); }
    });
  });
  return expected;
}"""
SHOWS = """(expected) => expected.filter(([kind, key, value]) => {
  const el = document.getElementById(key) ||
    document.querySelector(`input[name="${key.split('=')[0]}"][value="${key.split('=')[1]}"]`);
  return !el || el[kind] !== value;
}).map(([kind, key]) => key)"""


def multi_exercise_steps(page, origin: str, lang: str) -> list[str]:
    """Every step of the shipped curriculum with two or more exercises, found through the pages."""
    page.goto(f"{origin}/{lang}/modules/")
    modules = page.eval_on_selector_all(
        "main a[href*='/m/']", "links => [...new Set(links.map(a => a.href))]"
    )
    steps = []
    for module in modules:
        page.goto(module)
        for step in page.eval_on_selector_all("main ol a", "links => links.map(a => a.href)"):
            steps.append(step)
    found = []
    for step in steps:
        page.goto(step)
        if page.locator("form.step-form .exercise").count() >= 2:
            found.append(step)
    return found


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_one_submit_keeps_every_answer_of_every_multi_exercise_step(
    portal, new_context, javascript
):
    page = new_context(javascript=True).new_page()
    steps = multi_exercise_steps(page, portal.origin, "en")
    catalog, _ = check_tree(SHIPPED_CONTENT, ("en",))
    assert len(steps) == sum(
        len(step.exercises) >= 2 for module in catalog.modules("en") for step in module.steps
    )
    visitor = new_context(javascript=javascript).new_page()
    lost = {}
    for step in steps:
        visitor.goto(step)
        # Without JavaScript, the browser's own input fills each field in turn.
        expected = visitor.evaluate(FILL_EVERYTHING) if javascript else fill_by_hand(visitor)
        with visitor.expect_navigation():
            visitor.click(SAVE)
        visitor.goto(step)
        missing = visitor.evaluate(SHOWS, expected)
        if missing:
            lost[step] = missing
    assert lost == {}


def fill_by_hand(page) -> list:
    expected = []
    exercises = page.locator("form.step-form .exercise")
    for n in range(exercises.count()):
        exercise = exercises.nth(n)
        exercise_id = exercise.get_attribute("id")
        boxes = exercise.locator("textarea, input[type=text]")
        for i in range(boxes.count()):
            text = f"typed {exercise_id} {i} ñ"
            boxes.nth(i).fill(text)
            expected.append(["value", boxes.nth(i).get_attribute("id"), text])
        radios = exercise.locator("input[type=radio]")
        if radios.count():
            pick = radios.nth((n + 1) % radios.count())
            pick.check()
            key = pick.get_attribute("id") or (
                f"{pick.get_attribute('name')}={pick.get_attribute('value')}"
            )
            expected.append(["checked", key, True])
        boxes = exercise.locator("input[type=checkbox]")
        for i in range(0, boxes.count(), 2):
            boxes.nth(i).check()
            expected.append(["checked", boxes.nth(i).get_attribute("id"), True])
    return expected


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_save_and_continue_keeps_what_was_typed(portal, new_context, javascript):
    page = new_context(javascript=javascript).new_page()
    page.goto(portal.url("/es/m/1/2"))
    page.fill("#ex-rulers-why-text", "Lo que escribí antes de seguir")
    with page.expect_navigation():
        page.click(SAVE_AND_CONTINUE)
    assert page.url.endswith("/es/m/1/3?after=1")  # the next step, with a note about the save
    page.goto(portal.url("/es/workbook/1"))  # module 1's answers in the workbook
    assert "Lo que escribí antes de seguir" in page.text_content("main")


def test_leaving_with_unsaved_text_asks_first(portal, new_context):
    page = new_context().new_page()
    page.goto(portal.url("/en/m/1/2"))
    page.fill("#ex-rulers-why-text", "not saved yet")
    asked = []

    def dismiss(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.click("a[rel=prev]")
    page.wait_for_timeout(300)
    assert asked == ["beforeunload"]
    assert page.url.endswith("/en/m/1/2")
    assert page.input_value("#ex-rulers-why-text") == "not saved yet"


def test_saving_and_the_quick_exit_are_never_held_up(portal, new_context):
    page = new_context().new_page()
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.goto(portal.url("/en/m/1/2"))
    page.fill("#ex-rulers-why-text", "saved by the button")
    with page.expect_navigation():
        page.click(SAVE)
    page.fill("#ex-rulers-why-text", "typed, then the quick exit")
    page.route("**/*", lambda route: route.fulfill(status=200, body="elsewhere"))
    with page.expect_navigation():
        page.click("#quick-exit")
    assert asked == []
    assert not page.url.startswith(portal.origin)
