"""Turns validated raw modules and pages of one locale into the immutable content model."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from markupsafe import Markup

from ..authoring import Problems
from .model import LocaleContent, Module, Page, Prose, Step
from .parse import RawModule
from .render import Known, Renderer, page_prefix
from .validate import StepExercises


def line_of(text: str, needle: str) -> int:
    """Which line of ``text`` (0-based) holds ``needle``: where an author should look."""
    if needle:
        for offset, line in enumerate(text.splitlines()):
            if needle in line:
                return offset
    return 0


def known_addresses(raw: Mapping[str, RawModule]) -> Known:
    """Each module's number and its steps' numbers: what links resolve to (portal/addresses)."""
    return {
        slug: (_number(module), {s.id: n for n, s in enumerate(module.steps, start=1)})
        for slug, module in raw.items()
    }


def build_locale(
    locale: str,
    raw: Mapping[str, RawModule],
    exercises: Mapping[str, StepExercises],
    raw_pages: Mapping[str, RawModule],
    problems: Problems,
) -> LocaleContent:
    renderer = Renderer(known_addresses(raw))

    def render(text: str, line: int, path: Path, prefix: str | None = None) -> Markup:
        def report(message: str, needle: str) -> None:
            problems.error(path, line + line_of(text, needle), message)

        if prefix is None:
            return renderer.render(text, report)
        return renderer.render(text, report, prefix=prefix)

    modules = []
    for module in sorted(raw.values(), key=lambda m: (m.meta["order"], m.meta["slug"])):
        found = exercises[module.meta["slug"]]
        steps = []
        for number, step in enumerate(module.steps, start=1):
            by_line = dict(found.get(step.id, []))
            blocks = tuple(
                by_line[b.line] if b.is_exercise else Prose(render(b.text, b.line, module.path))
                for b in step.blocks
                if not b.is_exercise or b.line in by_line
            )
            steps.append(Step(step.id, step.title, number, blocks, step.line))
        meta = module.meta
        modules.append(
            Module(
                slug=meta["slug"],
                order=meta["order"],
                title=meta["title"].strip(),
                summary=meta["summary"].strip(),
                minutes=meta["minutes"],
                objectives=tuple(o.strip() for o in meta["objectives"]),
                sources=tuple(s.strip() for s in meta["sources"]),
                review=meta["review"],
                intro=render(module.intro.text, module.intro.line, module.path),
                steps=tuple(steps),
                path=module.path,
                reviewed_in=str(meta.get("reviewed_in", "")),
                reviewed_by=str(meta.get("reviewed_by", "")).strip(),
            )
        )
    pages = {
        name: Page(
            name,
            page.meta["title"].strip(),
            render(page.intro.text, page.intro.line, page.path, prefix=page_prefix(name)),
        )
        for name, page in raw_pages.items()
    }
    by_slug = MappingProxyType({m.slug: m for m in modules})
    return LocaleContent(locale, tuple(modules), by_slug, MappingProxyType(pages))


def _number(module: RawModule) -> int:
    """The module's number in its neutral address (its ``order``; 0 until that is valid)."""
    order = module.meta.get("order")
    return order if isinstance(order, int) and not isinstance(order, bool) else 0
