"""A throwaway nginx on loopback, from Debian's packages, for tests and the benchmark.

It runs from its own temporary folder with its own configuration; the host's nginx (if any)
is never touched. ``server`` is the body of one ``server { }`` block (``listen`` is added).
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.network import free_port

CONF = """\
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log crit;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    types {{ text/html html; }}
{http}
    server {{
        listen 127.0.0.1:{port};
{server}
    }}
}}
"""


@dataclass(frozen=True)
class Nginx:
    base: str  # http://127.0.0.1:<port>
    folder: Path  # its prefix: configuration, logs

    def upstreams_used(self) -> set[str]:
        """The upstreams that answered, from the round-robin log (addresses of our instances)."""
        log = self.folder / "upstreams.log"
        return set(log.read_text().split()) if log.exists() else set()


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/bin")


@contextmanager
def nginx(server: str, http: str = "", files: dict[str, bytes] | None = None) -> Iterator[Nginx]:
    """Start nginx with ``server`` (``{prefix}`` stands for its folder) until the block ends."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (Debian package nginx)")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="rumbo-nginx-") as tmp:
        folder = Path(tmp)
        for sub in ("www", "tmp"):
            (folder / sub).mkdir()
        for name, body in (files or {}).items():
            (folder / "www" / name).write_bytes(body)
        # nginx's worker runs as "nobody" when started by root: it must be able to read them.
        for path in (folder, *folder.rglob("*")):
            path.chmod(0o755 if path.is_dir() else 0o644)
        conf = folder / "nginx.conf"
        conf.write_text(
            CONF.format(prefix=folder, port=port, server=server, http=http).replace(
                "{prefix}", str(folder)
            )
        )
        command = [binary, "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log")]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_listening(base, process)
            yield Nginx(base, folder)
        finally:
            process.send_signal(signal.SIGQUIT)  # graceful stop of master and worker
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_listening(base: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "nginx stopped at start-up"
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # it answers, even if with an error status
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nginx did not answer on {base} within {seconds:.0f} s")


def round_robin(*upstreams: str) -> tuple[str, str]:
    """(http, server) blocks proxying to ``upstreams`` (``host:port``) in turn, as
    docs/deploy.md's "More than one server" does, and logging only which upstream answered."""
    servers = "".join(f"        server {address};\n" for address in upstreams)
    http = (
        f"    upstream rumbo {{\n{servers}        keepalive 16;\n    }}\n"
        "    log_format upstream '$upstream_addr';\n"
    )
    server = (
        "        access_log {prefix}/upstreams.log upstream;\n"
        "        location / {\n"
        "            proxy_pass http://rumbo;\n"
        "            proxy_http_version 1.1;\n"
        '            proxy_set_header Connection "";\n'
        "            proxy_set_header Host $http_host;\n"
        "        }\n"
    )
    return http, server
