"""A workbook holds at most checkins.MAX_CHECK_INS check-ins; one more is refused with a
message in the visitor's language and its note kept, and no earlier one is ever dropped (the
page promises that nothing is overwritten: issue 21, row 16)."""

from __future__ import annotations

from app.workbook import checkins
from tests.support.visitor import check_in, workbook_plaintext


def test_one_check_in_too_many_is_refused_and_the_oldest_is_kept(app, monkeypatch):
    monkeypatch.setattr(checkins, "MAX_CHECK_INS", 3)
    visitor = app.test_client()
    for number in range(3):
        assert check_in(visitor, note=f"note {number}").status_code == 303
    refused = check_in(visitor, lang="es", note="una nota de más")
    assert refused.status_code == 413
    assert "una nota de más</textarea>" in refused.text
    assert "cuaderno está lleno" in refused.text
    kept = workbook_plaintext(app, visitor).decode()
    assert "note 0" in kept
    assert "una nota de más" not in kept
