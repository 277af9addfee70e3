"""What the workbook store promises its callers, tested on its own functions against a real
SQLite database: what a workbook saved before parts still holds, where a forward left by keeping
leads (and from where it does not), what moving a workbook carries and what it must not lose to
a save made meanwhile, and how a save waits its turn.

The pages that use these paths are tested through the test client elsewhere
(test_workbooks_saved_before_parts.py, test_keep_once.py, test_key_rotation.py); these tests
pin each promise down where a planted bug cannot hide behind a page that shows only part of it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.db import ENGINE
from app.workbook import parts, store
from app.workbook.crypto import ServerKeys, Unreadable, WorkbookKeys, new_keys, seal
from app.workbook.model import WorkbookRow
from tests.support.sql import statements_on

SERVER = ServerKeys.from_secret("store-test-secret-key-long-enough-0123456789")
TODAY = date(2026, 12, 3)
LAST_WEEK = TODAY - timedelta(days=7)
KEPT_DAYS = 365
CHECK_IN = {"id": "c0ffee000001", "week": "2026-W47", "importance": 8, "confidence": 5,
            "urges": 1, "signs": ["tired"], "skills": ["walk"], "note": "Check-in note 4417"}  # fmt: skip
GUIDED = {"threads": {"t-31337": {"key": "private-key-of-a-thread"}}}
SELF_CHECK = {"week": "2026-W48", "answers": {"urges": "some"}, "route": "self-regulation"}


@pytest.fixture
def engine(app) -> Engine:
    return ENGINE.of(app)


@pytest.fixture
def db(engine):
    with Session(engine) as session:
        yield session


def row(engine: Engine, keys: WorkbookKeys):
    with engine.connect() as connection:
        return connection.execute(
            select(WorkbookRow.ciphertext, WorkbookRow.kept, WorkbookRow.last_used).where(
                WorkbookRow.lookup_id == keys.lookup_id
            )
        ).one_or_none()


def full_workbook(db: Session, day: date = LAST_WEEK) -> store.Workbook:
    """A stored workbook holding something of every kind: answers, a check-in, guided
    support's keys and a self-check."""

    def fill(workbook: store.Workbook) -> None:
        workbook.set_answer("sample", "thoughts", "Answer 9071")
        workbook.check_ins = [dict(CHECK_IN)]
        workbook.guided = json.loads(json.dumps(GUIDED))
        workbook.self_checks = [dict(SELF_CHECK)]

    written = store.change(db, store.create(SERVER), fill, day, new=True)
    assert written is not None
    return written


def holds_everything(workbook: store.Workbook | None) -> None:
    assert workbook is not None
    assert (workbook.answers.get("sample") or {}).get("thoughts") == "Answer 9071"
    assert workbook.check_ins == [CHECK_IN]
    assert workbook.guided == GUIDED
    assert workbook.self_checks == [SELF_CHECK]


def write_row(engine: Engine, keys: WorkbookKeys, document: object, kept: bool, day: date):
    """A row as the portal wrote it before parts: one JSON document under one seal."""
    sealed = seal(keys.data_key, json.dumps(document).encode(), keys.lookup_id)
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO workbooks (lookup_id, ciphertext, kept, last_used)"
                 " VALUES (:id, :c, :kept, :day)"),
            {"id": keys.lookup_id, "c": sealed, "kept": kept, "day": day},
        )  # fmt: skip


# A workbook saved before parts (format 1) ---------------------------------------------------


def test_a_workbook_saved_before_parts_opens_with_all_it_held_and_keeps_it_when_saved(engine, db):
    keys = new_keys(SERVER)
    forward_from = new_keys(SERVER).lookup_id
    document = {
        "v": 1,
        "answers": {"sample": {"thoughts": "Answer 9071"}},
        "check_ins": [CHECK_IN],
        "guided": GUIDED,
        "self_checks": [SELF_CHECK],
        # Kept just before the upgrade, its passphrase not shown yet.
        "pending": {"passphrase": "río-lento-sombra-claro", "from": forward_from.hex()},
    }
    write_row(engine, keys, document, kept=True, day=LAST_WEEK)

    opened = store.load(engine, keys)
    holds_everything(opened)
    assert opened is not None
    assert opened.kept is True
    assert opened.last_used == LAST_WEEK
    assert opened.pending_passphrase == "río-lento-sombra-claro"
    assert opened.forwarded_from == forward_from

    def add(workbook: store.Workbook) -> None:
        workbook.set_answer("sample", "feelings", "Second answer 5150")

    written = store.change(db, opened, add, TODAY)
    assert written is not None
    again = store.load(engine, keys)
    holds_everything(again)
    assert again is not None
    assert again.answers.get("sample")["feelings"] == "Second answer 5150"
    assert again.pending_passphrase == "río-lento-sombra-claro"
    assert again.forwarded_from == forward_from
    stored = row(engine, keys)
    assert parts.read_index(keys.data_key, keys.lookup_id, bytes(stored.ciphertext)) is not None
    assert stored.kept is True


