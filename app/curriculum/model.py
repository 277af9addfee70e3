"""The content model: an immutable catalogue built once at start-up.

Requests only look things up here; nothing is parsed or rendered per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from markupsafe import Markup

from .exercises.base import Exercise
from .selfcheck.model import SelfCheck


@dataclass(frozen=True)
class Prose:
    html: Markup


Block = Prose | Exercise


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    number: int  # 1-based position in its module
    blocks: tuple[Block, ...]
    line: int = 0  # of its heading in the module's file, for authors' messages

    @cached_property  # looked up for every step of every module on the workbook page
    def exercises(self) -> tuple[Exercise, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Exercise))


@dataclass(frozen=True)
class Module:
    slug: str
    order: int
    title: str
    summary: str
    minutes: int
    objectives: tuple[str, ...]
    sources: tuple[str, ...]
    review: str
    intro: Markup
    steps: tuple[Step, ...]
    path: Path
    reviewed_in: str = ""  # YYYY-MM, with review == "reviewed"
    reviewed_by: str = ""  # the reviewer's role, never a name

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    @cached_property  # read on every save: which step each answer belongs to
    def step_of_exercise(self) -> Mapping[str, int]:
        return MappingProxyType({e.id: s.number for s in self.steps for e in s.exercises})

    def exercise(self, exercise_id: str) -> tuple[Step, Exercise] | None:
        for step in self.steps:
            for exercise in step.exercises:
                if exercise.id == exercise_id:
                    return step, exercise
        return None


@dataclass(frozen=True)
class Page:
    """A standalone page such as privacy or safety: Markdown with a title, no steps."""

    name: str
    title: str
    html: Markup


@dataclass(frozen=True)
class LocaleContent:
    locale: str
    modules: tuple[Module, ...]
    by_slug: Mapping[str, Module] = field(default_factory=lambda: MappingProxyType({}))
    pages: Mapping[str, Page] = field(default_factory=lambda: MappingProxyType({}))
    self_check: SelfCheck | None = None  # content/<lang>/self-check.md, where it exists

    @cached_property
    def positions(self) -> Mapping[str, int]:
        """Each module's index in ``modules``, by slug."""
        return MappingProxyType({module.slug: i for i, module in enumerate(self.modules)})

    @cached_property
    def by_number(self) -> Mapping[int, Module]:
        """Each module by its number (``order``), which its neutral address shows."""
        return MappingProxyType({module.order: module for module in self.modules})


@dataclass(frozen=True)
class Catalog:
    """Every module of every enabled locale, ordered, rendered and sanitised."""

    locales: Mapping[str, LocaleContent]

    def modules(self, locale: str) -> tuple[Module, ...]:
        return self.locales[locale].modules

    def module(self, locale: str, slug: str) -> Module | None:
        content = self.locales.get(locale)
        return content.by_slug.get(slug) if content else None

    def numbered(self, locale: str, number: int) -> Module | None:
        content = self.locales.get(locale)
        return content.by_number.get(number) if content else None

    def step(self, locale: str, slug: str, step_id: str) -> tuple[Module, Step] | None:
        module = self.module(locale, slug)
        step = module.step(step_id) if module else None
        return (module, step) if module and step else None

    def page(self, locale: str, name: str) -> Page | None:
        content = self.locales.get(locale)
        return content.pages.get(name) if content else None

    def self_check(self, locale: str) -> SelfCheck | None:
        content = self.locales.get(locale)
        return content.self_check if content else None

    def neighbours(self, locale: str, module: Module) -> tuple[Module | None, Module | None]:
        # Performance: a lookup by slug, not modules.index(module), which compares every earlier
        # module field by field (dataclass __eq__): 0.1-0.2 ms per step page with 1,000 modules.
        content = self.locales[locale]
        modules, index = content.modules, content.positions[module.slug]
        before = modules[index - 1] if index > 0 else None
        after = modules[index + 1] if index + 1 < len(modules) else None
        return before, after
