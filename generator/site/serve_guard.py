"""`gids serve` answers only requests addressed to itself.

A web page the editor has open elsewhere can make its own domain name point at 127.0.0.1 (DNS
rebinding) and then read the preview, unpublished practices included, as if it were its own
site. Its requests still name that domain in their Host header, so the preview answers only
requests for the addresses it serves on: 127.0.0.1, localhost and [::1] with its port, and the
address it was given with -a. Bound to every interface (0.0.0.0), it also answers for any IP
address with its port: rebinding needs a domain name, and the address a colleague on the
network types cannot be known in advance.

A plain WSGI middleware: the engine's live-reload server is wrapped in ``GidsPlugin.on_serve``.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
WILDCARDS = {"0.0.0.0", "::", ""}


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values the preview on ``host:port`` answers (lower case)."""
    names = {"127.0.0.1", "localhost", "[::1]", host.lower()} - WILDCARDS
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:  # a browser leaves the default port out
        hosts |= names
    return frozenset(hosts)


def _ip_with_port(value: str, port: int) -> bool:
    """Whether a Host header is an IP address (not a name) with the preview's port."""
    address, _, given = value.rpartition(":")
    if given != str(port):
        return False
    try:
        ipaddress.ip_address(address.removeprefix("[").removesuffix("]"))
    except ValueError:
        return False
    return True


def host_guard(app: WSGIApp, host: str, port: int) -> WSGIApp:
    """``app``, answering 403 with a short Dutch text to a request for any other host."""
    allowed = allowed_hosts(host, port)
    any_ip = host in WILDCARDS
    first = sorted(allowed)[0] if allowed else f"127.0.0.1:{port}"

    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        value = environ.get("HTTP_HOST", "").strip().lower()
        if value in allowed or (any_ip and _ip_with_port(value, port)):
            return app(environ, start_response)
        body = (f"Geweigerd: deze voorvertoning van gids serve antwoordt alleen op zijn eigen adres, "
                f"zoals http://{first}/, niet op '{value[:100] or '(geen Host)'}'.\n").encode()
        start_response("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body))),
                                         ("X-Content-Type-Options", "nosniff")])
        return [body]

    return guarded
