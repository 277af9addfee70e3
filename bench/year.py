"""`make bench`'s year section (issue 28): the visitor the programme is for, after a year.

Every module answered (about 450 characters in every text box) and 52 check-ins with a note,
built through the pages as a browser sends them (tests/support/year.py). Its pages and its save
are measured under gunicorn against /healthz, beside the page sizes; then, in one process,
how the work of a page grows with the workbook (decryptions and bytes decrypted, and time).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from app.curriculum.loader import load_catalog
from app.workbook import parts, store
from tests.support.year import Pages, answer_steps, check_in_weekly, pages_of

from . import servers, wrk

CONTENT = Path(__file__).resolve().parent.parent / "content"
STEP = "/es/m/3/2"
PAGES = (
    ("year: step page", STEP),
    ("year: workbook overview", "/es/workbook"),
    ("year: a module's answers", "/es/workbook/3"),
    ("year: check-in history", "/es/workbook/check-ins"),
)
SAVE = ("year: save answer (POST x 32)", "/es/m/1/2", {"rulers-why.answer": "Porque sí. " * 40})
ANSWERS = (1, 10, 100, None)  # None: every exercise
CHECK_INS = (0, 12, 52, 200)


def http_pages(base: str, request) -> tuple[Pages, list[str]]:
    """``Pages`` over HTTP with the visitor's one cookie, taken from the first save."""
    jar: list[str] = []

    def get(address: str) -> str:
        return request(base, "GET", address, None, jar[0] if jar else None)[2].decode()

    def post(address: str, fields) -> int:
        status, headers, _ = request(base, "POST", address, fields, jar[0] if jar else None)
        if not jar and headers.get("Set-Cookie"):
            jar.append(headers["Set-Cookie"].split(";", 1)[0])
        return status

    return Pages(get, post), jar


def ratio(result: wrk.Result, healthz: wrk.Result) -> str:
    if not healthz.requests_per_second:
        return "n/a"  # /healthz measured nothing: no ratio to speak of
    return f"{result.requests_per_second / healthz.requests_per_second:.2f}"


def year(args, folder: Path, report) -> None:
    from bench.run import HEADER, measure, request, row

    catalog = load_catalog(CONTENT, ("es", "en"))
    report("## year: the year-of-use visitor (every module answered, 52 check-ins with notes)")
    with servers.Gunicorn(folder / "gunicorn-year") as server:
        base = server.base
        pages, jar = http_pages(base, request)
        began = time.monotonic()
        answer_steps(pages, catalog)
        check_in_weekly(pages)
        report(f"built through the pages in {time.monotonic() - began:.0f} s")
        cookie = jar[0]
        plan = [("healthz (reference)", "/healthz", None, None)]
        plan += [(name, path, cookie, None) for name, path in PAGES]
        plan.append((SAVE[0], SAVE[1], cookie, SAVE[2]))
        endpoints, sizes = [], {}
        for number, (name, path, with_cookie, form) in enumerate(plan):
            status, _, body = request(base, "POST" if form else "GET", path, form, with_cookie)
            assert status == (303 if form else 200), f"{name}: {status}"
            sizes[name] = len(body)
            headers = (f"Cookie: {with_cookie}",) if with_cookie else ()
            script = wrk.post_script(folder, f"year{number}", urlencode(form)) if form else None
            endpoints.append((name, base + path, headers, script))
        results = measure(endpoints, args, report)
    report()
    report(HEADER + f" {'vs healthz':>10} {'HTML':>8}")
    healthz = results["healthz (reference)"]
    for name, result in results.items():
        size = f"{sizes[name] / 1024:.1f} KB" if name in dict(PAGES) or name == SAVE[0] else ""
        report(f"{row(result)} {ratio(result, healthz):>10} {size:>8}")
    report()
    growth_table(report)
    report()


def growth_table(report) -> None:
    """Work per request as the workbook grows, in one process through the test client."""
    from tests.support.apps import SHIPPED_CONTENT, make_app

    report("how a page's work grows (in process; decryptions / KB decrypted / ms per request)")
    report(f"{'answers':>8} {'check-ins':>9}  {'step page':>20}  {'overview':>20}  {'history':>20}")
    counted = {"times": 0, "bytes": 0}

    def counting(real):
        def unseal(key, sealed, context):
            counted["times"] += 1
            counted["bytes"] += len(sealed)
            return real(key, sealed, context)

        return unseal

    real_parts, real_store = parts.unseal, store.unseal
    parts.unseal, store.unseal = counting(real_parts), counting(real_store)
    try:
        for answers in ANSWERS:
            for check_ins in CHECK_INS if answers is None else (52,):
                with tempfile.TemporaryDirectory() as tmp:
                    app = make_app(f"sqlite:///{tmp}/rumbo.db", Path(tmp), content=SHIPPED_CONTENT)
                    client = app.test_client()
                    pages = pages_of(client)
                    given = answer_steps(pages, app.extensions["rumbo.catalog"], answers)
                    check_in_weekly(pages, check_ins)
                    cells = [
                        _work(client, path, counted)
                        for path in ("/es/m/1/2", "/es/workbook", "/es/workbook/check-ins")
                    ]
                    app.extensions["rumbo.engine"].dispose()
                shown = "all" if answers is None else str(given)
                report(f"{shown:>8} {check_ins:>9}  " + "  ".join(f"{c:>20}" for c in cells))
    finally:
        parts.unseal, store.unseal = real_parts, real_store


def _work(client, path: str, counted: dict[str, int]) -> str:
    client.get(path)  # templates compiled, caches warm
    counted["times"] = counted["bytes"] = 0
    timings = []
    for _ in range(20):
        began = time.perf_counter()
        assert client.get(path).status_code == 200
        timings.append(time.perf_counter() - began)
    times, kilobytes = counted["times"] // 20, counted["bytes"] / 20 / 1024
    return f"{times} / {kilobytes:.1f} / {statistics.median(timings) * 1000:.1f}"
