"""Configuration is data: loaded by one pure function that names the key when something is wrong."""

from __future__ import annotations

import pytest

from app import create_app
from app.config import PROJECT_ROOT, ConfigError, load_settings
from app.context import SETTINGS


def settings(tmp_path, toml: str = "", **env):
    (tmp_path / "rumbo.toml").write_text(toml, encoding="utf-8")
    return load_settings({"RUMBO_ENV": "test", **env}, instance_dir=tmp_path)


def test_defaults_are_safe_for_local_use(tmp_path):
    config = settings(tmp_path)
    assert config.locales == ("es", "en")
    assert config.default_locale == "es"
    assert config.database_url.startswith("sqlite:///")
    assert config.database_url.endswith("rumbo.db")
    assert config.quick_exit_url.startswith("https://")
    assert config.workbook_retention_days == 180
    assert config.insight_min_cell == 10


def test_the_host_file_sets_site_identity(tmp_path):
    config = settings(
        tmp_path,
        'quick_exit_url = "https://www.example.org/weather"\nhelp_countries = ["ES"]\n'
        '[site.es]\nname = "Rumbo Madrid"\ntagline = "Ayuda anónima"\n[theme]\nprimary = "#224466"\n',
    )
    assert config.site_text("es").name == "Rumbo Madrid"
    assert config.site_text("en").name == "Rumbo"
    assert config.theme.primary == "#224466"
    assert config.help_countries == ("ES",)


def test_environment_variables_win_over_the_file(tmp_path):
    config = settings(tmp_path, 'database_url = "sqlite:///a.db"', DATABASE_URL="sqlite:///b.db")
    assert config.database_url == "sqlite:///b.db"


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(ConfigError, match="secret_key: is required in production"):
        load_settings({}, instance_dir=tmp_path)


@pytest.mark.parametrize(
    ("toml", "key", "problem"),
    [
        ('quick_exit_url = "http://example.org"', "quick_exit_url", "absolute https://"),
        ('quick_exit_url = "/elsewhere"', "quick_exit_url", "absolute https://"),
        ('locales = ["es", "english"]', "locales", "not a locale code"),
        ('default_locale = "fr"', "default_locale", "not one of locales"),
        ("workbook_retention_days = 0", "workbook_retention_days", "whole number from 1"),
        ('[theme]\nprimary = "teal"', "theme.primary", "colour"),
        ('[site.fr]\nname = "x"', "site.fr", "not one of the enabled locales"),
        ('[site.es]\nslogan = "x"', "site.es.slogan", "unknown key"),
        ('colour = "red"', "colour", "unknown key"),
        ('help_countries = ["Spain"]', "help_countries", "two-letter"),
        ("secret_key = 'short'", "secret_key", "at least 32"),
        ("https = 'perhaps'", "https", "true or false"),
        ("this is not toml", "rumbo.toml", "not valid TOML"),
        ('[theme]\nlogo = "missing.svg"', "theme.logo", "no file missing.svg"),
    ],
)
def test_invalid_configuration_names_the_key(tmp_path, toml, key, problem):
    with pytest.raises(ConfigError) as error:
        settings(tmp_path, toml)
    assert key in str(error.value)
    assert problem in str(error.value)


def test_invalid_configuration_stops_the_app_with_one_message(tmp_path, capsys, monkeypatch):
    (tmp_path / "rumbo.toml").write_text('quick_exit_url = "http://x.org"', encoding="utf-8")
    monkeypatch.setenv("RUMBO_INSTANCE_DIR", str(tmp_path))
    with pytest.raises(SystemExit):
        create_app({"environment": "test"})
    err = capsys.readouterr().err
    assert "configuration error: quick_exit_url: must be an absolute https:// address" in err
    assert "Traceback" not in err


def test_app_is_built_by_the_factory_from_its_settings(app_factory, tmp_path):
    """Two apps from the factory share nothing: each takes its own settings and content."""
    first = app_factory(
        f"sqlite:///{tmp_path / 'a.db'}", tmp_path / "a", site={"en": {"name": "First"}}
    )
    second = app_factory(
        f"sqlite:///{tmp_path / 'b.db'}",
        tmp_path / "b",
        secret_key="another-secret-key-long-enough-0987654321",
    )
    assert {"portal", "workbook", "root", "insight"} <= set(first.blueprints)
    assert first.config["SECRET_KEY"] == SETTINGS.of(first).secret_key
    assert second.config["SECRET_KEY"] == "another-secret-key-long-enough-0987654321"
    assert first.config["TESTING"] is True
    assert "First" in first.test_client().get("/en/").text
    assert "First" not in second.test_client().get("/en/").text
    assert (
        second.test_client().get("/en/modules/sample/thinking", follow_redirects=True).status_code
        == 200
    )


def test_docs_show_every_key_as_declared():
    from app.config.docs import table

    page = (PROJECT_ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert table() in page, "run `python -m app.config.docs` and paste the table into the page"


def test_the_instance_folder_is_an_ordinary_override(tmp_path):
    (tmp_path / "rumbo.toml").write_text("workbook_retention_days = 30\n", encoding="utf-8")
    config = load_settings({"RUMBO_ENV": "test"}, overrides={"instance_dir": str(tmp_path)})
    assert config.instance_dir == tmp_path
    assert config.workbook_retention_days == 30  # read from that folder's rumbo.toml
    assert config.database_url == f"sqlite:///{tmp_path / 'rumbo.db'}"


def test_the_instance_folder_cannot_be_set_from_inside_itself(tmp_path):
    with pytest.raises(ConfigError, match=r"instance_dir: cannot be set in rumbo\.toml"):
        settings(tmp_path, 'instance_dir = "/elsewhere"\n')


def test_the_development_secret_key_is_readable_by_its_owner_only(tmp_path):
    import stat

    settings(tmp_path, "", RUMBO_ENV="development")
    key = tmp_path / "dev-secret-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
