"""Loads, validates and renders the whole content tree into an immutable :class:`Catalog`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .exercises import build_exercise
from .model import Catalog, Exercise, LocaleContent, Module, Page, Prose, Step
from .parse import ID, RawModule, read_module
from .problems import ContentError, Problems
from .render import Renderer
from .render_cache import RenderCache

REQUIRED_META = ("slug", "order", "title", "summary", "minutes", "objectives", "sources", "review")
REVIEW_STATES = ("draft", "reviewed")
REQUIRED_PAGES = ("privacy", "safety")


def load_catalog(
    content_dir: Path, locales: Iterable[str], cache: RenderCache | None = None
) -> Catalog:
    """Load every enabled locale; raise :class:`ContentError` with every error found."""
    catalog, problems = check_tree(content_dir, locales, cache=cache)
    if problems.errors or catalog is None:
        raise ContentError(problems.errors)
    return catalog


def check_tree(
    content_dir: Path,
    locales: Iterable[str],
    require_reviewed: bool = False,
    cache: RenderCache | None = None,
) -> tuple[Catalog | None, Problems]:
    """Load and validate; return the catalogue (None on errors) and every problem found."""
    problems = Problems(root=content_dir)
    locales = tuple(locales)
    raw: dict[str, dict[str, RawModule]] = {}
    for locale in locales:
        folder = content_dir / locale
        if not folder.is_dir():
            problems.error(folder, 0, f"content folder for enabled locale {locale!r} is missing")
            continue
        raw[locale] = _read_locale(folder, problems)
    _compare_locales(raw, problems)
    pages = {locale: _read_pages(content_dir / locale / "pages", problems) for locale in raw}
    if require_reviewed:
        for modules in raw.values():
            for module in modules.values():
                if module.meta.get("review") != "reviewed":
                    line = module.meta_lines.get("review", 1)
                    problems.error(module.path, line, "module is still a draft (review: draft)")
    built = {
        locale: _build_locale(locale, modules, pages[locale], problems, cache)
        for locale, modules in raw.items()
    }
    if problems.errors:
        return None, problems
    return Catalog(MappingProxyType(built)), problems


def _read_locale(folder: Path, problems: Problems) -> dict[str, RawModule]:
    modules: dict[str, RawModule] = {}
    for path in sorted(folder.glob("*.md")):
        module = read_module(path, problems)
        if module is None or not _valid_meta(module, problems):
            continue
        slug = module.meta["slug"]
        if slug in modules:
            problems.error(
                path,
                module.meta_lines["slug"],
                f"slug {slug!r} is also used by {modules[slug].path.name}",
            )
            continue
        modules[slug] = module
        _check_ids(module, problems)
    return modules


def _valid_meta(module: RawModule, problems: Problems) -> bool:
    meta, lines, path = module.meta, module.meta_lines, module.path
    before = len(problems.errors)

    def error(key: str, message: str) -> None:
        problems.error(path, lines.get(key, 1), message)

    for key in REQUIRED_META:
        if key not in meta:
            error(key, f"front matter is missing {key!r}")
    for key in sorted(set(meta) - set(REQUIRED_META)):
        error(key, f"unknown front matter key {key!r}")
    if "slug" in meta and not (isinstance(meta["slug"], str) and ID.match(meta["slug"])):
        error("slug", "'slug' must use a-z, 0-9 and '-'")
    for key, low, high in (("order", 0, 999), ("minutes", 1, 600)):
        value = meta.get(key, low)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            error(key, f"{key!r} must be a whole number from {low} to {high}")
    for key in ("title", "summary"):
        if key in meta and not (isinstance(meta[key], str) and meta[key].strip()):
            error(key, f"{key!r} must be non-empty text")
    for key in ("objectives", "sources"):
        value = meta.get(key, [""])
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            error(key, f"{key!r} must be a list of texts ('  - ...' lines)")
    if "review" in meta and meta["review"] not in REVIEW_STATES:
        error("review", "'review' must be 'draft' or 'reviewed'")
    return len(problems.errors) == before


def _check_ids(module: RawModule, problems: Problems) -> None:
    if not module.steps:
        problems.error(
            module.path, module.intro.line, "module has no steps ('## Title {#id}' headings)"
        )
    seen_steps: set[str] = set()
    for step in module.steps:
        if step.id in seen_steps:
            problems.error(
                module.path, step.line, f"step id {step.id!r} is used twice in this module"
            )
        seen_steps.add(step.id)


def _exercises(module: RawModule, problems: Problems) -> dict[str, list[tuple[int, Exercise]]]:
    """Exercises per step id, parsed once and kept on the raw module."""
    if module.exercises is not None:
        return module.exercises
    found: dict[str, list[tuple[int, Exercise]]] = {}
    seen: set[str] = set()
    for step in module.steps:
        found[step.id] = []
        for block in step.blocks:
            if not block.is_exercise:
                continue
            exercise = build_exercise(block, module.path, problems)
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
    module.exercises = found
    return found


def _compare_locales(raw: dict[str, dict[str, RawModule]], problems: Problems) -> None:
    """Every module, step and exercise must exist in every locale, with the same ids and shape."""
    for locale, modules in raw.items():
        for other, other_modules in raw.items():
            if other == locale:
                continue
            for slug, module in modules.items():
                twin = other_modules.get(slug)
                if twin is None:
                    problems.error(
                        module.path,
                        module.meta_lines.get("slug", 1),
                        f"module {slug!r} exists in {locale} but not in {other}",
                    )
                    continue
                _compare_modules(locale, module, other, twin, problems)


def _compare_modules(
    locale: str, module: RawModule, other: str, twin: RawModule, problems: Problems
) -> None:
    if module.meta.get("order") != twin.meta.get("order"):
        problems.error(
            module.path,
            module.meta_lines.get("order", 1),
            f"'order' differs from {other} ({twin.meta.get('order')})",
        )
    twin_steps = {step.id for step in twin.steps}
    ours, theirs = _exercises(module, problems), _exercises(twin, problems)
    for index, step in enumerate(module.steps):
        if step.id not in twin_steps:
            problems.error(
                module.path, step.line, f"step {step.id!r} exists in {locale} but not in {other}"
            )
            continue
        twin_index = [s.id for s in twin.steps].index(step.id)
        if twin_index != index:
            problems.error(
                module.path,
                step.line,
                f"step {step.id!r} is step {index + 1} here but {twin_index + 1} in {other}",
            )
        twin_exercises = {e.id: e for _, e in theirs.get(step.id, [])}
        for line, exercise in ours.get(step.id, []):
            twin_exercise = twin_exercises.get(exercise.id)
            if twin_exercise is None:
                problems.error(
                    module.path,
                    line,
                    f"exercise {exercise.id!r} exists in {locale} but not in {other} (step {step.id!r})",
                )
            else:
                for difference in _shape_differences(exercise, twin_exercise):
                    problems.error(
                        module.path,
                        line,
                        f"exercise {exercise.id!r}: {difference} differs from {other}",
                    )


def _shape_differences(one: Exercise, two: Exercise) -> list[str]:
    shape: dict[str, Any] = {
        "type": lambda e: e.type,
        "number of options": lambda e: len(e.options),
        "min/max": lambda e: (e.minimum, e.maximum),
        "items": lambda e: e.items,
        "answer": lambda e: e.answer,
        "plan": lambda e: e.plan,
        "other": lambda e: e.other,
        "count": lambda e: e.counted,
    }
    return [name for name, get in shape.items() if get(one) != get(two)]


def _offset(text: str, message: str) -> int:
    """Which line of ``text`` a rendering problem is about: the one holding what it quotes."""
    quoted = re.search(r"'([^']+)'|<(\w+)>", message)
    if quoted:
        needle = quoted.group(1) or f"<{quoted.group(2)}"
        for offset, line in enumerate(text.splitlines()):
            if needle in line:
                return offset
    return 0


def _read_pages(folder: Path, problems: Problems) -> dict[str, RawModule]:
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


def _build_locale(
    locale: str,
    raw: dict[str, RawModule],
    raw_pages: dict[str, RawModule],
    problems: Problems,
    cache: RenderCache | None = None,
) -> LocaleContent:
    known = {slug: frozenset(s.id for s in module.steps) for slug, module in raw.items()}
    renderer = Renderer(known, cache)
    modules = []
    for module in sorted(raw.values(), key=lambda m: (m.meta["order"], m.meta["slug"])):
        exercises = _exercises(module, problems)

        def render(text: str, line: int, path: Path = module.path):
            return renderer.render(
                text, lambda message: problems.error(path, line + _offset(text, message), message)
            )

        steps = []
        for number, step in enumerate(module.steps, start=1):
            by_line = dict(exercises.get(step.id, []))
            blocks = tuple(
                by_line[b.line] if b.is_exercise else Prose(render(b.text, b.line))
                for b in step.blocks
                if not b.is_exercise or b.line in by_line
            )
            steps.append(Step(step.id, step.title, number, blocks))
        meta = module.meta
        modules.append(
            Module(
                slug=meta["slug"], order=meta["order"], title=meta["title"].strip(),
                summary=meta["summary"].strip(), minutes=meta["minutes"],
                objectives=tuple(o.strip() for o in meta["objectives"]),
                sources=tuple(s.strip() for s in meta["sources"]), review=meta["review"],
                intro=render(module.intro.text, module.intro.line), steps=tuple(steps), path=module.path,
            )
        )  # fmt: skip
    by_slug = MappingProxyType({m.slug: m for m in modules})
    pages = {}
    for name, page in raw_pages.items():
        html = renderer.render(
            page.intro.text,
            lambda message, p=page: problems.error(p.path, p.intro.line, message),
            prefix="",
        )
        pages[name] = Page(name, page.meta["title"].strip(), html)
    return LocaleContent(locale, tuple(modules), by_slug, MappingProxyType(pages))
