"""Which ``Host`` names the app server answers to (a page on another domain that resolves to 127.0.0.1 must
not read the app: DNS rebinding).

Always ``127.0.0.1``, ``localhost`` and ``::1`` (only a browser on this machine, visiting it by that name, sends
them), and the address the server listens on when that is one particular address. ``VIGIL_ALLOWED_HOSTS`` adds
names for a team server (comma-separated names or addresses, e.g. ``vigil.example.org,10.0.0.5``;
``*.example.org`` allows its subdomains).
Ports are not part of the check (a browser on another origin cannot choose the port of a name it does not own).
"""

from __future__ import annotations

import os

ENV = "VIGIL_ALLOWED_HOSTS"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_ANY_ADDRESS = ("", "0.0.0.0", "::")  # noqa: S104 (addresses to recognise, not to bind)


def allowed_hosts(server_address: str | None = None, env: str | None = None) -> list[str]:
    """The host names to accept. ``env`` is the value of ``VIGIL_ALLOWED_HOSTS`` (default: the environment)."""
    setting = os.environ.get(ENV, "") if env is None else env
    named = [h.strip().lower() for h in setting.split(",") if h.strip()]
    if "*" in named:
        raise ValueError(f"{ENV} must name hosts; '*' would let any web page that resolves to this server read it")
    hosts = [*LOOPBACK, *(h for h in named if h not in LOOPBACK)]
    address = (server_address or "").strip().lower()
    if address not in _ANY_ADDRESS and address not in hosts:
        hosts.append(address)
    return hosts
