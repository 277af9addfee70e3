# Rumbo in production: gunicorn behind your HTTPS front server (see docs/deploy.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    RUMBO_BIND=0.0.0.0:8000 \
    RUMBO_INSTANCE_DIR=/srv/rumbo/instance

# A fixed uid and gid, so the host can give it the instance/ folder it mounts:
# install -d -o 10001 -g 10001 -m 0700 /srv/rumbo/instance (docs/deploy.md, Docker).
RUN groupadd --system --gid 10001 rumbo \
    && useradd --system --uid 10001 --gid 10001 --home-dir /srv/rumbo --shell /usr/sbin/nologin rumbo
WORKDIR /srv/rumbo

# Dependencies first, from the pinned constraints, in a layer of their own: a change to the
# code rebuilds only the layers below it.
COPY pyproject.toml constraints.txt README.md ./
RUN python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
print('\n'.join(p['dependencies'] + p['optional-dependencies']['postgres']))" > /tmp/requirements.txt \
    && pip install -c constraints.txt -r /tmp/requirements.txt && rm /tmp/requirements.txt
COPY app ./app
RUN pip install --no-deps -e .

COPY migrations ./migrations
COPY translations ./translations
COPY content ./content
COPY deploy ./deploy
COPY babel.cfg ./
# Translations are compiled here, at build time; .mo files are never committed.
RUN pybabel --quiet compile -d translations \
    && mkdir -p instance && chown rumbo:rumbo instance && chmod 0700 instance

USER rumbo
# The host's rumbo.toml, its logo and (by default) the SQLite database live in instance/.
# The schema is migrated once per deployment, not at every start: compose.yaml's "migrate".
VOLUME ["/srv/rumbo/instance"]
EXPOSE 8000
# GET /healthz where gunicorn listens: it follows RUMBO_BIND.
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["python", "deploy/healthcheck.py"]
ENTRYPOINT ["deploy/entrypoint.sh"]
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "app:create_app()"]
