#!/bin/sh
# Container entrypoint: check that instance/ is this container's to write, then run the given
# command (gunicorn by default; `flask --app app db upgrade` for the one-off migration, which
# compose.yaml runs once per deployment as its service "migrate", never at every start).
set -eu
cd "$(dirname "$0")/.."
instance=${RUMBO_INSTANCE_DIR:-instance}
if ! mkdir -p "$instance" 2>/dev/null || [ ! -w "$instance" ] || [ ! -x "$instance" ]; then
    echo "instance/ ($instance) is not writable by uid $(id -u), gid $(id -g): on the host, run" \
        "chown -R $(id -u):$(id -g) on the folder you mount there (docs/deploy.md, Docker)." >&2
    exit 1
fi
if [ -e "$instance/rumbo.toml" ] && [ ! -r "$instance/rumbo.toml" ]; then
    echo "instance/rumbo.toml is not readable by uid $(id -u): on the host, run" \
        "chown $(id -u):$(id -g) on it and chmod 600 it (docs/deploy.md, Docker)." >&2
    exit 1
fi
exec "$@"
