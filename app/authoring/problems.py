"""Problems found in content, collected and reported together as ``path:line: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    warning: bool = False
    to_confirm: bool = False  # a fact the host checks before going live (not a content fault)

    def __str__(self) -> str:
        kind = "to confirm: " if self.to_confirm else "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {kind}{self.message}"


@dataclass
class Problems:
    """A collector: loaders add to it and carry on, so an author sees every problem at once."""

    found: list[Problem] = field(default_factory=list)

    def error(self, path: Path, line: int, message: str) -> None:
        self.found.append(Problem(self._show(path), line, message))

    def warn(self, path: Path, line: int, message: str) -> None:
        self.found.append(Problem(self._show(path), line, message, warning=True))

    def confirm(self, path: Path, line: int, message: str) -> None:
        """Something only the host can check (is this service still running?): listed, and
        fatal only to ``flask content check --require-confirmed``."""
        self.found.append(Problem(self._show(path), line, message, warning=True, to_confirm=True))

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.found if not p.warning)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.found if p.warning and not p.to_confirm)

    @property
    def to_confirm(self) -> list[Problem]:
        return sorted(p for p in self.found if p.to_confirm)

    @staticmethod
    def _show(path: Path) -> str:
        return shown_path(path)


def shown_path(path: Path) -> str:
    """The path as an author would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class ContentError(Exception):
    """Raised after loading when content has errors; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
