"""A visitor over real HTTP (urllib) with its own cookie jar, for tests against real servers.

Cookies are kept per host, not per port, as browsers do: one visitor talking to two instances
on 127.0.0.1 carries the same workbook cookie to both.
"""

from __future__ import annotations

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class HttpVisitor:
    def __init__(
        self, base: str, headers: Mapping[str, str] | None = None, follow: bool = True
    ) -> None:
        self.base, self.headers = base, dict(headers or {})
        self.jar = http.cookiejar.CookieJar()
        handlers: list = [urllib.request.HTTPCookieProcessor(self.jar)]
        if not follow:
            handlers.append(NoRedirect())
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, path: str, form: dict | None = None, base: str | None = None):
        """(status, body) of a GET, or of a POST of ``form``, as a same-origin form sends it."""
        status, body, _ = self.exchange(path, form, base)
        return status, body

    def exchange(self, path: str, form: dict | None = None, base: str | None = None):
        """(status, body, headers)."""
        origin = base or self.base
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        headers = {**self.headers, "Origin": origin, "Sec-Fetch-Site": "same-origin"}
        request = urllib.request.Request(origin + path, data=data, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers
