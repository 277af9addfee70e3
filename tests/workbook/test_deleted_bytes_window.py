"""How long a deleted workbook's bytes stay in SQLite's files (issue 21, row 14): the delete
checkpoints the write-ahead log, waiting for a reader that still holds an older snapshot
(up to the busy timeout) instead of leaving the ciphertext in the -wal file behind it."""

from __future__ import annotations

import sqlite3
import threading
import time

from app.context import SETTINGS
from tests.support.visitor import answer
from tests.workbook.test_cycle import database_files, stored_ciphertext


def test_a_reader_holding_a_snapshot_does_not_keep_a_deleted_workbook_in_the_log(app):
    visitor = app.test_client()
    answer(visitor)
    ciphertext = stored_ciphertext(app)
    url = SETTINGS.of(app).database_url
    reader = sqlite3.connect(url.removeprefix("sqlite:///"), check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM workbooks").fetchone()  # holds its snapshot
    releaser = threading.Timer(1.0, reader.rollback)
    releaser.start()
    started = time.monotonic()
    try:
        assert visitor.post("/en/workbook/delete", data={"confirm": "yes"}).status_code == 200
    finally:
        releaser.join()
        reader.close()
    assert ciphertext not in database_files(url)
    assert time.monotonic() - started < 5  # the busy timeout bounds the wait
