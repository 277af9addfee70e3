"""Settings: one pure function turns the environment and the host's file into frozen data.

The host edits one TOML file (``instance/rumbo.toml`` by default, or the path in
``RUMBO_CONFIG``); a few values can also come from environment variables, which win.
Every key is documented in docs/configuration.md. Anything wrong stops the start with
one message that names the key, never a half-configured site.
"""

from __future__ import annotations

import re
import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENTS = ("production", "development", "test")
LOCALE_CODE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
KNOWN_KEYS = {
    "secret_key", "database_url", "environment", "https", "content_dir", "translations_dir",
    "locales", "default_locale", "quick_exit_url", "help_countries",
    "workbook_retention_days", "site", "theme", "insight", "max_answer_chars",
    "new_workbooks_per_minute", "preview",
}  # fmt: skip


class ConfigError(Exception):
    """A configuration value is missing or wrong; the message names the key."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"configuration error: {key}: {problem}")
        self.key = key


@dataclass(frozen=True)
class SiteText:
    """What the host says about itself in one language."""

    name: str = "Rumbo"
    tagline: str = ""
    contact: str = ""
    legal_notice: str = ""


@dataclass(frozen=True)
class Theme:
    primary: str = "#1f5f6b"
    accent: str = "#8a4b00"
    logo: str = ""  # a file name under instance/, served from /brand/<name>


@dataclass(frozen=True)
class Settings:
    secret_key: str
    environment: str = "production"
    database_url: str = ""
    https: bool = False
    content_dir: Path = PROJECT_ROOT / "content"
    translations_dir: tuple[Path, ...] = (PROJECT_ROOT / "translations",)
    instance_dir: Path = PROJECT_ROOT / "instance"
    locales: tuple[str, ...] = ("es", "en")
    default_locale: str = "es"
    quick_exit_url: str = "https://www.wikipedia.org/"
    help_countries: tuple[str, ...] = ()  # empty: every country in the help files
    workbook_retention_days: int = 180
    max_answer_chars: int = 10_000
    new_workbooks_per_minute: int = 120  # per worker process: bounds disk use under a flood
    site: Mapping[str, SiteText] = field(default_factory=lambda: MappingProxyType({}))
    theme: Theme = Theme()
    insight_min_cell: int = 10
    insight_password_hash: str = ""
    insight_flush_seconds: float = 5.0
    # Authors' live preview (make preview): content reloaded when a file changes, problems shown
    # in the browser, the review pages. Never in production.
    preview: bool = False

    def site_text(self, locale: str) -> SiteText:
        return self.site.get(locale) or SiteText()


def load_settings(
    env: Mapping[str, str],
    instance_dir: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Build Settings from the host's TOML file, then environment variables, then overrides."""
    instance = Path(env.get("RUMBO_INSTANCE_DIR") or instance_dir or PROJECT_ROOT / "instance")
    data: dict[str, Any] = dict(_read_toml(env, instance))
    for var, key in (
        ("RUMBO_SECRET_KEY", "secret_key"),
        ("DATABASE_URL", "database_url"),
        ("RUMBO_ENV", "environment"),
        ("RUMBO_CONTENT_DIR", "content_dir"),
        ("RUMBO_HTTPS", "https"),
        ("RUMBO_PREVIEW", "preview"),
    ):
        if env.get(var):
            data[key] = env[var]
    data.update(overrides or {})
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(unknown[0], "unknown key (see docs/configuration.md)")
    return _validate(data, instance)


def _read_toml(env: Mapping[str, str], instance: Path) -> Mapping[str, Any]:
    path = Path(env["RUMBO_CONFIG"]) if env.get("RUMBO_CONFIG") else instance / "rumbo.toml"
    if not path.exists():
        if env.get("RUMBO_CONFIG"):
            raise ConfigError("RUMBO_CONFIG", f"file {path} does not exist")
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), f"not valid TOML: {error}") from None


def _validate(data: Mapping[str, Any], instance: Path) -> Settings:
    environment = _choice(data, "environment", ENVIRONMENTS, "production")
    locales = tuple(_string_list(data, "locales", ["es", "en"]))
    if not locales:
        raise ConfigError("locales", "at least one locale is needed")
    for code in locales:
        if not LOCALE_CODE.match(code):
            raise ConfigError("locales", f"{code!r} is not a locale code such as 'es' or 'en'")
    default_locale = _string(data, "default_locale", locales[0])
    if default_locale not in locales:
        raise ConfigError("default_locale", f"{default_locale!r} is not one of locales")
    insight = _table(data, "insight")
    preview = _boolean(data, "preview", False)
    if preview and environment == "production":
        raise ConfigError(
            "preview", "is for authors on their own computer, never in production (make preview)"
        )
    return Settings(
        secret_key=_secret_key(data, environment, instance),
        environment=environment,
        database_url=_string(data, "database_url", f"sqlite:///{instance / 'rumbo.db'}"),
        https=_boolean(data, "https", False),
        content_dir=Path(_string(data, "content_dir", str(PROJECT_ROOT / "content"))),
        translations_dir=tuple(
            Path(p)
            for p in _string_list(data, "translations_dir", [str(PROJECT_ROOT / "translations")])
        ),
        instance_dir=instance,
        locales=locales,
        default_locale=default_locale,
        quick_exit_url=_https_url(data, "quick_exit_url", "https://www.wikipedia.org/"),
        help_countries=tuple(_countries(data)),
        workbook_retention_days=_integer(data, "workbook_retention_days", 180, 1, 3650),
        max_answer_chars=_integer(data, "max_answer_chars", 10_000, 100, 50_000),
        new_workbooks_per_minute=_integer(data, "new_workbooks_per_minute", 120, 1, 1_000_000),
        site=MappingProxyType(_site(data, locales)),
        theme=_theme(data),
        insight_min_cell=_integer(insight, "insight.min_cell", 10, 1, 1000, key="min_cell"),
        insight_password_hash=_password_hash(insight),
        insight_flush_seconds=_integer(
            insight, "insight.flush_seconds", 5, 0, 300, key="flush_seconds"
        ),
        preview=preview,
    )


