"""`make bench`: the portal under gunicorn's production config, measured with wrk (issue 9).

The sections, all on loopback, all in temporary folders:

load    every endpoint side by side on one gunicorn (bench/hello_app.py: the real app plus
        /bench/hello), plus the same step page as a static file served by nginx;
soak    memory of each worker at the start and end of a long run on the step page;
growth  start-up time, memory per worker and step throughput with synthetic content
        (bench/synthetic.py), for 10, 100 and 1,000 modules;
year    the year-of-use visitor's pages and save against /healthz, and how a page's work
        grows with the workbook (bench/year.py).

Usage: make bench, or .venv/bin/python -m bench.run [--only load,soak,growth,year] [--seconds 10]
[--rounds 5] [--connections 32] [--soak-seconds 60] [--growth-sizes 10,100,1000] (--help).
Each run's tables and wrk's raw output go to bench/results/ (not committed).
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import re
import secrets
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench import servers, synthetic, wrk
from bench.year import year  # noqa: F401 (a section, called by name)

RESULTS = Path(__file__).resolve().parent / "results"
STEP = "/es/m/1/2"  # a step with two rulers and a reflection, 8.5 KB
ANSWER = {"rulers-why.answer": "Porque quiero vivir de otra manera. " * 8}
SECTIONS = ("load", "scaleout", "soak", "growth", "year")
GROWTH_SIZES = "10,100,1000"  # synthetic modules per locale, after the 13 shipped ones
STATIC = "same step page, static (nginx)"
GROWTH_ROUNDS = 3
VISITORS = 200  # workbooks saved into in turn by the "200 visitors" row
SELF_CHECK = {"lonely.answer": "8", "mood.answer": "7", "urge-strength.answer": "7"}


class Report:
    """Prints as it goes and keeps everything for bench/results/."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.raw: list[str] = []

    def __call__(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def save(self) -> Path:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"bench-{datetime.now():%Y%m%d-%H%M%S}.txt"
        path.write_text("\n".join(self.lines) + "\n\n# wrk output\n\n" + "\n".join(self.raw))
        return path


def request(base: str, method: str, path: str, form=None, cookie: str | None = None):
    """One request without following redirects: (status, headers, body)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Sec-Fetch-Site": "same-origin"}  # as every current browser says
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if cookie:
        headers["Cookie"] = cookie
    body = urlencode(form, doseq=True) if form is not None else None
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, response.headers, data


def workbook_cookie(base: str) -> str:
    """Answer an exercise, as a visitor would, and return the ``rumbo=...`` cookie it sets."""
    status, headers, _ = request(base, "POST", STEP, ANSWER)
    assert status == 303, f"saving an answer gave {status}"
    return headers["Set-Cookie"].split(";", 1)[0]


def self_check_cookie(base: str) -> str:
    """Take the self-check (a route of three modules and professional help) and return the
    cookie it sets."""
    status, headers, _ = request(base, "POST", "/es/self-check", SELF_CHECK)
    assert status == 303, f"taking the self-check gave {status}"
    return headers["Set-Cookie"].split(";", 1)[0]


def kept_passphrase(base: str) -> str:
    cookie = workbook_cookie(base)
    status, headers, _ = request(base, "POST", "/es/workbook/keep", {}, cookie)
    assert status == 303, f"keeping a workbook gave {status}"  # to the page that shows it once
    kept = headers["Set-Cookie"].split(";", 1)[0] if headers["Set-Cookie"] else cookie
    status, _, body = request(base, "GET", headers["Location"], None, kept)
    assert status == 200, f"the passphrase page gave {status}"
    found = re.search(rb'class="passphrase"[^>]*><strong>([^<]+)</strong>', body)
    return found.group(1).decode()


def page_weight(base: str) -> dict[str, int]:
    """Bytes of the step page's HTML, stylesheet and script, plain and gzipped."""
    _, _, html = request(base, "GET", STEP)
    parts = {"html": html}
    for link in re.findall(rb'(?:href|src)="(/assets/[^"]+)"', html):
        _, _, parts[link.decode().rsplit(".", 1)[1]] = request(base, "GET", link.decode())
    total = b"".join(parts.values())
    return {
        **{kind: len(body) for kind, body in parts.items()},
        "total": len(total),
        "gzip1": sum(len(gzip.compress(b, compresslevel=1)) for b in parts.values()),
        "gzip6": sum(len(gzip.compress(b, compresslevel=6)) for b in parts.values()),
        "html_gzip6": len(gzip.compress(html, compresslevel=6)),
        "html_gzip1": len(gzip.compress(html, compresslevel=1)),
    }


def row(result: wrk.Result) -> str:
    return (
        f"{result.name:<34} {result.requests_per_second:>9.1f} {result.p50_ms:>8.2f}"
        f" {result.p99_ms:>8.2f} {result.errors:>7d}"
    )


HEADER = f"{'endpoint':<34} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"


def measure(endpoints: list, args, report: Report) -> dict[str, wrk.Result]:
    """Each endpoint (name, url, headers, script) for ``args.rounds`` rounds, taken in turn so
    that the machine's other work falls on all of them alike; the median of each."""
    per_round = args.seconds / args.rounds
    for name, url, headers, script in endpoints:
        # One second first, so every worker has compiled its templates, opened its database
        # and (for public pages) rendered the page once.
        wrk.run(name, url, 1, args.connections, headers, script)
    rounds: dict[str, list[wrk.Result]] = {name: [] for name, *_ in endpoints}
    for number in range(args.rounds):
        for name, url, headers, script in endpoints:
            result = wrk.run(name, url, per_round, args.connections, headers, script)
            rounds[name].append(result)
            report.raw.append(f"### {name}, round {number + 1}\n{result.output}")
        print(f"  round {number + 1} of {args.rounds} measured", flush=True)
    return {name: wrk.median(name, measured) for name, measured in rounds.items()}


def against_healthz(name: str, result: wrk.Result, healthz: wrk.Result) -> str:
    """One result as a ratio of /healthz measured in the same run ("n/a" when it got nothing)."""
    rps = healthz.requests_per_second
    shown = f"{result.requests_per_second / rps:.2f}" if rps else "n/a"
    return f"{name + ' / healthz:':<44} {shown}   p99 {result.p99_ms:.1f} ms"


def load(args, folder: Path, report: Report) -> None:
    per_round = args.seconds / args.rounds
    report(
        f"## load: {args.connections} connections; each endpoint {args.rounds} x {per_round:g} s,"
        " endpoints taken in turn; medians of the rounds, errors summed"
    )
    with servers.Gunicorn(folder / "gunicorn") as server:
        base = server.base
        workers = len(server.workers())
        report(f"gunicorn: deploy/gunicorn.conf.py, {workers} sync workers, SQLite, loopback")
        cookie = workbook_cookie(base)
        passphrase = kept_passphrase(base)
        save_cookie = workbook_cookie(base)
        visitors = [workbook_cookie(base) for _ in range(VISITORS)]
        route_cookie = self_check_cookie(base)
        _, _, step_html = request(base, "GET", STEP)
        plan = [
            # name, path, cookie, form to POST, expected status
            ("hello (framework ceiling)", "/bench/hello", None, None, 200),
            ("healthz (reference)", "/healthz", None, None, 200),
            ("step page (counters on)", STEP, None, None, 200),
            ("step page (workbook cookie)", STEP, cookie, None, 200),
            ("module list", "/es/modules/", None, None, 200),
            ("module list (route cookie)", "/es/modules/", route_cookie, None, 200),
            ("module list (cookie: progress)", "/es/modules/", cookie, None, 200),
            ("home (cookie: continue)", "/es/", cookie, None, 200),
            ("module overview (numbered)", "/es/m/1/", None, None, 200),
            ("old step address (301)", "/es/modules/motivation/rulers", None, None, 301),
            ("help page", "/es/help", None, None, 200),
            ("page for young people", "/es/young", None, None, 200),
            ("workbook page (cookie)", "/es/workbook", cookie, None, 200),
            ("self-check page", "/es/self-check", None, None, 200),
            ("self-check route (cookie)", "/es/self-check/route", route_cookie, None, 200),
            ("save answer (POST, 200 visitors)", STEP, None, ANSWER, 303),
            ("save answer (POST, one workbook x 32)", STEP, save_cookie, ANSWER, 303),
            ("save answer (POST, new workbook)", STEP, None, ANSWER, 303),
            ("resume with passphrase (POST)", "/es/resume", None, {"passphrase": passphrase}, 303),
        ]
        endpoints = []
        for number, (name, path, with_cookie, form, status) in enumerate(plan):
            got = request(base, "POST" if form else "GET", path, form, with_cookie)[0]
            assert got == status, f"{name}: expected {status}, got {got}: errors would flatter it"
            headers = (f"Cookie: {with_cookie}",) if with_cookie else ()
            script = wrk.post_script(folder, f"post{number}", urlencode(form)) if form else None
            if name.endswith("200 visitors)"):
                script = wrk.visitors_post_script(folder, "visitors", urlencode(form), visitors)
            endpoints.append((name, base + path, headers, script))
        with servers.nginx({"step.html": step_html}) as static_base:
            endpoints.append((STATIC, static_base + "/step.html", (), None))
            results = measure(endpoints, args, report)
        weight = page_weight(base)
    report()
    report(HEADER)
    for result in results.values():
        report(row(result))
    healthz = results["healthz (reference)"]
    for name in (
        "step page (counters on)",
        "step page (workbook cookie)",
        "workbook page (cookie)",
        "module list (route cookie)",
        "self-check route (cookie)",
        "save answer (POST, 200 visitors)",
        "save answer (POST, one workbook x 32)",
    ):
        report(against_healthz(name, results[name], healthz))
    step, hello = results["step page (counters on)"], results["hello (framework ceiling)"]
    static = results[STATIC]
    report()
    report(f"step page / hello:       {step.requests_per_second / hello.requests_per_second:.2f}")
    report(f"step page / static file: {step.requests_per_second / static.requests_per_second:.3f}")
    report(
        f"step page transfer: HTML {weight['html']} + CSS {weight['css']} + JS {weight['js']}"
        f" = {weight['total']} bytes ({weight['total'] / 1024:.1f} KiB) uncompressed;"
        f" gzipped {weight['gzip6']} bytes at level 6, {weight['gzip1']} at level 1 (nginx's"
        f" default); HTML alone {weight['html_gzip6']} / {weight['html_gzip1']}"
    )
    report()


def scaleout(args, folder: Path, report: Report) -> None:
    """Two instances on one PostgreSQL behind nginx round-robin, as docs/deploy.md sets up."""
    from tests.support.postgres import PostgresServer

    database = PostgresServer()
    if not database.available:
        report("## scaleout: skipped (PostgreSQL is not installed: apt-get install postgresql)")
        return
    per_round = args.seconds / args.rounds
    report(
        f"## scaleout: 2 gunicorn instances, one PostgreSQL, nginx round-robin in front;"
        f" {args.connections} connections, each endpoint {args.rounds} x {per_round:g} s"
    )
    url = database.start()
    try:
        key = secrets.token_urlsafe(48)
        with (
            servers.Gunicorn(folder / "a", database_url=url, secret_key=key) as a,
            servers.Gunicorn(folder / "b", database_url=url, secret_key=key) as b,
            servers.nginx_round_robin(a.base, b.base) as front,
        ):
            report(f"each instance: {len(a.workers())} sync workers; all on {os.cpu_count()} CPUs")
            cookie = workbook_cookie(front)
            visitors = [workbook_cookie(front) for _ in range(VISITORS)]
            plan = [
                ("healthz via nginx (reference)", front, "/healthz", None, None),
                ("step page via nginx", front, STEP, None, None),
                ("step page via nginx (cookie)", front, STEP, cookie, None),
                ("workbook page via nginx (cookie)", front, "/es/workbook", cookie, None),
                ("save answer via nginx (200 visitors)", front, STEP, None, ANSWER),
                ("step page, one instance (cookie)", a.base, STEP, cookie, None),
            ]
            endpoints = []
            for number, (name, base, path, with_cookie, form) in enumerate(plan):
                headers = (f"Cookie: {with_cookie}",) if with_cookie else ()
                script = None
                if form:  # each POST saves into the next of 200 visitors' workbooks
                    body = urlencode(form)
                    script = wrk.visitors_post_script(folder, f"scaleout{number}", body, visitors)
                endpoints.append((name, base + path, headers, script))
            results = measure(endpoints, args, report)
    finally:
        database.stop()
    report(HEADER)
    for result in results.values():
        report(row(result))
    healthz = results["healthz via nginx (reference)"]
    for name in list(results)[1:]:
        report(against_healthz(name, results[name], healthz))
    report()


def soak(args, folder: Path, report: Report) -> None:
    report(f"## soak: {args.soak_seconds:g} s on the step page, {args.connections} connections")
    # Worker recycling (max_requests) is turned off for this run only: a recycled worker starts
    # small again and would hide slow growth. Everything else is the production config.
    with servers.Gunicorn(folder / "soak", extra_args=("--max-requests", "0")) as server:
        url = server.base + STEP
        # Six seconds first: past each worker's first count write (every 5 s), which opens its
        # SQLite connection and page cache (~1.5 MiB, once): growth after that is what counts.
        wrk.run("warm-up", url, 6, args.connections)
        start = {pid: servers.memory_kib(pid) for pid in server.workers()}
        samples: list[tuple[float, int]] = []
        done: list[wrk.Result] = []
        runner = threading.Thread(
            target=lambda: done.append(wrk.run("soak", url, args.soak_seconds, args.connections))
        )
        began = time.monotonic()
        runner.start()
        while runner.is_alive():
            runner.join(timeout=10)
            total = sum(servers.memory_kib(pid)["rss"] for pid in server.workers())
            samples.append((time.monotonic() - began, total))
        end = {pid: servers.memory_kib(pid) for pid in server.workers()}
    result = done[0]
    report.raw.append(f"### soak\n{result.output}")
    report(f"{result.requests} requests, {result.requests_per_second:.1f} req/s, "
           f"p99 {result.p99_ms:.2f} ms, errors {result.errors}")  # fmt: skip
    report(f"{'worker':>8} {'RSS start MiB':>14} {'RSS end MiB':>12} {'change KiB':>11}")
    for pid in sorted(start):
        before, after = start[pid]["rss"], end.get(pid, {}).get("rss")
        shown = f"{after / 1024:>12.1f} {after - before:>+11d}" if after else "     (gone)"
        report(f"{pid:>8} {before / 1024:>14.1f} {shown}")
    report(
        "sum of workers' RSS every ~10 s (MiB): "
        + ", ".join(f"{t:.0f}s {kib / 1024:.1f}" for t, kib in samples)
    )
    report()


def growth(args, folder: Path, report: Report) -> None:
    sizes = [int(n) for n in args.growth_sizes.split(",")]
    report(
        f"## growth: synthetic content; a step page {GROWTH_ROUNDS} x"
        f" {args.growth_seconds / GROWTH_ROUNDS:g} s per size, sizes taken in turn; medians"
    )
    rows = synthetic.measure(
        sizes, folder / "growth", args.growth_seconds, args.connections, GROWTH_ROUNDS
    )
    report(synthetic.HEADER)
    for measured in rows:
        report(synthetic.row(measured))
    smallest, largest = rows[0], rows[-1]
    ratio = largest.step_rps / smallest.step_rps
    report(f"step throughput at N={largest.modules} / N={smallest.modules}: {ratio:.2f}")
    report()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections, comma-separated")
    parser.add_argument("--seconds", type=float, default=10, help="wrk time per endpoint")
    parser.add_argument("--rounds", type=int, default=5, help="split each endpoint's time")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--soak-seconds", type=float, default=60)
    parser.add_argument("--growth-seconds", type=float, default=6, help="wrk time per size")
    parser.add_argument("--growth-sizes", default=GROWTH_SIZES)
    args = parser.parse_args()
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section {unknown[0]!r}: choose from {', '.join(SECTIONS)}")
    servers.ensure_tool("wrk", "wrk")
    servers.ensure_tool("nginx", "nginx")
    report = Report()
    report(
        f"# Rumbo benchmark, {datetime.now():%Y-%m-%d}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f}, Python {sys.version.split()[0]}"
    )
    report()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="rumbo-bench-") as tmp:
        for section in SECTIONS:
            if section in chosen:
                globals()[section](args, Path(tmp), report)
    report(f"(whole run: {time.monotonic() - began:.0f} s)")
    print(f"saved to {report.save()}")


if __name__ == "__main__":
    main()
