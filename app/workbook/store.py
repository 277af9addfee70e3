"""Workbooks in the database: load, save, keep, delete and purge. No Flask here.

The plaintext is a JSON document ``{"v": 1, "answers": {module: {exercise: value}}}``; the
row holds only its ciphertext, the lookup id, a day-precision ``last_used`` and ``kept``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from .crypto import ServerKeys, Unreadable, WorkbookKeys, new_keys, seal, unseal
from .model import WorkbookRow

NEVER_KEPT_DAYS = 1  # deleted once a whole day has passed without use


@dataclass
class Workbook:
    keys: WorkbookKeys
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    kept: bool = False

    def set_answer(self, module: str, exercise: str, value: Any) -> None:
        self.answers.setdefault(module, {})[exercise] = value


def _plaintext(workbook: Workbook) -> bytes:
    return json.dumps({"v": 1, "answers": workbook.answers}, ensure_ascii=False).encode()


def load(db: Session, keys: WorkbookKeys) -> Workbook | None:
    """The workbook for ``keys``, or None if it does not exist (deleted or expired)."""
    row = db.get(WorkbookRow, keys.lookup_id)
    if row is None:
        return None
    data = json.loads(unseal(keys.data_key, row.ciphertext, keys.lookup_id))
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise Unreadable("unexpected workbook content")
    return Workbook(keys, data["answers"], row.kept)


def save(db: Session, workbook: Workbook, today: date) -> None:
    row = db.get(WorkbookRow, workbook.keys.lookup_id)
    ciphertext = seal(workbook.keys.data_key, _plaintext(workbook), workbook.keys.lookup_id)
    if row is None:
        db.add(
            WorkbookRow(
                lookup_id=workbook.keys.lookup_id,
                ciphertext=ciphertext,
                last_used=today,
                kept=workbook.kept,
            )
        )
    else:
        row.ciphertext, row.last_used, row.kept = ciphertext, today, workbook.kept
    db.commit()


def create(server: ServerKeys) -> Workbook:
    return Workbook(new_keys(server))


def rekey(db: Session, workbook: Workbook, keys: WorkbookKeys, today: date) -> Workbook:
    """Move a workbook under new keys (from a passphrase) and mark it kept; the old row goes."""
    kept = Workbook(keys, workbook.answers, kept=True)
    db.execute(delete(WorkbookRow).where(WorkbookRow.lookup_id == workbook.keys.lookup_id))
    save(db, kept, today)
    return kept


def touch(db: Session, keys: WorkbookKeys, today: date) -> None:
    row = db.get(WorkbookRow, keys.lookup_id)
    if row is not None and row.last_used != today:
        row.last_used = today
        db.commit()


def erase(db: Session, keys: WorkbookKeys) -> bool:
    result = db.execute(delete(WorkbookRow).where(WorkbookRow.lookup_id == keys.lookup_id))
    db.commit()
    return bool(getattr(result, "rowcount", 0))


def purge(db: Session, today: date, kept_days: int) -> int:
    """Delete never-kept workbooks unused for a whole day and kept ones past ``kept_days``."""
    result = db.execute(
        delete(WorkbookRow).where(
            or_(
                (WorkbookRow.kept.is_(False))
                & (WorkbookRow.last_used < today - timedelta(days=NEVER_KEPT_DAYS)),
                (WorkbookRow.kept.is_(True))
                & (WorkbookRow.last_used < today - timedelta(days=kept_days)),
            )
        )
    )
    db.commit()
    return int(getattr(result, "rowcount", 0))


def count(db: Session) -> int:
    return len(db.scalars(select(WorkbookRow.lookup_id)).all())