def _secret_key(data: Mapping[str, Any], environment: str, instance: Path) -> str:
    key = data.get("secret_key")
    if key:
        if not isinstance(key, str) or len(key) < 32:
            raise ConfigError("secret_key", "must be a string of at least 32 characters")
        return key
    if environment == "production":
        raise ConfigError(
            "secret_key",
            "is required in production: set RUMBO_SECRET_KEY or secret_key in rumbo.toml "
            '(for example: python -c "import secrets; print(secrets.token_urlsafe(48))")',
        )
    # Development and tests: a random key kept in instance/ so restarts keep workbook cookies.
    path = instance / "dev-secret-key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


def _site(data: Mapping[str, Any], locales: tuple[str, ...]) -> dict[str, SiteText]:
    site = _table(data, "site")
    texts: dict[str, SiteText] = {}
    for locale, values in site.items():
        key = f"site.{locale}"
        if locale not in locales:
            raise ConfigError(key, "is not one of the enabled locales")
        if not isinstance(values, Mapping):
            raise ConfigError(key, "must be a table such as [site.es]")
        extra = sorted(set(values) - {"name", "tagline", "contact", "legal_notice"})
        if extra:
            raise ConfigError(f"{key}.{extra[0]}", "unknown key")
        texts[locale] = SiteText(**{k: _string(values, f"{key}.{k}", "", key=k) for k in values})
        if "name" in values and not texts[locale].name.strip():
            raise ConfigError(f"{key}.name", "must not be empty")
    return texts


def _theme(data: Mapping[str, Any]) -> Theme:
    theme = _table(data, "theme")
    extra = sorted(set(theme) - {"primary", "accent", "logo"})
    if extra:
        raise ConfigError(f"theme.{extra[0]}", "unknown key")
    values = {}
    for name in ("primary", "accent"):
        if name in theme:
            colour = _string(theme, f"theme.{name}", "", key=name)
            if not COLOUR.match(colour):
                raise ConfigError(f"theme.{name}", "must be a colour such as '#1f5f6b'")
            values[name] = colour
    if "logo" in theme:
        logo = _string(theme, "theme.logo", "", key="logo")
        if not re.fullmatch(r"[A-Za-z0-9_-]+\.(svg|png)", logo):
            raise ConfigError("theme.logo", "must be a .svg or .png file name in instance/")
        values["logo"] = logo
    return Theme(**values)


def _countries(data: Mapping[str, Any]) -> list[str]:
    countries = _string_list(data, "help_countries", [])
    for code in countries:
        if not COUNTRY.match(code):
            raise ConfigError("help_countries", f"{code!r} is not a two-letter country code")
    return countries


def _password_hash(insight: Mapping[str, Any]) -> str:
    extra = sorted(set(insight) - {"min_cell", "password_hash", "flush_seconds"})
    if extra:
        raise ConfigError(f"insight.{extra[0]}", "unknown key")
    value = _string(insight, "insight.password_hash", "", key="password_hash")
    if value and not re.fullmatch(
        r"scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+=*\$[A-Za-z0-9_-]+=*", value
    ):
        raise ConfigError(
            "insight.password_hash",
            "must be a hash made by `flask insight hash-password`, never the password itself",
        )
    return value


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise ConfigError(key, "must be a table")
    return value


def _string(data: Mapping[str, Any], name: str, default: str, key: str | None = None) -> str:
    value = data.get(key or name, default)
    if not isinstance(value, str):
        raise ConfigError(name, "must be a string")
    return value


def _string_list(data: Mapping[str, Any], name: str, default: list[str]) -> list[str]:
    value = data.get(name, default)
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(name, "must be a list of strings")
    return value


def _boolean(data: Mapping[str, Any], name: str, default: bool) -> bool:
    value = data.get(name, default)
    if isinstance(value, str) and value.lower() in {"1", "true", "yes", "0", "false", "no"}:
        return value.lower() in {"1", "true", "yes"}
    if not isinstance(value, bool):
        raise ConfigError(name, "must be true or false")
    return value


def _integer(
    data: Mapping[str, Any], name: str, default: int, low: int, high: int, key: str | None = None
) -> int:
    value = data.get(key or name, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(name, f"must be a whole number from {low} to {high}")
    return value


def _choice(data: Mapping[str, Any], name: str, allowed: tuple[str, ...], default: str) -> str:
    value = data.get(name, default)
    if value not in allowed:
        raise ConfigError(name, f"must be one of {', '.join(allowed)}")
    return value


def _https_url(data: Mapping[str, Any], name: str, default: str) -> str:
    value = _string(data, name, default)
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        raise ConfigError(name, "must be an absolute https:// address")
    return value
