"""Deleting asks first (GOV.UK's confirmation pattern): a delete button posts without
`confirm`, gets a page that says what will go, and only that page's button deletes."""

from __future__ import annotations

from collections.abc import Mapping

from flask import render_template, request

from ..privacy.headers import mark_personal


def confirmed() -> bool:
    return request.form.get("confirm") == "yes"


def confirm_page(
    heading: str, explanation: str, action: str, button: str, back: str,
    fields: Mapping[str, str] | None = None,
) -> str:  # fmt: skip
    """The "are you sure" page; `fields` are the hidden values the delete needs again."""
    mark_personal()
    return render_template(
        "workbook/confirm-delete.html", heading=heading, explanation=explanation, action=action,
        fields=dict(fields or {}), button=button, back=back, nav="workbook",
    )  # fmt: skip
