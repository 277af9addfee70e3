"""Never-kept workbooks go after a day without use; kept ones after the retention period."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from app.workbook import passphrase
from app.workbook.model import WorkbookRow

from .helpers import answer, keep


def ages(app, days_by_kept):
    with app.extensions["rumbo.engine"].begin() as connection:
        for kept, days in days_by_kept.items():
            connection.execute(
                update(WorkbookRow)
                .where(WorkbookRow.kept.is_(kept))
                .values(last_used=date.today() - timedelta(days=days))
            )


def remaining(app):
    with app.extensions["rumbo.engine"].connect() as connection:
        return connection.execute(select(WorkbookRow.kept)).scalars().all()


def test_purge_deletes_what_has_expired_and_nothing_else(any_db_app):
    fresh, old, kept = (any_db_app.test_client() for _ in range(3))
    answer(old)
    answer(kept)
    keep(kept)
    ages(any_db_app, {False: 2, True: 179})
    answer(fresh)  # today
    runner = any_db_app.test_cli_runner()
    result = runner.invoke(args=["workbook", "purge"])
    assert result.exit_code == 0
    assert "1 expired workbook(s) deleted" in result.output
    assert sorted(remaining(any_db_app)) == [False, True]
    ages(any_db_app, {True: 181})
    assert "1 expired" in runner.invoke(args=["workbook", "purge"]).output
    assert remaining(any_db_app) == [False]


def test_a_workbook_used_yesterday_is_kept(any_db_app):
    answer(any_db_app.test_client())
    ages(any_db_app, {False: 1})
    any_db_app.test_cli_runner().invoke(args=["workbook", "purge"])
    assert remaining(any_db_app) == [False]


def test_resuming_renews_the_last_used_day(any_db_app):
    visitor = any_db_app.test_client()
    answer(visitor)
    phrase = keep(visitor)
    ages(any_db_app, {True: 100})
    any_db_app.test_client().post("/en/resume", data={"passphrase": phrase})
    with any_db_app.extensions["rumbo.engine"].connect() as connection:
        assert connection.execute(select(WorkbookRow.last_used)).scalar_one() == date.today()


def test_passphrases_have_at_least_77_bits_in_both_languages():
    for lang in ("en", "es"):
        assert passphrase.entropy_bits(lang) >= 77
        assert len(passphrase.wordlist(lang)) >= 7700
        words = passphrase.generate(lang).split()
        assert len(words) == passphrase.word_count(lang)
        assert all(word in passphrase.wordlist(lang) for word in words)
    assert passphrase.generate("en") != passphrase.generate("en")
