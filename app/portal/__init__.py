"""The public pages: home, module list, module overview, steps, help, safety and privacy."""

from flask import Blueprint

bp = Blueprint("portal", __name__, url_prefix="/<lang>")
root_bp = Blueprint("root", __name__)

from . import views  # noqa: E402,F401  (registers the routes on bp)
