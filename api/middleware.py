"""Pure ASGI middleware around the API: a body-size limit, security headers, and CORS for configured origins.

Example::

    app.add_middleware(BodySizeLimit, limit_for=lambda path: 64 * 1024)
    app.add_middleware(SecurityHeaders)
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response

# HTML pages get this unless the route set its own: nothing from elsewhere, no inline script or style, no framing
PAGE_CSP = ("default-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")
# everything else (JSON, scripts, style sheets) is never a document: it may load nothing and be framed nowhere
API_CSP = "default-src 'none'; frame-ancestors 'none'"
COMMON_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


class BodyTooLarge(Exception):
    """Raised into the app by the counting ``receive``; the middleware answers 413."""


def too_large_response(limit: int) -> Response:
    return error_response(413, "body_too_large", f"De aanvraag is te groot (meer dan {limit} bytes).")


class BodySizeLimit:
    """413 for a request body over the limit, counted as it streams in: a declared ``Content-Length`` over the
    limit is refused before a byte is read, and a chunked body or a ``Content-Length`` that understates is cut
    off at the first chunk past the limit. Nothing is buffered here, so memory stays at one chunk.

    :param limit_for: the limit in bytes for a request path.
    """

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int]):
        self.app, self.limit_for = app, limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await too_large_response(limit)(scope, receive, send)
            return
        received, exceeded, started = 0, False, False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            if exceeded:
                raise BodyTooLarge
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded and not started:
                return  # the app's answer to a cut-off body (a 400, a 500) is replaced by the 413 below
            started = started or message["type"] == "http.response.start"
            await send(message)

        with contextlib.suppress(BodyTooLarge):  # the app did not catch it: the 413 below answers
            await self.app(scope, counting_receive, guarded_send)
        if exceeded and not started:
            await too_large_response(limit)(scope, receive, send)


class SecurityHeaders:
    """Headers a security review expects on every response: no MIME sniffing, no referrer, no framing, a
    Content-Security-Policy (strict on HTML pages unless the route set one), and ``Cache-Control: no-store`` on
    every answer to a request with an ``X-API-Key``, so no browser or proxy keeps staff data."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        keyed = bool(Headers(scope=scope).get("x-api-key", "").strip())

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in COMMON_HEADERS.items():
                    headers.setdefault(name, value)
                html = headers.get("content-type", "").startswith("text/html")
                headers.setdefault("Content-Security-Policy", PAGE_CSP if html else API_CSP)
                if keyed:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ApiCors(CORSMiddleware):
    """Starlette's CORS for the configured origins only, without credentials; a refused preflight gets the
    API's Dutch error body instead of Starlette's plain text."""

    def __init__(self, app: ASGIApp, origins: list[str]):
        super().__init__(app, allow_origins=origins, allow_methods=["GET", "POST"], allow_headers=["Content-Type"],
                         allow_credentials=False, expose_headers=["Retry-After"], max_age=600)

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        refused = error_response(400, "cors_refused", "Deze website mag de API niet op deze manier vanuit de "
                                                            "browser aanroepen.")
        refused.headers["Vary"] = "Origin"
        return refused
