"""Threads and messages in the database: only ciphertexts, random ids and days. No Flask here."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..workbook.store import forget_deleted
from .model import MessageRow, ThreadRow

MAX_MESSAGES_PER_THREAD = 200


class ThreadFull(Exception):
    """A thread reached its message limit: the caller answers 413, the text kept on the page."""


def new_thread_id() -> str:
    return secrets.token_hex(16)


def open_thread(db: Session, thread_id: str, public_key: bytes, today: date) -> None:
    db.add(ThreadRow(id=thread_id, public_key=public_key, opened=today, last_message=today))
    db.commit()


def thread(db: Session, thread_id: str) -> ThreadRow | None:
    return db.get(ThreadRow, thread_id)


@dataclass(frozen=True)
class Added:
    first_reply_days: int | None  # days from opening to this, the thread's first reply


def add_message(
    db: Session,
    found: ThreadRow,
    from_counsellor: bool,
    sealed: tuple[bytes, bytes],
    today: date,
) -> Added:
    """Store a message sealed (to the team, to the visitor); a visitor's message reopens a
    closed thread."""
    position = db.scalar(
        select(func.count()).select_from(MessageRow).where(MessageRow.thread_id == found.id)
    )
    if (position or 0) >= MAX_MESSAGES_PER_THREAD:
        raise ThreadFull
    to_team, to_visitor = sealed
    db.add(
        MessageRow(
            id=secrets.token_hex(16), thread_id=found.id, position=(position or 0) + 1,
            day=today, from_counsellor=from_counsellor, to_team=to_team, to_visitor=to_visitor,
        )
    )  # fmt: skip
    first = from_counsellor and not found.replied
    found.last_message = today
    if from_counsellor:
        found.replied = True
    else:
        found.closed = False
    db.commit()
    return Added((today - found.opened).days if first else None)


def messages(db: Session, thread_id: str) -> list[MessageRow]:
    return list(
        db.scalars(
            select(MessageRow)
            .where(MessageRow.thread_id == thread_id)
            .order_by(MessageRow.position)
        )
    )


def existing(db: Session, thread_ids: Iterable[str]) -> list[ThreadRow]:
    """The threads among ``thread_ids`` that still exist (the purge may have taken some)."""
    ids = list(thread_ids)
    if not ids:
        return []
    found = {row.id: row for row in db.scalars(select(ThreadRow).where(ThreadRow.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def inbox(db: Session) -> list[ThreadRow]:
    """Every thread, the most recently active first; ties in random-id order, never by time."""
    return list(db.scalars(select(ThreadRow).order_by(ThreadRow.last_message.desc(), ThreadRow.id)))


def close(db: Session, thread_id: str) -> bool:
    result = db.execute(update(ThreadRow).where(ThreadRow.id == thread_id).values(closed=True))
    db.commit()
    return bool(getattr(result, "rowcount", 0))


def delete_threads(db: Session, thread_ids: Iterable[str]) -> int:
    ids = list(thread_ids)
    if not ids:
        return 0
    db.execute(delete(MessageRow).where(MessageRow.thread_id.in_(ids)))
    result = db.execute(delete(ThreadRow).where(ThreadRow.id.in_(ids)))
    db.commit()
    forget_deleted(db)  # their ciphertexts leave SQLite's log too (workbook/store.py)
    return int(getattr(result, "rowcount", 0))


def purge(db: Session, today: date, retention_days: int) -> int:
    """Delete threads whose last message is more than ``retention_days`` days old."""
    cutoff = today - timedelta(days=retention_days)
    old = list(db.scalars(select(ThreadRow.id).where(ThreadRow.last_message < cutoff)))
    return delete_threads(db, old)
