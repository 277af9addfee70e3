"""Guided support follows the workbook: deleting a workbook deletes its threads (their ids are
only in its ciphertext), and the workbook purge also purges old threads and sessions."""

from __future__ import annotations

from datetime import date

from flask import Flask

from .. import db
from ..context import SETTINGS, Slot
from ..workbook import events
from ..workbook.store import Workbook
from . import store, team
from .threads import thread_keys

ENABLED: Slot[bool] = Slot("guided_hooks")  # set on the apps with guided support on


def _erasing(app: Flask, workbook: Workbook) -> None:
    if ENABLED.is_set(app):
        store.delete_threads(db.session(), thread_keys(workbook))


def _purging(app: Flask, today: date) -> None:
    if ENABLED.is_set(app):
        store.purge(db.session(), today, SETTINGS.of(app).guided_retention_days)
        team.purge_sessions(db.session(), today)


def init_app(app: Flask) -> None:
    # Signals are process-wide: each receiver acts only for apps with guided support on.
    ENABLED.set(app, True)
    events.erasing.connect(_erasing)
    events.purging.connect(_purging)
