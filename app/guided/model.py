"""Guided support's tables. No column holds plaintext, a visitor identifier or a time of day.

A thread is not linked to a workbook by anything the database can read: the visitor's
encrypted workbook holds the thread's id and private key; the thread row only its public key.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class TeamKeyRow(Base):
    """The one team key pair: the private half only under the team passphrase (Argon2id)."""

    __tablename__ = "guided_team_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # always 1
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    locked_private: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    salt: Mapped[bytes] = mapped_column(LargeBinary(16), nullable=False)
    opslimit: Mapped[int] = mapped_column(Integer, nullable=False)
    memlimit: Mapped[int] = mapped_column(Integer, nullable=False)


class CounsellorRow(Base):
    """A counsellor account, made from the command line. Staff, not visitors."""

    __tablename__ = "guided_counsellors"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200), nullable=False)
    # The TOTP secret, sealed under a key derived from the host's secret key.
    totp_sealed: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)


class CounsellorSessionRow(Base):
    """An open counsellor session. The cookie holds the team key under ``key``: deleting the
    row (signing out, the purge) makes the cookie worthless."""

    __tablename__ = "guided_sessions"

    id_hash: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    counsellor: Mapped[str] = mapped_column(String(64), nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)


class ThreadRow(Base):
    __tablename__ = "guided_threads"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random, hex
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    opened: Mapped[date] = mapped_column(Date, nullable=False)
    last_message: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    replied: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    closed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class MessageRow(Base):
    """One message, sealed twice: to the team's key and to the thread's key."""

    __tablename__ = "guided_messages"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random: rows carry no order
    thread_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("guided_threads.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)  # within its thread
    day: Mapped[date] = mapped_column(Date, nullable=False)
    from_counsellor: Mapped[bool] = mapped_column(Boolean, nullable=False)
    to_team: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    to_visitor: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
