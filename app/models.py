"""Every table, imported in one place so Alembic and tests see the whole schema."""

from .workbook.model import WorkbookRow

__all__ = ["WorkbookRow"]
