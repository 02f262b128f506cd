"""The client's address, seen through a known number of trusted reverse proxies.

Behind nginx every request comes from the proxy (``REMOTE_ADDR``); the proxy appends the
address it saw to ``X-Forwarded-For``. With ``SPINEWISE_TRUSTED_PROXIES=N`` the client is
the address N hops from the right of ``X-Forwarded-For`` + ``REMOTE_ADDR``: anything a
client writes into the header itself sits further left and is ignored. With 0 (the
default, for a server exposed directly) the header is not read at all.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR") or "")
    proxies: int = settings.SPINEWISE_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    chain = [part.strip() for part in forwarded.split(",") if part.strip()] + [remote]
    candidate = chain[max(0, len(chain) - 1 - proxies)]
    return candidate if _valid(candidate) else remote
