"""One pure function turns the environment and the host's file into frozen Settings.

Order of precedence: explicit overrides (tests, ``create_app(config)``), then environment
variables, then ``rumbo.toml``, then each key's default. Anything wrong raises ConfigError
naming the key, so the portal never starts half-configured.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .checks import ConfigError, table
from .keys import PROJECT_ROOT, TABLES, Settings, toml_name

MISSING = object()


def load_settings(
    env: Mapping[str, str],
    instance_dir: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Build Settings from the host's TOML file, then environment variables, then overrides."""
    overrides = dict(overrides or {})
    instance = Path(
        overrides.pop("instance_dir", None)
        or env.get("RUMBO_INSTANCE_DIR")
        or instance_dir
        or PROJECT_ROOT / "instance"
    )
    data: dict[str, Any] = dict(_read_toml(env, instance))
    # Keys read before the file (the folder it lives in) are never taken from it.
    from_file = [f for f in dataclasses.fields(Settings) if f.metadata["in_file"]]
    for field in dataclasses.fields(Settings):
        if not field.metadata["in_file"] and toml_name(field) in data:
            raise ConfigError(
                toml_name(field), "cannot be set in rumbo.toml (the file lives in it)"
            )
    for field in from_file:
        variable = field.metadata["env"]
        if variable and env.get(variable):
            data[toml_name(field)] = env[variable]
    data.update(overrides)
    _refuse_unknown_keys(data)
    values: dict[str, Any] = {"instance_dir": instance}
    for field in from_file:
        values[field.name] = _value(field, _lookup(data, toml_name(field)), values, instance)
    settings = Settings(**values)
    _check_together(settings)
    return settings


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


def _known() -> dict[str, set[str]]:
    """Top-level keys of rumbo.toml, and for each plain table (``insight``) its keys."""
    known: dict[str, set[str]] = {}
    for field in dataclasses.fields(Settings):
        head, _, rest = toml_name(field).partition(".")
        known.setdefault(head, set())
        if rest:
            known[head].add(rest)
    return known


def _refuse_unknown_keys(data: Mapping[str, Any]) -> None:
    known = _known()
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(unknown[0], "unknown key (see docs/configuration.md)")
    for head, keys in known.items():
        if keys and head in data:
            extra = sorted(set(table(data[head], head)) - keys)
            if extra:
                raise ConfigError(f"{head}.{extra[0]}", "unknown key")


def _lookup(data: Mapping[str, Any], name: str) -> Any:
    head, _, rest = name.partition(".")
    value = data.get(head, MISSING)
    if rest and value is not MISSING:
        value = table(value, head).get(rest, MISSING)
    return value


def _value(field: dataclasses.Field, raw: Any, values: Mapping[str, Any], instance: Path) -> Any:
    name = toml_name(field)
    if raw is MISSING:
        derive = field.metadata["derive"]
        if derive is not None:
            return derive(values, instance)
        if field.default_factory is not dataclasses.MISSING:
            return field.default_factory()
        return field.default
    if field.name == "site":
        return MappingProxyType(
            {
                locale: _section(TABLES["site"], f"site.{locale}", v)
                for locale, v in table(raw, name).items()
            }
        )
    if field.name in TABLES:
        return _section(TABLES[field.name], name, raw)
    return field.metadata["check"](raw, name)


def _section(kind: type, key: str, raw: Any) -> Any:
    """A nested table (``[theme]``, ``[site.es]``) as its dataclass, each key checked."""
    given = table(raw, key) if isinstance(raw, Mapping) else None
    if given is None:
        raise ConfigError(key, f"must be a table such as [{key}]")
    fields = {f.name: f for f in dataclasses.fields(kind)}
    extra = sorted(set(given) - set(fields))
    if extra:
        raise ConfigError(f"{key}.{extra[0]}", "unknown key")
    return kind(
        **{name: fields[name].metadata["check"](v, f"{key}.{name}") for name, v in given.items()}
    )


def _check_together(settings: Settings) -> None:
    """Rules that tie two keys together."""
    if settings.default_locale not in settings.locales:
        raise ConfigError("default_locale", f"{settings.default_locale!r} is not one of locales")
    for locale in settings.site:
        if locale not in settings.locales:
            raise ConfigError(f"site.{locale}", "is not one of the enabled locales")
    logo = settings.theme.logo
    if logo and not (settings.instance_dir / logo).is_file():
        raise ConfigError(
            "theme.logo", f"no file {logo} in {settings.instance_dir} (put the logo there)"
        )
    if settings.preview and settings.environment == "production":
        raise ConfigError(
            "preview", "is for authors on their own computer, never in production (make preview)"
        )
