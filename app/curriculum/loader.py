"""Loads a content tree: read every file, validate, then build an immutable :class:`Catalog`."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType

from ..authoring import ContentError, Problems
from .build import build_locale, known_addresses
from .exercises import Exercise, build_exercise
from .model import Catalog
from .parse import RawModule, read_module
from .render import Renderer
from .selfcheck import FILE_NAME, SelfCheck, compare_self_checks, read_self_check
from .validate import StepExercises, check_step_ids, compare_locales, valid_meta
from .validate import require_reviewed as check_reviewed

REQUIRED_PAGES = ("privacy", "safety", "now", "family", "young")


def load_catalog(content_dir: Path, locales: Iterable[str]) -> Catalog:
    """Load every enabled locale; raise :class:`ContentError` with every error found."""
    catalog, problems = check_tree(content_dir, locales)
    if problems.errors or catalog is None:
        raise ContentError(problems.errors)
    return catalog


def check_tree(
    content_dir: Path, locales: Iterable[str], require_reviewed: bool = False
) -> tuple[Catalog | None, Problems]:
    """Load and validate; return the catalogue (None on errors) and every problem found."""
    catalog, problems = draft_tree(content_dir, locales, require_reviewed)
    return (None if problems.errors else catalog), problems


def draft_tree(
    content_dir: Path, locales: Iterable[str], require_reviewed: bool = False
) -> tuple[Catalog, Problems]:
    """Load and validate, keeping whatever could be built even when there are errors.

    For authors only (the review pages of the preview): a file with errors may be missing or
    have steps and exercises left out; visitors only ever get what :func:`check_tree` accepts.
    """
    problems = Problems()
    raw: dict[str, dict[str, RawModule]] = {}
    for locale in locales:
        folder = content_dir / locale
        if not folder.is_dir():
            problems.error(folder, 0, f"content folder for enabled locale {locale!r} is missing")
            continue
        raw[locale] = read_modules(folder, problems)
    exercises = {
        (locale, slug): read_exercises(module, problems)
        for locale, modules in raw.items()
        for slug, module in modules.items()
    }
    compare_locales(raw, exercises, problems)
    pages = {locale: read_pages(content_dir / locale / "pages", problems) for locale in raw}
    if require_reviewed:
        for modules in raw.values():
            check_reviewed(modules, problems)
    built = {
        locale: build_locale(
            locale,
            modules,
            {slug: exercises[locale, slug] for slug in modules},
            pages[locale],
            problems,
        )
        for locale, modules in raw.items()
    }
    checks = read_self_checks(content_dir, raw, problems, require_reviewed)
    built = {
        locale: dataclasses.replace(content, self_check=checks[locale])
        for locale, content in built.items()
    }
    return Catalog(MappingProxyType(built)), problems


def read_self_checks(
    content_dir: Path,
    raw: Mapping[str, Mapping[str, RawModule]],
    problems: Problems,
    require_reviewed: bool = False,
) -> dict[str, SelfCheck | None]:
    """Each locale's self-check (None where the file is absent), the same in every locale."""
    found: dict[str, SelfCheck | None] = {}
    for locale, modules in raw.items():
        path = content_dir / locale / FILE_NAME
        found[locale] = (
            read_self_check(
                path,
                frozenset(modules),
                Renderer(known_addresses(modules)),
                problems,
                require_reviewed,
            )
            if path.is_file()
            else None
        )
    compare_self_checks(found, {locale: content_dir / locale for locale in raw}, problems)
    return found


def read_modules(folder: Path, problems: Problems) -> dict[str, RawModule]:
    """Every module file of one locale folder with valid front matter, by slug."""
    modules: dict[str, RawModule] = {}
    numbered: dict[int, RawModule] = {}  # by order, which is the module's address
    for path in sorted(folder.glob("*.md")):
        if path.name == FILE_NAME:  # the self-check, read by read_self_checks
            continue
        module = read_module(path, problems)
        if module is None or not valid_meta(module, problems):
            continue
        slug = module.meta["slug"]
        if slug in modules:
            problems.error(
                path,
                module.meta_lines["slug"],
                f"slug {slug!r} is also used by {modules[slug].path.name}",
            )
            continue
        order = module.meta["order"]
        if order in numbered:
            problems.error(
                path,
                module.meta_lines["order"],
                f"order {order} is also used by {numbered[order].path.name}: a module's order"
                f" is its address (/<lang>/m/{order}/), so each module needs its own",
            )
            continue
        modules[slug] = numbered[order] = module
        check_step_ids(module, problems)
    return modules


def read_exercises(module: RawModule, problems: Problems) -> StepExercises:
    """A module's exercises per step id, each with its block's line; ids unique per module."""
    found: dict[str, list[tuple[int, Exercise]]] = {}
    seen: set[str] = set()
    for step in module.steps:
        found[step.id] = []
        for block in step.blocks:
            if not block.is_exercise:
                continue
            exercise = build_exercise(block.text, module.path, block.line, problems)
            if exercise is None:
                continue
            if exercise.id in seen:
                problems.error(
                    module.path,
                    block.line,
                    f"exercise id {exercise.id!r} is used twice in this module",
                )
                continue
            seen.add(exercise.id)
            found[step.id].append((block.line, exercise))
    return found


def read_pages(folder: Path, problems: Problems) -> dict[str, RawModule]:
    """Standalone pages: front matter with a title, then Markdown without steps."""
    pages: dict[str, RawModule] = {}
    for path in sorted(folder.glob("*.md")):
        page = read_module(path, problems)
        if page is None:
            continue
        if set(page.meta) != {"title"} or not isinstance(page.meta["title"], str):
            problems.error(path, 2, "a page's front matter has only a 'title'")
        elif page.steps:
            problems.error(
                path, page.steps[0].line, "pages have no steps ('## ... {#id}' headings)"
            )
        else:
            pages[path.stem] = page
    for name in REQUIRED_PAGES:
        if name not in pages:
            problems.error(folder / f"{name}.md", 0, f"the {name!r} page is missing")
    return pages
