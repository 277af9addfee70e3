"""``/healthz``: is the content loaded and the database reachable? No personal data."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .curriculum import catalog
from .db import engine


def report() -> tuple[dict[str, object], bool]:
    modules = {locale: len(content.modules) for locale, content in catalog().locales.items()}
    try:
        with engine().connect() as connection:
            connection.execute(text("SELECT 1"))
        database = "ok"
    except SQLAlchemyError:
        database = "unreachable"
    healthy = database == "ok" and all(modules.values())
    return {
        "status": "ok" if healthy else "degraded",
        "modules": modules,
        "database": database,
    }, healthy
