#!/bin/sh
# Container entrypoint: bring the schema up to date, then run the given command (gunicorn).
set -eu
cd "$(dirname "$0")/.."
python -m flask --app app db upgrade
exec "$@"
