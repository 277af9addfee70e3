"""What a configuration value may be: each check turns a raw TOML or environment value into
the typed value Settings holds, or raises ConfigError naming the key.

A check also says, in a few words, what it accepts: docs/configuration.md shows that text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")
LOCALE_CODE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
PASSWORD_HASH = re.compile(r"scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+=*\$[A-Za-z0-9_-]+=*")
LOGO = re.compile(r"[A-Za-z0-9_-]+\.(svg|png)")


class ConfigError(Exception):
    """A configuration value is missing or wrong; the message names the key."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"configuration error: {key}: {problem}")
        self.key = key
        self.problem = problem


class Check(Generic[T]):
    """A check whose value has type ``T`` (invariant: a ``float`` setting with a whole-number
    check fails mypy, as ``Setting`` in keys.py asks for a ``Check`` of exactly its type)."""

    def __call__(self, value: Any, key: str) -> T:
        raise NotImplementedError


class check(Check[T]):  # lower case: used as a decorator, like a function
    """A function made a Check: ``@check def text(value, key) -> str``."""

    def __init__(self, function: Callable[[Any, str], T]) -> None:
        self.function = function

    def __call__(self, value: Any, key: str) -> T:
        return self.function(value, key)


@check
def text(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(key, "must be a string")
    return value


@check
def boolean(value: Any, key: str) -> bool:
    """true/false in TOML; 1/0, true/false, yes/no in an environment variable."""
    if isinstance(value, str) and value.lower() in {"1", "true", "yes", "0", "false", "no"}:
        return value.lower() in {"1", "true", "yes"}
    if not isinstance(value, bool):
        raise ConfigError(key, "must be true or false")
    return value


@check
def path(value: Any, key: str) -> Path:
    return Path(text(value, key))


@check
def string_list(value: Any, key: str) -> tuple[str, ...]:
    """A TOML list of strings, or a comma-separated string (as an environment variable gives)."""
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(key, "must be a list of strings")
    return tuple(value)


@check
def paths(value: Any, key: str) -> tuple[Path, ...]:
    return tuple(Path(p) for p in string_list(value, key))


@dataclass(frozen=True)
class WholeNumber(Check[int]):
    low: int
    high: int

    def __call__(self, value: Any, key: str) -> int:
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not self.low <= value <= self.high
        ):
            raise ConfigError(key, f"must be a whole number from {self.low} to {self.high}")
        return value


@dataclass(frozen=True)
class OneOf(Check[str]):
    allowed: tuple[str, ...]

    def __call__(self, value: Any, key: str) -> str:
        if value not in self.allowed:
            *first, last = (repr(one) for one in self.allowed)
            raise ConfigError(
                key, f"must be {', '.join(first)} or {last}" if first else f"must be {last}"
            )
        return str(value)


@dataclass(frozen=True)
class Matching(Check[str]):
    """A string matching ``pattern`` in full; ``problem`` says what it should look like."""

    pattern: re.Pattern[str]
    problem: str

    def __call__(self, value: Any, key: str) -> str:
        value = text(value, key)
        if not self.pattern.fullmatch(value):
            raise ConfigError(key, self.problem)
        return value


@check
def secret_key(value: Any, key: str) -> str:
    if not isinstance(value, str) or len(value) < 32:
        raise ConfigError(key, "must be a string of at least 32 characters")
    return value


@check
def secret_keys(value: Any, key: str) -> tuple[str, ...]:
    return tuple(secret_key(one, key) for one in string_list(value, key))


@check
def https_url(value: Any, key: str) -> str:
    parts = urlsplit(text(value, key))
    if parts.scheme != "https" or not parts.netloc:
        raise ConfigError(key, "must be an absolute https:// address")
    return str(value)


@check
def locale_codes(value: Any, key: str) -> tuple[str, ...]:
    codes = string_list(value, key)
    if not codes:
        raise ConfigError(key, "at least one locale is needed")
    for code in codes:
        if not LOCALE_CODE.match(code):
            raise ConfigError(key, f"{code!r} is not a locale code such as 'es' or 'en'")
    return codes


@check
def country_codes(value: Any, key: str) -> tuple[str, ...]:
    codes = string_list(value, key)
    for code in codes:
        if not COUNTRY.match(code):
            raise ConfigError(key, f"{code!r} is not a two-letter country code")
    return codes


colour = Matching(COLOUR, "must be a colour such as '#1f5f6b'")
logo = Matching(LOGO, "must be a .svg or .png file name in instance/")
password_hash = Matching(
    PASSWORD_HASH,
    "must be a hash made by `flask insight hash-password`, never the password itself",
)


def _table(value: Any, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(key, "must be a table")
    return value


# A table's keys are checked one by one (load.py) into SiteText or Theme: any type, here.
table: Check[Any] = check(_table)


non_empty_text = Matching(re.compile(r"(?s).*\S.*"), "must not be empty")
