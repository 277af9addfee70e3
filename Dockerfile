# Rumbo in production: gunicorn behind your HTTPS front server (see docs/deploy.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    RUMBO_BIND=0.0.0.0:8000 \
    RUMBO_INSTANCE_DIR=/srv/rumbo/instance

RUN useradd --system --uid 10001 --home-dir /srv/rumbo --shell /usr/sbin/nologin rumbo
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
    && mkdir -p instance && chown rumbo:rumbo instance

USER rumbo
# The host's rumbo.toml, its logo and (by default) the SQLite database live in instance/;
# mount content/ too to replace the modules and help directory without rebuilding.
VOLUME ["/srv/rumbo/instance"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
ENTRYPOINT ["deploy/entrypoint.sh"]
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "app:create_app()"]
