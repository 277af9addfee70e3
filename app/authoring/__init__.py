"""What curriculum and help files share: problem reports with ``path:line`` and YAML with lines.

The bottom layer of the content side: from the rest of the app it imports only the checks
settings use (app/config/checks.py), so that all checked input is declared one way (fields.py).
"""

from .problems import ContentError, Problem, Problems, shown_path
from .yamlfile import ID, key_lines, load_yaml

__all__ = ["ID", "ContentError", "Problem", "Problems", "key_lines", "load_yaml", "shown_path"]
