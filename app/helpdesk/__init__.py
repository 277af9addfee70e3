"""The help directory: services per country and locale, and the crisis lines every page shows."""

from __future__ import annotations

from flask import Flask

from ..context import SETTINGS, Slot
from .crisis import CrisisLines, crisis_lines
from .directory import Country, HelpDirectory, Service, check_help, load_help
from .phones import PhoneLinker

HELP: Slot[HelpDirectory] = Slot("help")
CRISIS_LINES: Slot[CrisisLines] = Slot("crisis_lines")

__all__ = [
    "CRISIS_LINES", "HELP", "Country", "HelpDirectory", "Service", "check_help", "help_directory",
    "init_app", "load_help",
]  # fmt: skip


def help_directory() -> HelpDirectory:
    return HELP.get()


def init_app(app: Flask, directory: HelpDirectory) -> None:
    HELP.set(app, directory)
    # Performance: every page's footer lists the crisis lines of its locale. The directory
    # never changes after start-up: select them once per locale, not on every request.
    lines = CRISIS_LINES.set(app, crisis_lines(directory, SETTINGS.of(app).locales))
    app.jinja_env.globals["crisis_lines_for"] = lambda lang: lines.get(lang, ())
    # Every phone number the directory knows is a tel: link wherever content or feedback
    # names it: a visitor in a hard moment on a phone taps it instead of copying it.
    linker = PhoneLinker(
        s.phone for countries in directory.countries.values() for c in countries for s in c.services
    )
    app.jinja_env.filters["phone_links"] = linker.html
    app.jinja_env.filters["phone_text"] = linker.text
