#!/bin/sh
# Rumbo on a Debian 12 server, from a checkout in /srv/rumbo: run as root, as often as you
# like (each step is skipped when already done; an existing rumbo.toml is never changed).
#
#   sudo sh /srv/rumbo/deploy/install.sh             # PostgreSQL (recommended)
#   sudo RUMBO_DATABASE=sqlite sh /srv/rumbo/deploy/install.sh
#
# It installs Debian's packages, creates the system user "rumbo", the instance/ folder (0700)
# with rumbo.toml (0600: it holds the secret key), the PostgreSQL role and database "rumbo"
# (peer authentication over the local socket: no password to keep), the virtual environment,
# the schema, and enables rumbo.service. nginx, HTTPS and Tor are docs/deploy.md's next steps.
#
# RUMBO_INSTANCE_ONLY=1 does the instance/ step alone, as the current user, in RUMBO_HOME
# (the test suite runs it that way).
set -eu

HOME_DIR=${RUMBO_HOME:-/srv/rumbo}
DATABASE=${RUMBO_DATABASE:-postgresql}
INSTANCE="$HOME_DIR/instance"
say() { echo "install.sh: $*"; }

make_instance() {
    # $1: the owner of instance/ (empty: whoever runs this)
    umask 077
    mkdir -p "$INSTANCE"
    chmod 0700 "$INSTANCE"
    if [ ! -e "$INSTANCE/rumbo.toml" ]; then
        case "$DATABASE" in
            postgresql) url='postgresql+psycopg://rumbo@/rumbo?host=/var/run/postgresql' ;;
            sqlite) url="sqlite:///$INSTANCE/rumbo.db" ;;
            *) say "RUMBO_DATABASE must be postgresql or sqlite"; exit 1 ;;
        esac
        key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
        cat > "$INSTANCE/rumbo.toml" <<TOML
# Rumbo's settings (docs/configuration.md). Back this file up apart from the database:
# without secret_key no kept workbook opens again.
secret_key = "$key"
database_url = "$url"
https = true
TOML
        say "wrote $INSTANCE/rumbo.toml (a new secret key)"
    else
        say "kept $INSTANCE/rumbo.toml as it is"
    fi
    chmod 0600 "$INSTANCE/rumbo.toml"
    if [ -n "$1" ]; then
        chown -R "$1:$1" "$INSTANCE"
    fi
}

if [ "${RUMBO_INSTANCE_ONLY:-}" = 1 ]; then
    make_instance ""
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    say "run me as root: sudo sh $0"
    exit 1
fi
if [ "$(cd "$(dirname "$0")/.." && pwd)" != "$HOME_DIR" ]; then
    say "clone Rumbo into $HOME_DIR first (the systemd units name that folder)"
    exit 1
fi

say "Debian packages"
packages="python3 python3-venv make git nginx"
[ "$DATABASE" = postgresql ] && packages="$packages postgresql"
# shellcheck disable=SC2086  # a list of words
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null

if ! id rumbo >/dev/null 2>&1; then
    say "the system user rumbo"
    useradd --system --user-group --home-dir "$HOME_DIR" --shell /usr/sbin/nologin rumbo
fi

say "the instance folder"
make_instance rumbo

if [ "$DATABASE" = postgresql ]; then
    systemctl start postgresql
    as_postgres() { runuser -u postgres -- "$@"; }
    if ! as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'rumbo'" | grep -q 1; then
        say "the PostgreSQL role rumbo"
        as_postgres createuser rumbo
    fi
    if ! as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'rumbo'" | grep -q 1; then
        say "the PostgreSQL database rumbo"
        as_postgres createdb --owner rumbo --encoding UTF8 rumbo
    fi
fi

say "the virtual environment and translations (make setup)"
make -C "$HOME_DIR" --no-print-directory setup >/dev/null

say "the schema"
(cd "$HOME_DIR" && runuser -u rumbo -- .venv/bin/flask --app app db upgrade)

say "the service"
install -m 0644 "$HOME_DIR/deploy/systemd/rumbo.service" /etc/systemd/system/rumbo.service
systemctl daemon-reload
systemctl enable --now rumbo.service
systemctl restart rumbo.service
say "done: Rumbo listens on 127.0.0.1:8000. Next: nginx and HTTPS (docs/deploy.md, section 2)."
