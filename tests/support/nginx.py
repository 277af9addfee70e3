"""A throwaway nginx on loopback, from Debian's packages, for tests and the benchmark.

It runs from its own temporary folder with its own configuration; the host's nginx (if any)
is never touched. ``server`` is the body of one ``server { }`` block (``listen`` is added).
"""

from __future__ import annotations

import shutil
import signal
import socket
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


SHIPPED = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
# Where each shipped file goes on a Debian server (docs/deploy.md, step 3).
INSTALLED = {
    "nginx.conf": "nginx.conf",
    "catch-all.conf": "sites-enabled/catch-all",
    "rumbo.conf": "sites-enabled/rumbo",
    "rumbo-upstream.conf": "conf.d/rumbo-upstream.conf",
    "rumbo-onion.conf": "sites-enabled/rumbo-onion",
}
TEMP_PATHS = "".join(
    f"    {kind}_temp_path {{prefix}}/tmp/{kind};\n"
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
)


@dataclass(frozen=True)
class ShippedNginx:
    http: int  # the port standing for 80
    https: int  # the port standing for 443
    onion: int  # the port standing for the onion block's 8080
    folder: Path

    def logs(self) -> str:
        """Everything nginx wrote to any file of its own."""
        return "".join(p.read_text(errors="replace") for p in (self.folder / "log").iterdir())


def install_shipped(
    folder: Path, files: list[str], upstreams: dict[str, str], certificate: tuple[Path, Path]
) -> ShippedNginx:
    """Lay out ``files`` from deploy/nginx/ in ``folder`` as on a Debian server, changing only
    what a host changes (addresses, ports, certificate) and the paths of the machine itself
    (/etc/nginx, /var/log/nginx, /run) to this folder. ``upstreams`` maps a shipped instance
    address (``127.0.0.1:8000``) to the test's."""
    ports = ShippedNginx(free_port(), free_port(), free_port(), folder)
    for sub in ("etc/sites-enabled", "etc/conf.d", "etc/modules-enabled", "log", "tmp", "cert"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    mime = Path("/etc/nginx/mime.types")
    (folder / "etc/mime.types").write_text(
        mime.read_text() if mime.exists() else "types { text/html html; }\n"
    )
    fullchain, key = certificate
    for name in ["nginx.conf", *files]:
        text = (SHIPPED / name).read_text()
        for shipped, ours in {
            "/etc/letsencrypt/live/ayuda.example.org/fullchain.pem": str(fullchain),
            "/etc/letsencrypt/live/ayuda.example.org/privkey.pem": str(key),
            "/etc/nginx/": f"{folder}/etc/",
            "/var/log/nginx/": f"{folder}/log/",
            "/run/nginx.pid": f"{folder}/nginx.pid",
            "listen 443 ": f"listen 127.0.0.1:{ports.https} ",
            "listen 80;": f"listen 127.0.0.1:{ports.http};",
            "listen 80 ": f"listen 127.0.0.1:{ports.http} ",
            "listen 127.0.0.1:8080;": f"listen 127.0.0.1:{ports.onion};",
            "http {\n": "http {\n" + TEMP_PATHS.replace("{prefix}", str(folder)),
            **{f"server {a};": f"server {b};" for a, b in upstreams.items()},
        }.items():
            text = text.replace(shipped, ours)
        # No IPv6 on the test machine's loopback, necessarily: the IPv4 lines stand for both.
        text = "".join(line for line in text.splitlines(True) if "[::]" not in line)
        (folder / "etc" / INSTALLED[name]).write_text(text)
    for path in (folder, *folder.rglob("*")):  # the worker runs as www-data when root starts it
        path.chmod(0o755 if path.is_dir() else 0o644)
    return ports


def nginx_command(site: ShippedNginx, *args: str) -> list[str]:
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (Debian package nginx)")
    folder = site.folder
    return [binary, "-p", str(folder), "-c", str(folder / "etc/nginx.conf"),
            "-e", str(folder / "log/error.log"), *args]  # fmt: skip


@contextmanager
def running(site: ShippedNginx) -> Iterator[ShippedNginx]:
    """Run the installed configuration (in the foreground) until the block ends."""
    command = nginx_command(site, "-g", "daemon off;")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, "nginx stopped at start-up"
            try:
                socket.create_connection(("127.0.0.1", site.http), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not listen"
                time.sleep(0.1)
        yield site
    finally:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def self_signed(folder: Path, name: str = "ayuda.example.org") -> tuple[Path, Path]:
    """A throwaway certificate for ``name``, made with openssl, for nginx -t and HTTPS tests."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", f"/CN={name}", "-addext", f"subjectAltName=DNS:{name}",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key
