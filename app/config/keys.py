"""Every setting, declared once: its type, default, check, environment variable and the text
docs/configuration.md shows (generated from here: ``python -m app.config.docs``).

A field of ``Settings`` is a key of ``rumbo.toml`` (``toml`` names nested ones such as
``insight.min_cell``); ``SiteText`` and ``Theme`` are the tables ``[site.<lang>]`` and
``[theme]``, declared the same way.
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, TypeVar, overload

from . import checks
from .instance import private_file

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENTS = ("production", "development", "test")

# A default worked out from settings read before it (declaration order) and the instance folder.
Derive = Callable[[Mapping[str, Any], Path], Any]


T = TypeVar("T")


class Setting(Generic[T]):
    """What mypy sees of a setting: read on an instance, a ``T``; declared with a check of
    exactly ``T`` (a ``float`` key with a whole-number check fails). At run time the dataclass
    keeps only the field it carries, so ``Settings`` is an ordinary frozen dataclass."""

    def __init__(self, field: dataclasses.Field[Any]) -> None:
        self.field = field

    @overload
    def __get__(self, obj: None, owner: Any) -> dataclasses.Field[Any]: ...
    @overload
    def __get__(self, obj: object, owner: Any) -> T: ...
    def __get__(self, obj: object, owner: Any) -> Any:
        return self.field  # only ever asked for by @dataclass, before it replaces this object

    def __set__(self, obj: object, value: T) -> None:
        raise dataclasses.FrozenInstanceError(self.field.name)


def setting(
    default: T,
    check: checks.Check[T],
    doc: str,
    *,
    env: str | None = None,
    toml: str | None = None,
    in_file: bool = True,
    shown: str | None = None,
    derive: Derive | None = None,
) -> Setting[T]:
    """A dataclass field carrying everything about one key (see the module docstring)."""
    meta = {"check": check, "doc": doc, "env": env, "toml": toml, "in_file": in_file,
            "shown": shown, "derive": derive}  # fmt: skip
    field: Any  # dataclasses.field() claims to return the default's type, for class bodies
    if isinstance(default, Mapping | tuple | list) or dataclasses.is_dataclass(default):
        field = dataclasses.field(default_factory=lambda: default, metadata=meta)
    else:
        field = dataclasses.field(default=default, metadata=meta)
    return Setting(field)


def toml_name(field: dataclasses.Field) -> str:
    return field.metadata.get("toml") or field.name


@dataclasses.dataclass(frozen=True)
class SiteText:
    """What the host says about itself in one language: the table ``[site.<lang>]``."""

    name: Setting[str] = setting(
        "Rumbo", checks.non_empty_text, "The site's name in that language."
    )
    tagline: Setting[str] = setting(
        "", checks.text, "The home page heading.", shown="a built-in line"
    )
    contact: Setting[str] = setting(
        "", checks.text,
        "Who runs the site, shown in the footer. Do not put a personal e-mail address here.",
        shown="empty",
    )  # fmt: skip
    legal_notice: Setting[str] = setting(
        "", checks.text, "Your legal notice, shown in the footer.", shown="empty"
    )


@dataclasses.dataclass(frozen=True)
class Theme:
    """The table ``[theme]``."""

    primary: Setting[str] = setting(
        "#1f5f6b", checks.colour,
        "Main colour as `#rrggbb`. Keep a contrast of at least 4.5:1 against white.",
    )  # fmt: skip
    accent: Setting[str] = setting(
        "#8a4b00", checks.colour, "Accent colour as `#rrggbb`, the same rule."
    )
    logo: Setting[str] = setting(
        "", checks.logo,
        "A `.svg` or `.png` file name in `instance/`, shown 32 px high beside the name. The"
        " portal refuses to start while the file is missing.",
        shown="none",
    )  # fmt: skip


def _dev_secret_key(values: Mapping[str, Any], instance: Path) -> str:
    """Outside production, a random key kept in instance/ so restarts keep workbook cookies."""
    if values["environment"] == "production":
        raise checks.ConfigError(
            "secret_key",
            "is required in production: set RUMBO_SECRET_KEY or secret_key in rumbo.toml "
            '(for example: python -c "import secrets; print(secrets.token_urlsafe(48))")',
        )
    path = instance / "dev-secret-key"
    if not path.exists():
        private_file(path).write_text(secrets.token_urlsafe(48), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


def _sqlite_in_instance(values: Mapping[str, Any], instance: Path) -> str:
    return f"sqlite:///{instance / 'rumbo.db'}"


def _first_locale(values: Mapping[str, Any], instance: Path) -> str:
    return str(values["locales"][0])


@dataclasses.dataclass(frozen=True)
class Settings:
    environment: Setting[str] = setting(
        "production", checks.OneOf(ENVIRONMENTS),
        "`production`, `development` or `test`. Outside production a random key is kept in"
        " `instance/dev-secret-key`.",
        env="RUMBO_ENV",
    )  # fmt: skip
    secret_key: Setting[str] = setting(
        "", checks.secret_key,
        "At least 32 characters. Derives the keys that encrypt the workbook cookie and that find"
        " kept workbooks. To change it (for example after a leak), move the old one to"
        " `retired_secret_keys`: dropping it outright would stop every kept passphrase from"
        " working. Keep a copy in your backups, apart from the database.",
        env="RUMBO_SECRET_KEY", shown="none: **required** in production", derive=_dev_secret_key,
    )  # fmt: skip
    retired_secret_keys: Setting[tuple[str, ...]] = setting(
        (), checks.secret_keys,
        "Secret keys used before the current one, to retire a key that may have leaked: put the"
        " old key here and a new one in `secret_key`. Workbooks and cookies made under a"
        " retired key still open, and move to the current key when next opened (a kept"
        " workbook when its passphrase is next typed). Drop a retired key after"
        " `workbook_retention_days`: by then whatever was not moved has expired.",
        env="RUMBO_RETIRED_SECRET_KEYS", shown="`[]`",
    )  # fmt: skip
    instance_dir: Setting[Path] = setting(
        PROJECT_ROOT / "instance", checks.path,
        "Folder with `rumbo.toml`, the logo and the SQLite database. Not a key of `rumbo.toml`"
        " (the file lives in it).",
        env="RUMBO_INSTANCE_DIR", in_file=False, shown="`instance/`",
    )  # fmt: skip
    database_url: Setting[str] = setting(
        "", checks.text,
        "Any SQLAlchemy URL; PostgreSQL as `postgresql+psycopg://user@host/db` (installed by"
        " `make setup`), or on the same machine through its socket, with no password:"
        " `postgresql+psycopg://rumbo@/rumbo?host=/var/run/postgresql` (docs/deploy.md).",
        env="DATABASE_URL", shown="`sqlite:///instance/rumbo.db`", derive=_sqlite_in_instance,
    )  # fmt: skip
    https: Setting[bool] = setting(
        False, checks.boolean,
        "`true` when visitors reach the portal over HTTPS: the cookie becomes `Secure` and"
        " `__Host-` prefixed, and `Strict-Transport-Security` is sent.",
        env="RUMBO_HTTPS",
    )  # fmt: skip
    content_dir: Setting[Path] = setting(
        PROJECT_ROOT / "content", checks.path,
        "Folder with the modules, pages and help files.",
        env="RUMBO_CONTENT_DIR", shown="`content/`",
    )  # fmt: skip
    translations_dir: Setting[tuple[Path, ...]] = setting(
        (PROJECT_ROOT / "translations",), checks.paths,
        "Folders with gettext catalogues.", shown='`["translations"]`',
    )  # fmt: skip
    locales: Setting[tuple[str, ...]] = setting(
        ("es", "en"), checks.locale_codes,
        "Enabled languages, in menu order. Each needs `content/<code>/` and, for UI strings,"
        " `translations/<code>/LC_MESSAGES/messages.po` (English is built in).",
    )  # fmt: skip
    default_locale: Setting[str] = setting(
        "", checks.text,
        "The language for `/` when the browser asks for none of the enabled ones.",
        shown="first of `locales`", derive=_first_locale,
    )  # fmt: skip
    quick_exit_url: Setting[str] = setting(
        "https://www.wikipedia.org/", checks.https_url,
        "Where \"Quick exit\" goes. Must be an absolute `https://` address; choose something"
        " neutral and common in your country.",
    )  # fmt: skip
    descriptive_titles: Setting[bool] = setting(
        False, checks.boolean,
        "`true` to name each module and step in the browser tab's title. By default titles are"
        " neutral (the site's name, the module's and the step's numbers): tab titles reach"
        " browser history, synced history, the tab switcher and address-bar suggestions.",
    )  # fmt: skip
    help_countries: Setting[tuple[str, ...]] = setting(
        (), checks.country_codes,
        "Two-letter codes of the countries whose services the help page and every page's"
        " \"Right now\" panel show. Set it to the countries you serve: with `[]` every footer"
        " lists the crisis lines of every country. Online services are always shown.",
        shown="`[]` (all)",
    )  # fmt: skip
    workbook_retention_days: Setting[int] = setting(
        180, checks.WholeNumber(1, 3650),
        "Kept workbooks unused for this many days are deleted by the purge. Never-kept ones go"
        " after a day.",
    )  # fmt: skip
    max_answer_chars: Setting[int] = setting(
        10_000, checks.WholeNumber(100, 50_000), "Longest answer accepted in one box."
    )
    new_workbooks_per_minute: Setting[int] = setting(
        120, checks.WholeNumber(1, 1_000_000),
        "How many new workbooks each worker process starts per minute. Beyond it, a first save"
        " waits its turn for up to two seconds, then answers \"try again in a moment\" with the"
        " text kept: a flood of saves cannot fill the disk.",
    )  # fmt: skip
    never_kept_megabytes: Setting[int] = setting(
        1024, checks.WholeNumber(1, 10_000_000),
        "Room, in megabytes, for workbooks not (yet) kept, across the whole database. When"
        " it is full, a first save answers \"try again in a moment\" with the text kept until"
        " the purge deletes those unused for a day. A full workbook takes at most 384 KiB.",
    )  # fmt: skip
    kept_megabytes_per_day: Setting[int] = setting(
        256, checks.WholeNumber(1, 10_000_000),
        "Room, in megabytes, for kept workbooks used on one day, across the whole database."
        " When it is full, \"keep\" asks the visitor to try again the next day; their workbook"
        " stays open meanwhile.",
    )  # fmt: skip
    site: Setting[Mapping[str, SiteText]] = setting(
        MappingProxyType({}), checks.table, "The table `[site.<lang>]`, one per language."
    )
    theme: Setting[Theme] = setting(Theme(), checks.table, "The table `[theme]`.")
    insight_min_cell: Setting[int] = setting(
        10, checks.WholeNumber(1, 1000), "Figures under this are hidden in every report.",
        toml="insight.min_cell",
    )  # fmt: skip
    insight_password_hash: Setting[str] = setting(
        "", checks.password_hash,
        "Enables `/admin/insight`. Make it with `flask insight hash-password`; the password"
        " itself is never stored. Without it the page does not exist.",
        toml="insight.password_hash", shown="none",
    )  # fmt: skip
    insight_flush_seconds: Setting[int] = setting(
        5, checks.WholeNumber(0, 300),
        "How often each worker writes its counts (0: after every request).",
        toml="insight.flush_seconds",
    )  # fmt: skip

    guided_enabled: Setting[bool] = setting(
        False, checks.boolean,
        "Guided support (docs/guided.md): a visitor with a kept workbook can write to the"
        " host's counsellors and read their replies, and the counsellors' pages exist under"
        " `/counsel/`. Off: none of its pages exist.",
        toml="guided.enabled",
    )  # fmt: skip
    guided_reply_days: Setting[int] = setting(
        7, checks.WholeNumber(1, 60),
        "Within how many days your counsellors answer a message: visitors are told before"
        " they write. Promise only what your team keeps.",
        toml="guided.reply_days",
    )  # fmt: skip
    guided_retention_days: Setting[int] = setting(
        90, checks.WholeNumber(1, 3650),
        "A conversation is deleted this many days after its last message (the purge does it).",
        toml="guided.retention_days",
    )  # fmt: skip

    preview: Setting[bool] = setting(
        False, checks.boolean,
        "The authors' live preview (`make preview`, docs/authoring.md): content is read again"
        " when a file changes, content problems are shown in the browser instead of stopping"
        " the portal, and `/review/` compares the languages side by side. Refused with"
        ' `environment = "production"`: under `make serve` the review pages do not exist.',
        env="RUMBO_PREVIEW",
    )  # fmt: skip

    def site_text(self, locale: str) -> SiteText:
        return self.site.get(locale) or SiteText()


TABLES: dict[str, type] = {"site": SiteText, "theme": Theme}  # settings holding nested tables
