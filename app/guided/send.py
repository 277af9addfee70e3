"""Sending a visitor's message and reading a visitor's conversations.

A message is sealed the moment it is composed, in the request that sends it: to the team's
public key (what counsellors open) and to the thread's public key (the visitor's own copy).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from ..curriculum import catalog
from ..workbook import store as workbook_store
from ..workbook.store import Workbook
from ..workbook.summary import shareable_answers
from . import store
from .crypto import Unreadable, new_key_pair, open_sealed, seal_to
from .sharing import MAX_TEXT_CHARS, Message, compose
from .team import load_team_key
from .threads import add_thread, thread_keys


class NoTeamKey(Exception):
    """The host has not made the team key yet (``flask counsel init-team``)."""


@dataclass(frozen=True)
class Draft:
    """What the form holds: nothing of it is stored until it is sealed."""

    text: str = ""
    modules: tuple[str, ...] = ()
    check_ins: bool = False
    thread: str = ""

    def problem(self) -> str:
        if not self.text.strip():
            return _("Write your message first.")
        if len(self.text) > MAX_TEXT_CHARS:
            return _(
                "Your message is longer than %(limit)d characters. Shorten it, or send it in two parts.",
                limit=MAX_TEXT_CHARS,
            )
        return ""

    def message(self, workbook: Workbook, locale: str) -> Message:
        # Private answers (about past offences) are never shared, as they never leave their page.
        answers = shareable_answers(catalog().modules(locale), workbook.answers)
        return compose(self.text, locale, answers, workbook.check_ins, self.modules,
                       self.check_ins)  # fmt: skip


def read_draft(form: MultiDict[str, str]) -> Draft:
    return Draft(
        text=form.get("text", "").replace("\r\n", "\n"),
        modules=tuple(dict.fromkeys(form.getlist("module")))[:100],
        check_ins=form.get("check_ins") == "yes",
        thread=form.get("thread", "")[:64],
    )


@dataclass(frozen=True)
class Sent:
    thread_id: str
    new_thread: bool


def send(db: Session, workbook: Workbook, draft: Draft, message: Message, today: date) -> Sent:
    team = load_team_key(db)
    if team is None:
        raise NoTeamKey
    found = store.thread(db, draft.thread) if draft.thread else None
    if found is None:
        # A new thread: its private key goes into the workbook first, so that a thread row
        # never exists that its visitor could not reach.
        pair, thread_id = new_key_pair(), store.new_thread_id()
        if workbook_store.change(db, workbook, add_thread(thread_id, pair.private), today) is None:
            raise workbook_store.Busy
        store.open_thread(db, thread_id, pair.public, today)
        found = store.thread(db, thread_id)
        assert found is not None
    plaintext = message.to_bytes()
    sealed = (seal_to(team.public, plaintext), seal_to(found.public_key, plaintext))
    store.add_message(db, found, False, sealed, today)
    return Sent(found.id, draft.thread != found.id)


@dataclass(frozen=True)
class Shown:
    """One message as a page shows it."""

    day: date
    from_counsellor: bool
    message: Message


@dataclass(frozen=True)
class Conversation:
    id: str
    closed: bool
    messages: list[Shown] = field(default_factory=list)


def conversation(db: Session, workbook: Workbook) -> list[Conversation]:
    """The visitor's threads that still exist, each message opened with the thread's key."""
    keys: Mapping[str, bytes] = thread_keys(workbook)
    found = []
    for row in store.existing(db, keys):
        shown = []
        for item in store.messages(db, row.id):
            try:
                opened = Message.from_bytes(open_sealed(keys[row.id], item.to_visitor))
            except Unreadable:
                continue
            shown.append(Shown(item.day, item.from_counsellor, opened))
        found.append(Conversation(row.id, row.closed, shown))
    return found
