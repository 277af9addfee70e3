"""The check-in form: its questions, built from the content and the visitor's plan, and read.

The questions are exercises of the registry (scale, checklist, reflection), so they look, read
and report bad input exactly as on a step page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from ..curriculum import Exercise, Module
from ..curriculum.exercises.base import MAX_SHORT_CHARS
from ..curriculum.exercises.checklist import Checklist
from ..curriculum.exercises.reflection import Reflection
from ..curriculum.exercises.scale import Scale
from ..curriculum.rulers import starting_rulers
from ..curriculum.selfcheck import Question
from ..portal.form import StepForm, read_step
from ..workbook.checkins import RULERS, CheckIn, iso_week, new_id
from ..workbook.summary import workbook_entries

MAX_OWN_SIGNS = 20

SKILLS = (
    _l("Stopping and naming the urge: “this is an urge, it will pass”"),
    _l("Getting away from risk: putting the device down, leaving the room"),
    _l("Changing my body's state: cold water, a brisk walk, slow breathing"),
    _l("Letting the urge rise and pass without acting on it"),
    _l("Distracting myself with something from my list"),
    _l("Reaching out to a person or a helpline"),
    _l("Remembering my reasons"),
)
DEFAULT_SIGNS = (
    _l("Feeling lonely, low or stressed for days"),
    _l("Sleeping badly"),
    _l("Pulling away from people"),
    _l("Staying up late online alone"),
    _l("Going back to apps or sites I had left"),
    _l("Thoughts like “just this once”"),
)


@dataclass(frozen=True)
class CheckInForm:
    importance: Scale
    confidence: Scale
    urges: Scale
    signs: Checklist
    skills: Checklist
    note: Reflection
    own_signs: bool  # the warning signs are the visitor's own, from their plan
    # The self-check's tracked factors in short form (optional), by question id.
    factors: dict[str, Scale] = field(default_factory=dict)

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        rulers = (self.importance, self.confidence, self.urges)
        return (*rulers, *self.factors.values(), self.signs, self.skills, self.note)


def _scale(exercise_id: str, prompt: str, low: str, high: str) -> Scale:
    return Scale(id=exercise_id, prompt=prompt, min_label=low, max_label=high)


def own_warning_signs(
    modules: Sequence[Module], answers: Mapping[str, dict[str, Any]]
) -> list[str]:
    """The warning signs in the visitor's plan, each once, in plan order."""
    signs: dict[str, None] = {}
    for entry in workbook_entries(tuple(modules), answers):
        if entry.exercise.plan == "warning-signs":
            signs.update(
                (line.strip()[:MAX_SHORT_CHARS], None) for line in entry.lines if line.strip()
            )
    return list(signs)[:MAX_OWN_SIGNS]


def check_in_form(
    modules: Sequence[Module],
    answers: Mapping[str, dict[str, Any]],
    tracked: Sequence[Question] = (),
) -> CheckInForm:
    found = starting_rulers(modules)
    importance = found.scales["importance"] if found else None
    confidence = found.scales["confidence"] if found else None
    own = own_warning_signs(modules, answers)
    return CheckInForm(
        importance=importance
        or _scale(
            "importance",
            _("How important is it for you to change, right now?"),
            _("Not important at all"),
            _("The most important thing"),
        ),
        confidence=confidence
        or _scale(
            "confidence",
            _("How confident are you that you can change, if you decide to?"),
            _("Not confident at all"),
            _("Completely confident"),
        ),
        urges=_scale(
            "urges",
            _("How strong have your urges been since your last check-in?"),
            _("No urges at all"),
            _("As strong as they have ever been"),
        ),
        signs=Checklist(
            id="signs",
            prompt=_("Which of your warning signs have you noticed?")
            if own
            else _("Have you noticed any of these warning signs?"),
            hint=_("Tick any that apply. Leave them all empty if you noticed none."),
            options=tuple(own) or tuple(str(sign) for sign in DEFAULT_SIGNS),
            other=True,
        ),
        skills=Checklist(
            id="skills",
            prompt=_("Which skills helped?"),
            hint=_("Tick any that apply."),
            options=tuple(str(skill) for skill in SKILLS),
            other=True,
        ),
        note=Reflection(
            id="note",
            prompt=_("A short note to yourself about these weeks (optional)"),
            hint=_("What went well, what was hard, what you want to try next."),
        ),
        own_signs=bool(own),
        factors={q.id: q.short for q in tracked if q.short is not None},
    )


@dataclass(frozen=True)
class ReadCheckIn:
    check_in: CheckIn | None  # None when something must be corrected first
    form: StepForm  # what was typed and what was wrong, to show back


def read_check_in(
    form: CheckInForm, data: MultiDict[str, str], today_week: str, max_chars: int
) -> ReadCheckIn:
    read = read_step(form.exercises, data, max_chars)
    for ruler in RULERS:
        if ruler not in read.values and ruler not in read.errors:
            read.errors[ruler] = _("Choose a number on the scale.")
    if read.errors or read.foreign:
        return ReadCheckIn(None, read)
    values = read.values
    check_in = CheckIn(
        new_id(),
        today_week,
        values["importance"],
        values["confidence"],
        values["urges"],
        signs=tuple(form.signs.lines(values["signs"])) if "signs" in values else (),
        skills=tuple(form.skills.lines(values["skills"])) if "skills" in values else (),
        note=values.get("note", ""),
        factors={
            question: values[scale.id]
            for question, scale in form.factors.items()
            if scale.id in values
        },
    )
    return ReadCheckIn(check_in, read)


__all__ = ["CheckInForm", "ReadCheckIn", "check_in_form", "iso_week", "read_check_in"]
