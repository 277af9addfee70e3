"""Aggregate counts only. No column here can hold an identifier, a time of day or free text."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class DailyCount(Base):
    """How many times something happened on a day: one row per (day, locale, module, step, event).
    Events about a module or step are kept per week: ``day`` is then the week's Monday."""

    __tablename__ = "daily_counts"
    # On SQLite, rows lie in key order: their storage never tells in what order cells appeared.
    __table_args__ = ({"sqlite_with_rowid": False},)

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    locale: Mapped[str] = mapped_column(String(16), primary_key=True)
    module: Mapped[str] = mapped_column(String(64), primary_key=True)  # "" when not about a module
    step: Mapped[str] = mapped_column(String(64), primary_key=True)  # "" when not about a step
    event: Mapped[str] = mapped_column(String(32), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class WeeklyAnswer(Base):
    """How many times an answer was given in a week: outcome questions and rulers, never pairs."""

    __tablename__ = "weekly_answers"
    __table_args__ = ({"sqlite_with_rowid": False},)

    week: Mapped[date] = mapped_column(Date, primary_key=True)  # the Monday of the week
    locale: Mapped[str] = mapped_column(String(16), primary_key=True)
    question: Mapped[str] = mapped_column(String(96), primary_key=True)
    answer: Mapped[str] = mapped_column(String(32), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
