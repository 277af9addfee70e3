"""A module's front matter, declared once: each key's check and the sentence docs/authoring.md
shows (generated from here: ``python -m app.curriculum.docs``)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..authoring import ID
from ..authoring.fields import Key
from ..config import checks
from ..config.checks import ConfigError

MONTH = re.compile(r"^(?P<year>20[0-9]{2})-(?P<month>0[1-9]|1[0-2])$")
MAX_ROLE_CHARS = 80


@checks.check
def text_list(value: Any, key: str) -> tuple[str, ...]:
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise ConfigError(key, "must be a list of texts ('  - ...' lines)")
    return tuple(value)


@checks.check
def past_month(value: Any, key: str) -> str:
    found = MONTH.match(value) if isinstance(value, str) else None
    if found is None:
        raise ConfigError(key, "must be a month written as YYYY-MM, such as 2026-11")
    if (int(found["year"]), int(found["month"])) > (date.today().year, date.today().month):
        raise ConfigError(key, f"{value} is in the future")
    return str(value)


@checks.check
def role(value: Any, key: str) -> str:
    if not (isinstance(value, str) and value.strip() and len(value) <= MAX_ROLE_CHARS):
        raise ConfigError(
            key,
            "must be the reviewer's role, such as 'clinical psychologist' "
            f"(at most {MAX_ROLE_CHARS} characters; never a personal name)",
        )
    return value


WITH_REVIEWED = "with `reviewed`"
FRONT_MATTER = (
    Key("slug", checks.Matching(ID, "must use a-z, 0-9 and '-'"),
        "the module's id (its answers are stored under it; its address is neutral, by `order`:"
        " `/en/m/1/`). Lower-case letters, digits and hyphens. The same in every language."),
    Key("order", checks.WholeNumber(0, 9999),
        "a whole number from 0 to 9999, a different one for each module; modules are listed and"
        " suggested in this order, and it is the module's number in its address"
        " (`/en/m/<order>/`) and tab title: changing it changes the address. The same in every"
        " language."),
    Key("title", checks.non_empty_text, "the module's title."),
    Key("summary", checks.non_empty_text, "one or two sentences shown in the module list."),
    Key("minutes", checks.WholeNumber(1, 600),
        "an honest estimate of the time the module takes, as a whole number."),
    Key("objectives", text_list,
        "a list of what the visitor will be able to do or understand."),
    Key("sources", text_list,
        "a list of the references the module draws on (author, year, title)."),
    Key("review", checks.OneOf(("draft", "reviewed")), "`draft` or `reviewed`."),
    # The review record: the month of the review and the reviewer's role (never a name).
    Key("reviewed_in", past_month,
        "the month of the review, as `YYYY-MM` (`2026-11`).", required=WITH_REVIEWED),
    Key("reviewed_by", role,
        "the reviewer's **role**, never a personal name (`clinical psychologist`,"
        " `psicóloga clínica`).", required=WITH_REVIEWED),
)  # fmt: skip
REVIEW_RECORD = tuple(key.name for key in FRONT_MATTER if key.required == WITH_REVIEWED)
