"""Every table, imported in one place so Alembic and tests see the whole schema."""

from .guided.model import CounsellorRow, CounsellorSessionRow, MessageRow, TeamKeyRow, ThreadRow
from .insight.model import DailyCount, WeeklyAnswer
from .workbook.model import WorkbookRow

__all__ = [
    "CounsellorRow",
    "CounsellorSessionRow",
    "DailyCount",
    "MessageRow",
    "TeamKeyRow",
    "ThreadRow",
    "WeeklyAnswer",
    "WorkbookRow",
]
