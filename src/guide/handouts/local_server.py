"""Serve a built site on 127.0.0.1: for the printer, which prints pages from http://, never file://, so
nothing in a page can reach the files of the machine that builds the site; and, with their own request
handlers, for the tests (tests/conftest.py) and `make benchmark` (scripts/benchmark.py)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that closes a connection early (a page left mid-load) is no error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(
    directory: Path, port: int = 0, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """The address (ending in '/') of the directory, served on `port` (0: any free port) until the block
    ends."""
    server = _QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def only_from(origin: str):  # noqa: ANN201 - a Playwright route handler
    """A Playwright route handler that lets through requests to `origin` and aborts everything else
    (file:, data:, other hosts)."""

    def route(playwright_route) -> None:  # noqa: ANN001
        if playwright_route.request.url.startswith(origin):
            playwright_route.continue_()
        else:
            playwright_route.abort()

    return route


def clean_environment(home: Path) -> dict[str, str]:
    """The browser's environment: nothing of the build's (no tokens or secrets), just enough to run."""
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home)}
