"""Settings: every key declared once (keys.py), checked (checks.py), loaded (load.py)."""

from .checks import ConfigError
from .keys import ENVIRONMENTS, PROJECT_ROOT, Settings, SiteText, Theme
from .load import load_settings

__all__ = [
    "ENVIRONMENTS",
    "PROJECT_ROOT",
    "ConfigError",
    "Settings",
    "SiteText",
    "Theme",
    "load_settings",
]