def test_a_workbook_saved_before_parts_with_answers_only_opens_empty_of_the_rest(engine):
    keys = new_keys(SERVER)
    write_row(engine, keys, {"v": 1, "answers": {"sample": {"thoughts": "A"}}}, False, TODAY)
    opened = store.load(engine, keys)
    assert opened is not None
    assert opened.answers.get("sample") == {"thoughts": "A"}
    assert (opened.check_ins, opened.guided, opened.self_checks) == ([], {}, [])
    assert (opened.pending_passphrase, opened.forwarded_from) == ("", b"")
    assert opened.kept is False


@pytest.mark.parametrize(
    "document",
    [
        ["not", "a", "workbook"],
        {"answers": {}},
        {"v": 2, "answers": {}},
        {"v": 1},
        {"v": 1, "answers": ["a list"]},
        {"v": 1, "answers": {}, "check_ins": {"not": "a list"}},
        {"v": 1, "answers": {}, "pending": ["not", "a", "dict"]},
        {"v": 1, "answers": {}, "guided": ["not", "a", "dict"]},
        {"v": 1, "answers": {}, "self_checks": {"not": "a list"}},
    ],
    ids=["list", "no-version", "version-2", "no-answers", "answers-list", "check-ins",
         "pending", "guided", "self-checks"],
)  # fmt: skip
def test_an_old_workbook_of_the_wrong_shape_is_unreadable_never_a_crash(engine, document):
    keys = new_keys(SERVER)
    write_row(engine, keys, document, False, TODAY)
    with pytest.raises(Unreadable):
        store.load(engine, keys)


# Keeping: the forward, and where it leads -----------------------------------------------------


def test_keeping_moves_everything_and_leaves_a_forward_only_the_cookie_follows(engine, db):
    original = full_workbook(db)
    kept_keys = new_keys(SERVER)
    moved = store.rekey(db, original, kept_keys, TODAY, pending_passphrase="lento-río")
    holds_everything(moved)
    assert moved is not None
    assert moved.keys == kept_keys
    assert (moved.kept, moved.last_used) == (True, TODAY)
    assert (moved.pending_passphrase, moved.forwarded_from) == (
        "lento-río",
        original.keys.lookup_id,
    )

    stored = store.load(engine, kept_keys)
    holds_everything(stored)
    assert stored is not None
    assert (stored.kept, stored.last_used, stored.pending_passphrase) == (True, TODAY, "lento-río")

    # The old row is a forward now: unkept (the purge takes it within a day), dated today,
    # and holding none of the workbook.
    forward = row(engine, original.keys)
    assert (forward.kept, forward.last_used) == (False, TODAY)
    assert bytes(forward.ciphertext) != original.opened_from
    # A passphrase (which may be the leaked one being replaced) never follows it ...
    assert store.load(engine, original.keys) is None
    # ... the visitor's own cookie does: its browser may not have the new cookie yet.
    followed = store.load(engine, original.keys, follow=True)
    holds_everything(followed)
    assert followed is not None
    assert followed.keys == kept_keys
    assert followed.pending_passphrase == "lento-río"


def test_keep_sent_again_with_the_old_cookie_reaches_the_same_kept_workbook(engine, db):
    original = full_workbook(db)
    kept_keys = new_keys(SERVER)
    first = store.rekey(db, original, kept_keys, TODAY, pending_passphrase="lento-río")
    again = store.rekey(db, original, new_keys(SERVER), TODAY, pending_passphrase="otra-frase")
    assert first is not None
    assert again is not None
    assert again.keys == kept_keys
    assert again.pending_passphrase == "lento-río"
    holds_everything(again)


def test_once_the_passphrase_is_shown_it_and_the_forward_are_gone(engine, db):
    original = full_workbook(db)
    kept_keys = new_keys(SERVER)
    moved = store.rekey(db, original, kept_keys, TODAY, pending_passphrase="lento-río")
    assert moved is not None
    written = store.shown(db, moved, TODAY)
    assert written is not None
    assert (written.pending_passphrase, written.forwarded_from) == ("", b"")
    after = store.load(engine, kept_keys)
    holds_everything(after)
    assert after is not None
    assert (after.pending_passphrase, after.forwarded_from) == ("", b"")
    assert row(engine, original.keys) is None
    assert store.load(engine, original.keys, follow=True) is None


