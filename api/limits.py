"""Rate limits per client address: anonymous requests, and requests with a wrong ``X-API-Key``.

The counting is slowapi's (its ``Limiter`` over the ``limits`` package, moving window). The limits are checked
where the caller is known (:func:`api.deps.get_caller`), not by route decorators: whether a request is limited
depends on its key, and a valid staff key is never held by the public limit.

Storage is in memory, so each API process counts for itself: with ``kcc serve --workers N`` a client gets up to
N times the limit. (slowapi can count in Redis or Memcached, but that needs a client package this product does
not install; a gateway in front of the API is the place for one shared count.)

Example::

    limits = RateLimits(settings)
    limits.hit_public(request)          # raises RateLimited (429) beyond KCC_RATE_LIMIT_PUBLIC
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from limits import RateLimitItem, parse_many
from slowapi import Limiter

from api.errors import error_response
from kcc.settings import Settings

PUBLIC, FAILED_KEYS = "public", "failed-keys"


class RateLimited(Exception):
    """429: too many requests from one client address; ``retry_after`` in whole seconds."""

    def __init__(self, code: str, message: str, retry_after: int):
        self.code, self.message, self.retry_after = code, message, retry_after


def client_address(peer: str | None, forwarded_for: str | None,
                   trusted: Sequence[IPv4Network | IPv6Network]) -> str:
    """The client's address: the connecting peer, unless that is a trusted proxy; then the nearest address in
    ``X-Forwarded-For`` that is not a trusted proxy itself (the ones further left are the client's to forge)."""
    chain = [peer or "unknown"]
    if forwarded_for and _trusted(chain[0], trusted):
        chain = [part.strip() for part in forwarded_for.split(",") if part.strip()] + chain
    for address in reversed(chain):
        if not _trusted(address, trusted):
            return address
    return chain[0]  # every hop is a trusted proxy: the first one named is the best there is


def _trusted(address: str, trusted: Sequence[IPv4Network | IPv6Network]) -> bool:
    try:
        parsed = ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in trusted)


class RateLimits:
    """The API's two limits, from ``KCC_RATE_LIMIT_PUBLIC`` and ``KCC_RATE_LIMIT_FAILED_KEYS``."""

    def __init__(self, settings: Settings):
        self.trusted = [ip_network(network, strict=False) for network in settings.trusted_proxies]
        self.public = _items(settings.rate_limit_public)
        self.failed_keys = _items(settings.rate_limit_failed_keys)
        self.limiter = Limiter(key_func=self.client, strategy="moving-window", storage_uri="memory://")

    def client(self, request: Request) -> str:
        return client_address(request.client.host if request.client else None,
                              request.headers.get("x-forwarded-for"), self.trusted)

    def hit_public(self, request: Request) -> None:
        """Count one anonymous request; :raises RateLimited: beyond the public limit."""
        client = self.client(request)
        if not self._hit(self.public, PUBLIC, client):
            raise RateLimited("rate_limited", "Te veel vragen vanaf uw adres. Wacht even en probeer het opnieuw.",
                              self._retry_after(self.public, PUBLIC, client))

    def check_key_attempts(self, request: Request) -> None:
        """Before a key is compared: :raises RateLimited: while this address has used up its wrong keys, so
        that guessing goes no faster with a right key among the guesses."""
        client = self.client(request)
        if not all(self.limiter.limiter.test(item, *self._ids(FAILED_KEYS, client)) for item in self.failed_keys):
            raise RateLimited("too_many_failed_keys", "Te veel ongeldige API-sleutels vanaf uw adres. Probeer het "
                              "later opnieuw.", self._retry_after(self.failed_keys, FAILED_KEYS, client))

    def hit_failed_key(self, request: Request) -> None:
        self._hit(self.failed_keys, FAILED_KEYS, self.client(request))

    def _hit(self, items: list[RateLimitItem], scope: str, client: str) -> bool:
        # a list, not a generator: every window counts this request, also when an earlier one refuses it
        return all([self.limiter.limiter.hit(item, *self._ids(scope, client)) for item in items])

    def _retry_after(self, items: list[RateLimitItem], scope: str, client: str) -> int:
        now, waits = time.time(), [0.0]
        for item in items:
            stats = self.limiter.limiter.get_window_stats(item, *self._ids(scope, client))
            if stats.remaining == 0:
                waits.append(stats.reset_time - now)
        return max(1, math.ceil(max(waits)))

    @staticmethod
    def _ids(scope: str, client: str) -> tuple[str, str, str]:
        return "kcc", scope, client


def _items(spec: str) -> list[RateLimitItem]:
    return parse_many(spec) if spec.strip() else []


def install_rate_limits(app: FastAPI, settings: Settings) -> RateLimits:
    """One limiter per app (``app.state.rate_limits``) and the 429 response with ``Retry-After``."""
    app.state.rate_limits = RateLimits(settings)

    @app.exception_handler(RateLimited)
    async def rate_limited(_: Request, exc: RateLimited) -> JSONResponse:
        response = error_response(429, exc.code, exc.message)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response

    return app.state.rate_limits
