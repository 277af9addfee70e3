"""Docker's health check: GET /healthz where gunicorn listens (RUMBO_BIND), exit 0 if healthy.

Run as ``python deploy/healthcheck.py`` (the Dockerfile's HEALTHCHECK). A wildcard bind
(0.0.0.0, [::]) is reached on loopback.
"""

import os
import sys
import urllib.request

bind = os.environ.get("RUMBO_BIND", "127.0.0.1:8000")
host, _, port = bind.rpartition(":")
host = {"0.0.0.0": "127.0.0.1", "[::]": "[::1]", "": "127.0.0.1"}.get(host, host)  # noqa: S104
try:
    with urllib.request.urlopen(f"http://{host}:{port}/healthz", timeout=4) as answer:
        sys.exit(0 if answer.status == 200 else 1)
except OSError as error:
    sys.exit(f"unhealthy: {error}")
