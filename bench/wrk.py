"""Run Debian's wrk against a loopback address and read its ``--latency`` report."""

from __future__ import annotations

import re
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.servers import ensure_tool

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
POST_SCRIPT = """\
wrk.method = "POST"
wrk.body = "{body}"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Sec-Fetch-Site"] = "same-origin"
"""


@dataclass(frozen=True)
class Result:
    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx_3xx: int
    socket_errors: int
    output: str

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + self.socket_errors


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse(name: str, output: str) -> Result:
    def find(pattern: str, default: str | None = None) -> str:
        match = re.search(pattern, output, re.MULTILINE)
        if match is None:
            if default is None:
                raise ValueError(f"wrk output for {name} has no {pattern!r}:\n{output}")
            return default
        return match.group(1)

    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return Result(
        name=name,
        requests_per_second=float(find(r"^Requests/sec:\s+([\d.]+)")),
        p50_ms=_milliseconds(find(r"^\s+50%\s+(\S+)")),
        p99_ms=_milliseconds(find(r"^\s+99%\s+(\S+)")),
        requests=int(find(r"^\s+(\d+) requests in")),
        non_2xx_3xx=int(find(r"Non-2xx or 3xx responses: (\d+)", "0")),
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
        output=output,
    )


def median(name: str, rounds: list[Result]) -> Result:
    """One row for several rounds of the same endpoint: medians, and every error counted."""
    return Result(
        name=name,
        requests_per_second=statistics.median(r.requests_per_second for r in rounds),
        p50_ms=statistics.median(r.p50_ms for r in rounds),
        p99_ms=statistics.median(r.p99_ms for r in rounds),
        requests=sum(r.requests for r in rounds),
        non_2xx_3xx=sum(r.non_2xx_3xx for r in rounds),
        socket_errors=sum(r.socket_errors for r in rounds),
        output="",
    )


def post_script(folder: Path, name: str, body: str) -> Path:
    """A Lua script that makes wrk send ``body`` (already form-encoded) as a POST."""
    path = folder / f"{name}.lua"
    path.write_text(POST_SCRIPT.format(body=body.replace("\\", "\\\\").replace('"', '\\"')))
    return path


def visitors_post_script(folder: Path, name: str, body: str, cookies: list[str]) -> Path:
    """A Lua script that POSTs ``body`` with each of ``cookies`` in turn: many visitors, each
    saving into their own workbook, as a campaign's traffic would."""
    path = folder / f"{name}.lua"
    listed = ",\n".join(f'  "{cookie}"' for cookie in cookies)
    escaped = body.replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(
        f"local cookies = {{\n{listed}\n}}\nlocal i = 0\n"
        f'local body = "{escaped}"\n'
        "request = function()\n  i = i % #cookies + 1\n"
        '  return wrk.format("POST", nil, {["Cookie"] = cookies[i],'
        ' ["Content-Type"] = "application/x-www-form-urlencoded",'
        ' ["Sec-Fetch-Site"] = "same-origin"}, body)\nend\n'
    )
    return path


def paths_script(folder: Path, name: str, paths: list[str]) -> Path:
    """A Lua script that makes wrk ask for ``paths`` in turn, over and over."""
    path = folder / f"{name}.lua"
    listed = ",\n".join(f'  "{p}"' for p in paths)
    path.write_text(
        f"local paths = {{\n{listed}\n}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n'
    )
    return path


def run(
    name: str,
    url: str,
    seconds: float,
    connections: int,
    headers: tuple[str, ...] = (),
    script: Path | None = None,
    threads: int = 2,
) -> Result:
    command = [ensure_tool("wrk", "wrk"), f"-t{threads}", f"-c{connections}"]
    duration = max(1, round(seconds))  # wrk takes whole seconds only
    command += [f"-d{duration}s", "--timeout", "10s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(script)]
    done = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=duration + 60, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed for {name}: {done.stderr or done.stdout}")
    return parse(name, done.stdout)