def test_replacing_the_passphrase_of_a_kept_workbook_leaves_an_unkept_forward(engine, db):
    first_keys, second_keys = new_keys(SERVER), new_keys(SERVER)
    kept = store.rekey(db, full_workbook(db), first_keys, LAST_WEEK, pending_passphrase="uno")
    assert kept is not None
    kept = store.shown(db, kept, LAST_WEEK)
    assert kept is not None
    assert row(engine, first_keys).kept is True
    replaced = store.rekey(db, kept, second_keys, TODAY, pending_passphrase="dos")
    holds_everything(replaced)
    forward = row(engine, first_keys)
    assert (forward.kept, forward.last_used) == (False, TODAY)  # not kept for a year


def test_a_forward_to_an_expired_workbook_leads_nowhere(engine, db):
    original = full_workbook(db)
    kept_keys = new_keys(SERVER)
    assert store.rekey(db, original, kept_keys, TODAY, pending_passphrase="p") is not None
    long_ago = TODAY - timedelta(days=KEPT_DAYS + 1)
    with engine.begin() as connection:
        connection.execute(
            update(WorkbookRow)
            .where(WorkbookRow.lookup_id == kept_keys.lookup_id)
            .values(last_used=long_ago)
        )
    assert store.load(engine, original.keys, (TODAY, KEPT_DAYS), follow=True) is None
    assert store.load(engine, original.keys, follow=True) is not None  # it is only expired


def test_a_forward_to_nothing_leads_nowhere(engine, db):
    original = full_workbook(db)
    kept_keys = new_keys(SERVER)
    assert store.rekey(db, original, kept_keys, TODAY, pending_passphrase="p") is not None
    store.erase(db, kept_keys)
    assert store.load(engine, original.keys, follow=True) is None


# Moving to fresh keys (a retired server key) ---------------------------------------------------


def test_moving_to_fresh_keys_carries_everything_and_leaves_no_forward(engine, db):
    original = full_workbook(db)
    fresh = new_keys(SERVER)
    moved = store.rekey(db, original, fresh, TODAY, kept=False)
    holds_everything(moved)
    assert moved is not None
    assert (moved.kept, moved.last_used) == (False, TODAY)
    assert (moved.pending_passphrase, moved.forwarded_from) == ("", b"")
    assert row(engine, original.keys) is None
    assert store.load(engine, original.keys, follow=True) is None
    holds_everything(store.load(engine, fresh))


def test_a_leftover_row_under_the_new_keys_gives_way_to_the_moved_workbook(engine, db):
    original = full_workbook(db)
    target = new_keys(SERVER)
    write_row(engine, target, {"v": 1, "answers": {"other": {"x": "leftover 2718"}}}, True, TODAY)
    moved = store.rekey(db, original, target, TODAY, pending_passphrase="p")
    assert moved is not None
    stored = store.load(engine, target)
    holds_everything(stored)
    assert stored is not None
    assert stored.answers.get("other") is None


def test_an_answer_saved_while_the_workbook_is_being_kept_is_in_the_kept_workbook(
    engine, db, monkeypatch
):
    """Another tab saves between keep's read and its write: keep must start again, not move
    the version it read and drop the newer answer with the old row."""
    original = full_workbook(db)
    read_row = store._read
    competed: list[bool] = []

    def read_then_another_tab_saves(*args, **kwargs):
        found = read_row(*args, **kwargs)
        if not competed:
            competed.append(True)
            other_tab = store.load(engine, original.keys)
            assert other_tab is not None
            with Session(engine) as other:
                store.change(other, other_tab, save_late_answer, TODAY)
        return found

    def save_late_answer(workbook: store.Workbook) -> None:
        workbook.set_answer("sample", "feelings", "Saved meanwhile 6174")

    monkeypatch.setattr(store, "_read", read_then_another_tab_saves)
    kept_keys = new_keys(SERVER)
    moved = store.rekey(db, original, kept_keys, TODAY, pending_passphrase="p")
    assert competed
    assert moved is not None
    stored = store.load(engine, kept_keys)
    holds_everything(stored)
    assert stored is not None
    assert stored.answers.get("sample")["feelings"] == "Saved meanwhile 6174"


# Saving ----------------------------------------------------------------------------------------


