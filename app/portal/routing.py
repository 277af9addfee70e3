"""Where a step sends the visitor after saving, and what it says when they arrive.

An answer can send the visitor elsewhere (a choice's ``route:``: a crisis answer opens the
Right now page at its urgent part), whichever button they pressed. Otherwise "Save" comes back
to the same step with a note by the buttons, and "Save and continue" opens the next step with
the feedback of the step just left at its top: the visitor sees both where they are looking.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import render_template, request, url_for

from ..curriculum import Module, Step
from ..curriculum.render import PAGE_LINKS
from ..workbook.current import open_workbook

SAVED = "saved"  # query argument: back on the same step after "Save"
AFTER = "after"  # query argument: on the next step (or the module's end) after "Save and continue"
NOTICE_MARKERS = {SAVED: b"<!--notice:saved-->", AFTER: b"<!--notice:after-->"}


def routed_page(step: Step, chosen: Mapping[str, Any]) -> str | None:
    """The address of the page an answer on ``step`` sends the visitor to, if any."""
    for exercise in step.exercises:
        if exercise.id in chosen:
            target = exercise.routed_to(chosen[exercise.id])
            if target is not None:
                name, part = target
                return url_for("portal.home") + PAGE_LINKS[name] + (f"#{part}" if part else "")
    return None


def where_next(module: Module, current: Step, chosen: Mapping[str, Any], go_on: bool) -> str:
    """Where the visitor goes after saving ``current``; ``chosen`` holds its valid answers.

    A submission with nothing in it (the forward button pressed to skip a step) leads to the
    plain address, the public page every reader gets."""
    routed = routed_page(current, chosen)
    if routed is not None:
        return routed
    said: dict[str, Any] = {SAVED if not go_on else AFTER: 1} if chosen else {}
    if not go_on:
        return url_for("portal.step", slug=module.slug, step_id=current.id, _anchor=SAVED, **said)
    following = module.steps[current.number] if current.number < len(module.steps) else None
    if following is None:
        return url_for("portal.module_done", slug=module.slug, **said)
    return url_for("portal.step", slug=module.slug, step_id=following.id, **said)


def with_feedback(step: Step, answers: Mapping[str, Any]) -> list[str]:
    """What the answered exercises of ``step`` say about their answers."""
    said = (e.feedback_for(answers[e.id]) for e in step.exercises if e.id in answers)
    return [text for text in said if text]


def notice(kind: str, module: Module, current: Step, answers: Mapping[str, Any]) -> str:
    """The note for ``kind`` (SAVED or AFTER) on ``current``; empty when there is none."""
    if kind == SAVED:
        shown = with_feedback(current, answers)
    else:
        previous = module.steps[current.number - 2] if current.number > 1 else None
        shown = with_feedback(previous, answers) if previous else []
        if not shown:
            return ""
    workbook = open_workbook()
    kept = workbook is not None and workbook.kept
    return render_template(f"notices/{kind}.html", shown=shown, kept=kept)


def previous_step_feedback(module: Module, answers: Mapping[str, Any]) -> list[str]:
    """On the module's end page: the feedback of its last step, just saved."""
    return with_feedback(module.steps[-1], answers) if module.steps else []


def with_notice(page: bytes, module: Module, current: Step, answers: Mapping[str, Any]) -> bytes:
    """``page`` with the note asked for by the address (``?saved=1`` or ``?after=1``); none
    without a workbook, whatever the address says (nothing was saved)."""
    if open_workbook() is None:
        return page
    for kind, marker in NOTICE_MARKERS.items():
        if request.args.get(kind) == "1":
            page = page.replace(marker, notice(kind, module, current, answers).encode(), 1)
    return page
