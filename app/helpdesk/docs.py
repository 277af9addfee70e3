"""The table of a help entry's keys in docs/configuration.md, made from ``directory.ENTRY``.

Print it with ``python -m app.helpdesk.docs``; a test fails while the page shows another table.
"""

from __future__ import annotations

from ..authoring.fields import table
from .directory import ENTRY


def entry_table() -> str:
    return table(ENTRY)


if __name__ == "__main__":
    print(entry_table())
