"""The real portal plus one extra rule, ``/bench/hello``, for the framework's ceiling.

gunicorn serves this module's ``app`` for the whole benchmark, so every endpoint (the hello
rule included) goes through the same app object, the same before/after-request hooks (privacy
headers, forgery check, count flushing) and the same gunicorn configuration. The production
app never has this rule: it exists only here.
"""

from __future__ import annotations

from app import create_app


def hello() -> str:
    return "hello"


app = create_app()
app.add_url_rule("/bench/hello", "bench_hello", hello)
