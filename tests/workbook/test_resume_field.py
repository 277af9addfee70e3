"""The resume field as sent: a password field the password manager fills, not autocomplete=off
(the browser's Show button is tests/browser/test_resume_field.py)."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_resume_field_is_a_password_field_for_the_password_manager(client, lang):
    for page in (
        client.get(f"/{lang}/resume").text,
        client.post(f"/{lang}/resume", data={"passphrase": "no such words"}).text,
    ):
        field = re.search(r'<input [^>]*id="passphrase"[^>]*>', page).group(0)
        assert 'type="password"' in field
        assert 'autocomplete="current-password"' in field
        assert 'autocomplete="off"' not in page
        assert re.search(
            r'<button type="button" class="button secondary password-toggle"[^>]* hidden>', page
        )
