"""The one table that holds workbooks: ciphertext and what is needed to find and expire it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class WorkbookRow(Base):
    """Nothing here identifies a visitor: no address, no agent, no time finer than a day."""

    __tablename__ = "workbooks"

    # HMAC of a secret only the visitor holds; the secret itself is never stored.
    lookup_id: Mapped[bytes] = mapped_column(LargeBinary(32), primary_key=True)
    # AES-GCM ciphertext of the answers, under a key derived from the same secret.
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    last_used: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    kept: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
