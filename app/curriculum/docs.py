"""The front-matter table in docs/authoring.md, made from the declarations in front_matter.py.

Print it with ``python -m app.curriculum.docs``; a test fails while the page shows another table.
"""

from __future__ import annotations

from ..authoring.fields import table
from .front_matter import FRONT_MATTER


def front_matter_table() -> str:
    return table(FRONT_MATTER)


if __name__ == "__main__":
    print(front_matter_table())
