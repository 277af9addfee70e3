"""Typed slots for what ``create_app()`` and each package's ``init_app`` attach to the app.

Each slot is declared once, next to the code that fills it, and read through ``get()``:
no string-keyed ``app.extensions`` lookups spread over the code. This module imports only
the settings, so every package can depend on it.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from flask import Flask, current_app

from .config import Settings

T = TypeVar("T")


class Slot(Generic[T]):
    """One thing attached to the application, such as the catalogue or the workbook keys."""

    def __init__(self, name: str) -> None:
        self.key = f"rumbo.{name}"

    def set(self, app: Flask, value: T) -> T:
        app.extensions[self.key] = value
        return value

    def of(self, app: Flask) -> T:
        value: T = app.extensions[self.key]
        return value

    def is_set(self, app: Flask) -> bool:
        return self.key in app.extensions

    def get(self) -> T:
        """The value for the application handling the current request or command."""
        return self.of(current_app)


SETTINGS: Slot[Settings] = Slot("settings")


def settings() -> Settings:
    return SETTINGS.get()
