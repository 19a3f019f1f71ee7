"""The client's address, as django-axes and the audit trail see it.

Behind a reverse proxy every request comes from the proxy's address; the proxy names the client
in `X-Forwarded-For` (each proxy appends the address it was reached from). Anyone can send that
header, so it is read only when the request itself comes from a trusted proxy
(`TRUSTED_PROXIES`, env `DJANGO_TRUSTED_PROXIES`: addresses or networks, comma-separated), and
then from the right: the first address that is not itself a trusted proxy is the client.
Addresses to its left were written by the client and are never believed. With no trusted
proxies configured (the default) the header is ignored and `REMOTE_ADDR` is the client.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]):
    return tuple(ipaddress.ip_network(t.strip(), strict=False) for t in trusted if t.strip())


def _address(text: str):
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return address is not None and any(address in net for net in networks)


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or, when that is a trusted proxy, the nearest untrusted X-Forwarded-For hop
    (the proxy's own address when the header names nothing usable there: no guessing)."""
    remote = request.META.get("REMOTE_ADDR")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))
    if not networks or not _trusted(_address(remote or ""), networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([h for h in forwarded.split(",") if h.strip()]):
        address = _address(hop)
        if address is None:
            return remote  # a hop a trusted proxy wrote is garbage: believe nothing left of it
        if not _trusted(address, networks):
            return str(address)
    # Only proxies in the chain (or no header): the request came from the proxy itself.
    return remote
