"""The counsellors' side in the database: the team key, accounts and sessions. No Flask here.

Passwords are scrypt hashes (insight/password.py, the same parameters); TOTP secrets are
sealed under a key derived from the host's secret key; a session row holds the random key that
opens the team key its cookie carries (docs/guided.md, "Why a session works this way").
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

import pyotp
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..insight.password import hash_password, verify_password
from .crypto import LockedTeamKey, random_key, secret_open, secret_seal
from .model import CounsellorRow, CounsellorSessionRow, TeamKeyRow

SESSION_ID_BYTES = 32
SESSION_DAYS = 1  # a session ends when its day and the next are over, or at sign-out
# Checked when no account has the name, so a wrong name costs as much as a wrong password.
DUMMY_HASH = "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"


def server_totp_key(secret_key: str) -> bytes:
    return hmac.new(secret_key.encode(), b"rumbo guided totp key v1", hashlib.sha256).digest()


def load_team_key(db: Session) -> LockedTeamKey | None:
    row = db.get(TeamKeyRow, 1)
    if row is None:
        return None
    return LockedTeamKey(row.public_key, row.locked_private, row.salt, row.opslimit, row.memlimit)


def save_team_key(db: Session, locked: LockedTeamKey) -> None:
    db.execute(delete(TeamKeyRow))
    db.add(
        TeamKeyRow(
            id=1, public_key=locked.public, locked_private=locked.locked_private,
            salt=locked.salt, opslimit=locked.opslimit, memlimit=locked.memlimit,
        )
    )  # fmt: skip
    db.commit()


def add_counsellor(db: Session, name: str, password: str, totp_key: bytes) -> str:
    """Create or replace an account; returns its new TOTP secret (base32) to set up once."""
    totp_secret = pyotp.random_base32()
    db.execute(delete(CounsellorRow).where(CounsellorRow.name == name))
    db.add(
        CounsellorRow(
            name=name,
            password_hash=hash_password(password),
            totp_sealed=secret_seal(totp_key, totp_secret.encode()),
        )
    )
    db.commit()
    return totp_secret


def remove_counsellor(db: Session, name: str) -> bool:
    db.execute(delete(CounsellorSessionRow).where(CounsellorSessionRow.counsellor == name))
    result = db.execute(delete(CounsellorRow).where(CounsellorRow.name == name))
    db.commit()
    return bool(getattr(result, "rowcount", 0))


def counsellor_names(db: Session) -> list[str]:
    return list(db.scalars(select(CounsellorRow.name).order_by(CounsellorRow.name)))


def check_login(db: Session, name: str, password: str, code: str, totp_key: bytes) -> bool:
    """Password (scrypt, as costly for an unknown name) and the current TOTP code."""
    row = db.get(CounsellorRow, name)
    password_ok = verify_password(password, row.password_hash if row else DUMMY_HASH)
    if row is None or not password_ok:
        return False
    secret = secret_open(totp_key, row.totp_sealed).decode()
    return pyotp.TOTP(secret).verify(code.strip().replace(" ", ""), valid_window=1)


@dataclass(frozen=True)
class OpenSession:
    counsellor: str
    team_private: bytes


def _id_hash(session_id: bytes) -> bytes:
    return hashlib.sha256(session_id).digest()


def open_session(db: Session, counsellor: str, team_private: bytes, today: date) -> bytes:
    """A new session: its row, and the cookie value (id, then the team key under the row's key)."""
    session_id, key = secrets.token_bytes(SESSION_ID_BYTES), random_key()
    db.add(CounsellorSessionRow(id_hash=_id_hash(session_id), key=key, counsellor=counsellor,
                                day=today))  # fmt: skip
    db.commit()
    return session_id + secret_seal(key, team_private)


def read_session(db: Session, cookie: bytes, today: date) -> OpenSession | None:
    """The session a cookie names, while its row exists and is recent; None otherwise."""
    session_id, sealed = cookie[:SESSION_ID_BYTES], cookie[SESSION_ID_BYTES:]
    row = db.get(CounsellorSessionRow, _id_hash(session_id))
    if row is None or row.day < today - timedelta(days=SESSION_DAYS):
        return None
    return OpenSession(row.counsellor, secret_open(row.key, sealed))


def close_session(db: Session, cookie: bytes) -> None:
    db.execute(
        delete(CounsellorSessionRow).where(
            CounsellorSessionRow.id_hash == _id_hash(cookie[:SESSION_ID_BYTES])
        )
    )
    db.commit()


def purge_sessions(db: Session, today: date) -> int:
    result = db.execute(
        delete(CounsellorSessionRow).where(
            CounsellorSessionRow.day < today - timedelta(days=SESSION_DAYS)
        )
    )
    db.commit()
    return int(getattr(result, "rowcount", 0))
