"""The database: one engine per app, a session per request, models on one declarative base."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, g
from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from .config.instance import private_file
from .context import Slot, settings

# Named constraints let Alembic's batch mode alter tables on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


ENGINE: Slot[Engine] = Slot("engine")
SESSIONMAKER: Slot[sessionmaker[Session]] = Slot("sessionmaker")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        # 0600 before SQLite opens it: its -wal and -shm files take the same mode.
        private_file(Path(url.removeprefix("sqlite:///")))
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A server that does not answer at all (a dropped route) must not hold a request until
    # gunicorn kills the worker: "Right now" answers without the workbook (issue 21, row 1).
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


def _sqlite_pragmas(connection: DBAPIConnection, _record: object) -> None:
    cursor = connection.cursor()
    # WAL lets readers and the counter writer proceed together; secure_delete overwrites
    # deleted workbooks instead of leaving their ciphertext in free pages.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # After each checkpoint the log file shrinks back to nothing instead of keeping old pages.
    cursor.execute("PRAGMA journal_size_limit=0")
    cursor.close()


def engine() -> Engine:
    return ENGINE.get()


def engine_of(db: Session) -> Engine:
    """The engine a session is bound to (through a connection, if it is bound to one)."""
    return db.get_bind().engine


def session() -> Session:
    """The request's session, opened on first use and closed when the request ends."""
    if "db_session" not in g:
        g.db_session = SESSIONMAKER.get()()
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.close()


def init_app(app: Flask) -> None:
    """Open the database, or raise ConfigError saying in one line why it cannot be used."""
    from .database_errors import CONNECT_ERRORS, check_connection, connection_error

    with app.app_context():
        url = settings().database_url
    try:
        made = make_engine(url)
    except CONNECT_ERRORS as error:
        raise connection_error(url, error) from None
    check_connection(made)
    ENGINE.set(app, made)
    SESSIONMAKER.set(app, sessionmaker(made, expire_on_commit=False))
    app.teardown_appcontext(_close_session)
    from . import migrate

    migrate.init_app(app)
