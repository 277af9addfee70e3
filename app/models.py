"""Every table, imported in one place so Alembic and tests see the whole schema."""

from .insight.model import DailyCount, WeeklyAnswer
from .workbook.model import WorkbookRow

__all__ = ["DailyCount", "WeeklyAnswer", "WorkbookRow"]
