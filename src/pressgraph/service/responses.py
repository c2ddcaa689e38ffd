"""The HTTP side of `pressgraph serve`'s handler: complete responses, one-line errors, CORS.

`ResponseHandler` holds the connection's settings (HTTP/1.1, the read timeout), sends a
response with the common headers, answers an error as one plain-text line, turns http.server's
own refusals into such lines, refuses an oversized body before it is sent, answers CORS
preflights and logs one line per request. `handler.Handler` adds the routes.
"""

from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler

from pressgraph.errors import Errors
from pressgraph.service.protocol import MAX_BODY, too_large

READ_TIMEOUT = 30.0
METHODS = "GET, POST, OPTIONS"


class ResponseHandler(BaseHTTPRequestHandler):
    """Sends the responses of one connection: its settings, headers, errors and log lines."""

    protocol_version = "HTTP/1.1"
    server_version = "pressgraph"
    timeout = READ_TIMEOUT

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's method names
        """Answer a CORS preflight (it grants nothing unless --cors is set)."""
        headers = {"Allow": METHODS}
        if self.server.config.cors:
            headers.update({"Access-Control-Allow-Methods": METHODS, "Access-Control-Max-Age":
                            "600", "Access-Control-Allow-Headers": "Accept, Content-Type"})
        self._send(204, b"", None, headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (bad request line, 414, 431, 501) as one plain line."""
        reason = message or self.responses.get(code, ("error",))[0]
        why = f"HTTP {code} {reason}" + (f": {explain}" if explain else "")
        self._error(code, Errors.KG045.format(why=why, fix="Send a well-formed HTTP request."))

    def handle_expect_100(self) -> bool:
        """Refuse a body over the size limit before the client sends it (413)."""
        length = self.headers.get("Content-Length", "").strip()
        if length.isdigit() and int(length) > MAX_BODY:
            self._error(413, too_large(int(length)))
            return False
        return super().handle_expect_100()

    def _send(self, status: int, body: bytes, ctype: str | None,
              headers: dict[str, str] | None = None) -> None:
        """Send a complete response with the common headers (and CORS ones if configured)."""
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        cors = self.server.config.cors
        if cors:
            self.send_header("Access-Control-Allow-Origin", cors)
        for name, value in {"Cache-Control": "no-store", **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        """Answer with an error: a one-line plain-text message; the connection is closed."""
        self.close_connection = True
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8",
                   {"Connection": "close", **(headers or {})})

    def log_message(self, fmt: str, *args: object) -> None:
        """Log one line per request on stderr (cut to 300 characters; none when quiet)."""
        if self.server.config.quiet:
            return
        line = " ".join((fmt % args).split())[:300]
        sys.stderr.write(f"{self.address_string()} [{self.log_date_time_string()}] {line}\n")
