"""What a message shares, arranged as the workbook page arranges answers."""

from __future__ import annotations

from ..curriculum import catalog
from ..workbook.summary import Entry, workbook_entries
from .sharing import Message


def shared_entries(message: Message, fallback_locale: str) -> list[Entry]:
    """The shared answers in curriculum order, with the prompts in the visitor's language."""
    if not message.answers:
        return []
    locale = message.locale if message.locale in catalog().locales else fallback_locale
    return workbook_entries(catalog().modules(locale), message.answers)
