"""A database that cannot be reached, told to the host in one line naming the setting.

``flask db upgrade``, gunicorn's start and every ``flask`` command say, for example::

    configuration error: DATABASE_URL: cannot connect to postgresql+psycopg://rumbo@db/rumbo:
    connection refused (is the server running?)

instead of a page of traceback. The password is never shown.
"""

from __future__ import annotations

from sqlalchemy import exc
from sqlalchemy.engine import Engine, make_url

from .config import ConfigError

SETTING = "DATABASE_URL"
# What goes wrong when opening a database: an unparsable address, an unknown dialect or a
# missing driver, and anything the server or the driver refuses.
CONNECT_ERRORS = (exc.ArgumentError, exc.NoSuchModuleError, exc.DBAPIError, ImportError)


def shown(url: str) -> str:
    """The address without its password (or as given, if it cannot be parsed)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return url


def cause(error: BaseException) -> str:
    """The driver's own explanation, on one line."""
    original = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    text = " ".join(line for line in lines if not line.startswith("(Background on this error"))
    return text or type(original).__name__


def connection_error(url: str, error: BaseException) -> ConfigError:
    return ConfigError(SETTING, f"cannot use the database {shown(url)}: {cause(error)}")


def check_connection(engine: Engine) -> None:
    """Open and close one connection; raise ConfigError saying why it failed."""
    url = engine.url.render_as_string(hide_password=False)
    try:
        with engine.connect():
            pass
    except CONNECT_ERRORS as error:
        raise connection_error(url, error) from None
