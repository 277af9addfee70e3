"""What curriculum and help files share: problem reports with ``path:line`` and YAML with lines.

The bottom layer of the content side: it imports nothing else from the app.
"""

from .problems import ContentError, Problem, Problems, shown_path
from .yamlfile import ID, key_lines, load_yaml

__all__ = ["ID", "ContentError", "Problem", "Problems", "key_lines", "load_yaml", "shown_path"]
