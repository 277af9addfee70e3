"""Phone numbers in text become ``tel:`` links, so a visitor in a hard moment can tap them.

The numbers are the help directory's own (every locale's), matched whole: "112" is linked in
"call 112", never inside "2112" or a longer number. Text already inside a link is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

TAG = re.compile(r"(<[^>]*>)")


def tel_address(phone: str) -> str:
    """The phone number as a tel: address (digits and a leading +)."""
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


class PhoneLinker:
    """Links the given phone numbers wherever they appear as text in HTML."""

    def __init__(self, phones: Iterable[str]) -> None:
        numbers = sorted({p.strip() for p in phones if p.strip()}, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<![\w+-])(" + "|".join(re.escape(n) for n in numbers) + r")(?![\w-])")
            if numbers
            else None
        )

    def html(self, html: str) -> Markup:
        """``html`` (already safe) with every known number outside a link made a tel: link."""
        if self._pattern is None:
            return Markup(html)  # noqa: S704  (the caller's HTML is already safe)
        parts, depth = [], 0
        for part in TAG.split(str(html)):
            if part.startswith("<"):
                name = (
                    part[1:].lstrip("/").split(maxsplit=1)[0].rstrip(">").lower()
                    if len(part) > 2
                    else ""
                )
                if name == "a":
                    depth += -1 if part.startswith("</") else 1
                parts.append(part)
            elif depth > 0:
                parts.append(part)
            else:
                parts.append(self._pattern.sub(_link, part))
        return Markup("".join(parts))  # noqa: S704  (only known digits were added)

    def text(self, text: str) -> Markup:
        """Plain ``text``, escaped, with every known number made a tel: link."""
        return self.html(str(escape(text)))


def _link(match: re.Match[str]) -> str:
    number = match.group(1)
    return f'<a href="{tel_address(number)}">{number}</a>'
