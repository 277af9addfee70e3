"""Where a request's time goes, in-process (cProfile over the Flask test client), in the
production configuration: the readers' step page, the same page with a workbook cookie, the
workbook page, the module list with the cookie (the visitor's status on it) and a save.

Usage: .venv/bin/python -m bench.profile [--requests 2000] [--top 25] [--only cookie]
No server, no network: this measures the app's own work, not gunicorn's or the socket's.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from app import create_app
from app.migrate import upgrade

STEP = "/es/m/1/2"  # as bench/run.py measures it
ANSWER = {"rulers-why.answer": "Porque quiero vivir de otra manera. " * 8}


def portal(folder: Path):
    url = f"sqlite:///{folder / 'rumbo.db'}"
    upgrade(url)
    return create_app({"environment": "production", "database_url": url, "instance_dir": str(folder),
                      "secret_key": "profile-secret-key-long-enough-0123456789",
                      "new_workbooks_per_minute": 1_000_000})  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--only", default="public,cookie,workbook,modules,save")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rumbo-profile-") as tmp:
        app = portal(Path(tmp))
        visitor = app.test_client()
        visitor.environ_base["HTTP_SEC_FETCH_SITE"] = "same-origin"
        assert visitor.post(STEP, data=ANSWER).status_code == 303
        reader = app.test_client()
        cases = {
            "public": lambda: reader.get(STEP),
            "cookie": lambda: visitor.get(STEP),
            "workbook": lambda: visitor.get("/es/workbook"),
            "modules": lambda: visitor.get("/es/modules/"),
            "save": lambda: visitor.post(STEP, data=ANSWER),
        }
        for name in args.only.split(","):
            call = cases[name]
            for _ in range(50):
                call()  # warm: templates compiled, page cache filled, connections open
            profiler = cProfile.Profile()
            began = time.perf_counter()
            profiler.enable()
            for _ in range(args.requests):
                call()
            profiler.disable()
            per_request = (time.perf_counter() - began) / args.requests * 1000
            print(f"\n## {name}: {per_request:.3f} ms per request under cProfile")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
