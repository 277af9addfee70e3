"""The sections of the visitor's personal plan, which exercises feed with ``plan: <section>``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

# In the order the plan shows them.
PLAN_TITLES = {
    "reasons": _l("My reasons to change"),
    "warning-signs": _l("My warning signs"),
    "coping": _l("What I do when an urge comes"),
    "environment": _l("Changes to my surroundings and devices"),
    "needs": _l("What I need for a good life"),
    "next-steps": _l("My next steps"),
    "people": _l("People and services I can contact"),
    "safety": _l("My safety plan"),
}
PLAN_SECTIONS = tuple(PLAN_TITLES)
