"""The help directory: services per country and locale, read from ``content/<locale>/help.yaml``.

It is data, not code: a host edits the YAML to list its own services. Every entry records its
source; entries marked ``status: confirm-before-publishing`` are shown with a note and listed
"to confirm" by ``flask content check`` (fatal only with ``--require-confirmed``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..authoring import ID, ContentError, Problems, load_yaml
from .phones import tel_address

KINDS = ("crisis", "prevention", "therapy")  # shown in this order: crisis first
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{1,24}$")
COUNTRY = re.compile(r"^([A-Z]{2}|online)$")
CONFIRM = "confirm-before-publishing"
REQUIRED = ("id", "kind", "name", "offers", "hours", "cost", "anonymous", "source")
OPTIONAL = ("phone", "web", "status")


@dataclass(frozen=True)
class Service:
    id: str
    kind: str
    name: str
    offers: str
    hours: str
    cost: str
    anonymous: bool
    source: str
    phone: str = ""
    web: str = ""
    needs_confirming: bool = False

    @property
    def tel(self) -> str:
        return tel_address(self.phone)


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166 alpha-2, or "online" for services reachable from anywhere
    name: str
    services: tuple[Service, ...]

    def of_kind(self, kind: str) -> tuple[Service, ...]:
        return tuple(s for s in self.services if s.kind == kind)


@dataclass(frozen=True)
class HelpDirectory:
    countries: Mapping[str, tuple[Country, ...]]  # per locale, in file order

    def for_locale(self, locale: str, country: str | None = None) -> tuple[Country, ...]:
        countries = self.countries.get(locale, ())
        if country:
            return tuple(c for c in countries if c.code in (country, "online"))
        return countries

    def codes(self, locale: str) -> tuple[str, ...]:
        return tuple(c.code for c in self.countries.get(locale, ()) if c.code != "online")


def load_help(
    content_dir: Path, locales: Iterable[str], shown: Iterable[str] = ()
) -> HelpDirectory:
    directory, problems = check_help(content_dir, locales, shown)
    if problems.errors:
        raise ContentError(problems.errors)
    return directory


def check_help(
    content_dir: Path,
    locales: Iterable[str],
    shown: Iterable[str] = (),
    problems: Problems | None = None,
) -> tuple[HelpDirectory, Problems]:
    problems = problems or Problems()
    shown = tuple(shown)
    found: dict[str, tuple[Country, ...]] = {}
    ids: dict[str, tuple[Path, set[str]]] = {}
    for locale in locales:
        path = content_dir / locale / "help.yaml"
        if not path.exists():
            problems.error(path, 0, "help directory file is missing")
            continue
        countries = _read(path, problems)
        found[locale] = tuple(
            c for c in countries if not shown or c.code in shown or c.code == "online"
        )
        ids[locale] = (path, {s.id for c in countries for s in c.services})
    for locale, (path, ours) in ids.items():
        for other, (_, theirs) in ids.items():
            for missing in sorted(ours - theirs):
                problems.error(
                    path, 1, f"help entry {missing!r} exists in {locale} but not in {other}"
                )
    return HelpDirectory(MappingProxyType(found)), problems


def _read(path: Path, problems: Problems) -> list[Country]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:  # an editor saving, or not UTF-8 text
        problems.error(path, 1, f"file could not be read as UTF-8 text ({error})")
        return []
    data = load_yaml(text, path, 1, problems)
    lines = _id_lines(text)
    if not isinstance(data, dict) or not isinstance(data.get("countries"), list):
        problems.error(path, 1, "help file needs a 'countries:' list")
        return []
    countries = []
    for entry in data["countries"]:
        if not isinstance(entry, dict) or not COUNTRY.match(str(entry.get("code", ""))):
            problems.error(
                path, 1, "each country needs a 'code' (two capital letters, or 'online')"
            )
            continue
        services = tuple(
            s
            for s in (_service(raw, path, lines, problems) for raw in entry.get("services") or [])
            if s
        )
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.error(path, 1, f"country {entry['code']}: 'name' is required")
            continue
        countries.append(Country(entry["code"], name.strip(), services))
    return countries


def _id_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"^\s*-?\s*id:\s*['\"]?([\w-]+)", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def _service(raw: Any, path: Path, lines: Mapping[str, int], problems: Problems) -> Service | None:
    if not isinstance(raw, dict):
        problems.error(path, 1, "each service must be a set of 'key: value' lines")
        return None
    line = lines.get(str(raw.get("id")), 1)
    label = f"help entry {raw.get('id')!r}"
    before = len(problems.errors)
    for key in REQUIRED:
        if key not in raw:
            problems.error(path, line, f"{label}: {key!r} is required")
    for key in sorted(set(raw) - set(REQUIRED) - set(OPTIONAL)):
        problems.error(path, line, f"{label}: unknown key {key!r}")
    if not isinstance(raw.get("id"), str) or not ID.match(raw["id"]):
        problems.error(path, line, f"{label}: 'id' must use a-z, 0-9 and '-'")
    if raw.get("kind") not in KINDS:
        problems.error(path, line, f"{label}: 'kind' must be one of {', '.join(KINDS)}")
    if not isinstance(raw.get("anonymous"), bool):
        problems.error(path, line, f"{label}: 'anonymous' must be true or false")
    phone, web = str(raw.get("phone", "")), str(raw.get("web", ""))
    if not phone and not web:
        problems.error(path, line, f"{label}: give a 'phone', a 'web' address, or both")
    if phone and not PHONE.match(phone):
        problems.error(
            path,
            line,
            f"{label}: phone {phone!r} must be digits, spaces, '-' or '()', optionally after '+'",
        )
    if web and not re.match(r"^https://[^\s/]+\.[^\s]+$", web):
        problems.error(path, line, f"{label}: web address {web!r} must start with https://")
    status = raw.get("status", "")
    if status not in ("", CONFIRM):
        problems.error(path, line, f"{label}: 'status' can only be {CONFIRM!r}")
    elif status == CONFIRM:
        problems.confirm(path, line, f"{label}: marked {CONFIRM}: check it before going live")
    if len(problems.errors) > before:
        return None
    texts = {
        k: str(raw[k]).strip() for k in ("id", "kind", "name", "offers", "hours", "cost", "source")
    }
    return Service(
        **texts, anonymous=raw["anonymous"], phone=phone, web=web, needs_confirming=bool(status)
    )
