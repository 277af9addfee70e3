"""The voluntary outcome questions at the end of the programme, and how an answer is checked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Question:
    id: str
    text: object  # a lazy translated string
    answers: tuple[tuple[str, object], ...]  # (stored value, label)


QUESTIONS = (
    Question("helpful", _l("How helpful has this programme been for you?"), (
        ("very", _l("Very helpful")), ("somewhat", _l("Somewhat helpful")),
        ("little", _l("A little helpful")), ("not", _l("Not helpful")),
    )),
    Question("behaviour", _l("Since you started, has your use of child sexual abuse material, or the behaviour you are worried about..."), (
        ("stopped", _l("stopped")), ("decreased", _l("decreased")), ("same", _l("stayed the same")),
        ("increased", _l("increased")), ("not-applicable", _l("Does not apply to me")),
    )),
    Question("confidence", _l("How confident are you that you can keep the change? (0 = not at all, 10 = completely)"),
             tuple((str(n), str(n)) for n in range(11))),
    Question("professional", _l("Have you contacted a professional, or do you plan to?"), (
        ("contacted", _l("I have contacted one")), ("planning", _l("I plan to")),
        ("not-now", _l("Not now")),
    )),
)  # fmt: skip
BY_ID = {q.id: q for q in QUESTIONS}


class ForgedAnswer(ValueError):
    """An unknown question or value: someone did not use our form."""


def read_outcomes(form: Mapping[str, list[str]]) -> dict[str, str]:
    """The answered questions; unanswered ones are simply left out (every question is optional)."""
    answers = {}
    for name, values in form.items():
        question = BY_ID.get(name)
        if question is None or len(values) != 1:
            raise ForgedAnswer(name)
        if values[0] == "":
            continue
        if values[0] not in {value for value, _ in question.answers}:
            raise ForgedAnswer(name)
        answers[name] = values[0]
    return answers