def test_a_save_returns_the_workbook_as_stored_today(engine, db):
    plain = full_workbook(db)
    written = store.change(db, plain, lambda w: w.set_answer("sample", "x", "y"), TODAY)
    assert written is not None
    assert (written.kept, written.last_used) == (False, TODAY)
    kept_keys = new_keys(SERVER)
    assert store.rekey(db, full_workbook(db), kept_keys, LAST_WEEK) is not None
    kept = store.load(engine, kept_keys)
    assert kept is not None
    written = store.change(db, kept, lambda w: w.set_answer("sample", "x", "z"), TODAY)
    assert written is not None
    assert (written.kept, written.last_used) == (True, TODAY)
    assert row(engine, kept_keys).last_used == TODAY


@pytest.mark.parametrize("saved_in_parts", [True, False], ids=["in-parts", "before-parts"])
def test_a_save_in_the_request_that_opened_the_workbook_does_not_read_it_again(
    app, db, saved_in_parts
):
    engine = ENGINE.of(app)
    original = full_workbook(db)
    if not saved_in_parts:
        original = store.Workbook(new_keys(SERVER))
        write_row(engine, original.keys, {"v": 1, "answers": {}}, False, TODAY)
    opened = store.load(engine, original.keys)
    assert opened is not None
    seen = statements_on(engine)
    assert store.change(db, opened, lambda w: w.set_answer("sample", "x", "y"), TODAY)
    reads = [s for s in seen if s.lstrip().upper().startswith("SELECT") and "workbooks" in s]
    writes = [s for s in seen if s.lstrip().upper().startswith("UPDATE workbooks".upper())]
    assert (len(reads), len(writes)) == (0, 1), seen


def locked(path: str) -> sqlite3.Connection:
    """Another writer holding SQLite's write lock (readers still read: the database is WAL)."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def impatient(sqlite_url: str) -> Engine:
    """The same database, giving up on a locked write after 50 ms instead of five seconds."""
    return create_engine(sqlite_url, connect_args={"timeout": 0.05})


def test_a_save_that_finds_the_database_locked_waits_its_turn_and_is_kept(app, sqlite_url, db):
    original = full_workbook(db)
    holder = locked(sqlite_url.removeprefix("sqlite:///"))
    calls: list[int] = []

    def edit(workbook: store.Workbook) -> None:
        calls.append(1)
        if len(calls) == 2:  # the first write failed on the lock: let the next one through
            holder.execute("COMMIT")
        workbook.set_answer("sample", "feelings", "Saved after the lock 1729")

    with Session(impatient(sqlite_url)) as session:
        written = store.change(session, original, edit, TODAY)
    holder.close()
    assert len(calls) == 2
    assert written is not None
    stored = store.load(ENGINE.of(app), original.keys)
    assert stored is not None
    assert stored.answers.get("sample")["feelings"] == "Saved after the lock 1729"


def test_a_save_that_keeps_losing_gives_up_busy_after_short_growing_waits(
    sqlite_url, db, monkeypatch
):
    original = full_workbook(db)
    waits: list[float] = []
    monkeypatch.setattr(store.time, "sleep", waits.append)
    holder = locked(sqlite_url.removeprefix("sqlite:///"))
    try:
        with Session(impatient(sqlite_url)) as session, pytest.raises(store.Busy):
            store.change(session, original, lambda w: w.set_answer("sample", "x", "y"), TODAY)
    finally:
        holder.close()
    assert len(waits) == store.MAX_ATTEMPTS
    for number, wait in enumerate(waits):
        assert 0 <= wait <= store.BACKOFF_SECONDS * number
    assert sum(waits) > 0  # jittered, not zero


# Reading -----------------------------------------------------------------------------------------


def test_a_driver_that_takes_named_parameters_reads_workbooks(sqlite_url, db):
    """psycopg (PostgreSQL) takes named parameters, SQLite's driver positional ones."""
    original = full_workbook(db)
    named = create_engine(sqlite_url, paramstyle="named")
    holds_everything(store.load(named, original.keys))


def test_an_unreachable_database_raises_sqlalchemys_own_error(tmp_path):
    missing = create_engine(f"sqlite:///{tmp_path / 'no' / 'such' / 'folder.db'}")
    with pytest.raises(OperationalError) as raised:
        store.load(missing, new_keys(SERVER))
    assert isinstance(raised.value.orig, sqlite3.OperationalError)
    assert "SELECT" in str(raised.value.statement)


def test_touching_a_workbook_dates_that_workbook_only(engine, db):
    one, other = full_workbook(db), full_workbook(db)
    store.touch(db, one.keys, TODAY)
    assert row(engine, one.keys).last_used == TODAY
    assert row(engine, other.keys).last_used == LAST_WEEK
