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

from ..authoring import ID, ContentError, Problems, key_lines, load_yaml
from ..authoring.fields import Key, read_fields
from ..config import checks
from .phones import tel_address

KINDS = ("crisis", "prevention", "therapy")  # shown in this order: crisis first
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{1,24}$")
WEB = re.compile(r"^https://[^\s/]+\.[^\s]+$")
COUNTRY = re.compile(r"^([A-Z]{2}|online)$")
CONFIRM = "confirm-before-publishing"
ID_VALUE = re.compile(r"^\s*-?\s*id:\s*['\"]?([\w-]+)")  # the line of each entry is its id's


@checks.check
def phone(value: Any, key: str) -> str:
    """Digits as YAML may read them (``phone: 016`` unquoted is a number), checked as text."""
    return PHONE_NUMBER(str(value) if isinstance(value, int) else value, key)


PHONE_NUMBER = checks.Matching(PHONE, "must be digits, spaces, '-' or '()', optionally after '+'")
ENTRY = (
    Key("id", checks.Matching(ID, "must use a-z, 0-9 and '-'"),
        "the entry's id, the same in every language."),
    Key("kind", checks.OneOf(KINDS), "`crisis`, `prevention` or `therapy`."),
    Key("name", checks.non_empty_text, "the service's name."),
    Key("offers", checks.non_empty_text, "what it offers, in a sentence."),
    Key("hours", checks.non_empty_text, "when it can be reached."),
    Key("cost", checks.non_empty_text, "what it costs the caller."),
    Key("anonymous", checks.boolean, "`true` or `false`: whether it can be used anonymously."),
    Key("source", checks.non_empty_text, "where the facts come from, with its date."),
    Key("phone", phone, "its phone number: digits, spaces, `-` and `()`, optionally after `+`.",
        required="this, `web` or both", default=""),
    Key("web", checks.Matching(WEB, "must be an address starting with https://"),
        "its `https://` address.", required="this, `phone` or both", default=""),
    Key("status", checks.OneOf((CONFIRM,)),
        f"`{CONFIRM}` while you have not been able to confirm the entry: visitors see a note"
        " and `flask content check` lists it \"to confirm\".", required="", default=""),
)  # fmt: skip


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
    lines = key_lines(text.splitlines(), 1, ID_VALUE)
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


def _service(raw: Any, path: Path, lines: Mapping[str, int], problems: Problems) -> Service | None:
    if not isinstance(raw, dict):
        problems.error(path, 1, "each service must be a set of 'key: value' lines")
        return None
    line = lines.get(str(raw.get("id")), 1)
    label = f"help entry {raw.get('id')!r}"

    def error(key: str, message: str) -> None:
        problems.error(path, line, message)

    values = read_fields(raw, ENTRY, label, error)
    if values is None:
        return None
    if not values["phone"] and not values["web"]:
        problems.error(path, line, f"{label}: give a 'phone', a 'web' address, or both")
        return None
    if values["status"] == CONFIRM:
        problems.confirm(path, line, f"{label}: marked {CONFIRM}: check it before going live")
    needs_confirming = values.pop("status") == CONFIRM
    texts: dict[str, Any] = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    return Service(**texts, needs_confirming=needs_confirming)
