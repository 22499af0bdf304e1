"""The FastAPI application: one answer service for every channel, and the website chat page.

Example::

    app = create_app(Settings())          # opens the store in the lifespan, not at import
    uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import logging
import re
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import ASGIApp

from api.deps import KccState, role_keys
from api.errors import install_error_handlers
from api.limits import install_rate_limits
from api.middleware import ApiCors, BodySizeLimit, SecurityHeaders
from api.routers import (
    admin,
    answer,
    answer_feedback,
    article_edits,
    articles,
    callbacks,
    contacts,
    editor,
    feedback,
    grades,
    health,
    me,
    outcomes,
    referrals,
    search,
    stats,
)
from kcc import privacy
from kcc.contacts.db import Database, safe_url
from kcc.gc_pause import settle
from kcc.logs import install_log_masking
from kcc.runtime import Runtime
from kcc.settings import Settings, with_demo_keys

log = logging.getLogger("kcc.api")
STATIC = Path(__file__).parent / "static"
# the staff-only write routes whose bodies may be larger (KCC_MAX_STAFF_BODY_BYTES): a contact with its answer text,
# an article's whole file
LARGE_BODY_PATHS = ("/v1/contacts", "/v1/admin", "/v1/articles")
# Swagger UI and ReDoc load from this server (the assets fastapi-offline ships in its wheel: no CDN, so the pages
# work without internet); their one inline script is allowed by its hash (see _docs_page)
DOCS_ASSETS = Path(importlib.util.find_spec("fastapi_offline").origin).parent / "static"
DOCS_CSP = ("default-src 'self'; script-src 'self' {scripts}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'")
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


class KccApi(FastAPI):
    """FastAPI with :class:`SecurityHeaders` outside everything, so that a 500 carries them too (middleware added
    with ``add_middleware`` runs inside Starlette's error middleware)."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


def build_state(settings: Settings, runtime: Runtime) -> KccState:
    service = runtime.answer_service()
    for problem in service.view.problems:
        log.warning("index: %s", problem)
    return KccState(settings=settings, runtime=runtime, service=service, keys=role_keys(settings))


def _refresh_loop(state: KccState, seconds: float, stop: threading.Event) -> None:
    """Every few seconds: has another process re-indexed? Then answer from the new KB version too."""
    while not stop.wait(seconds):
        try:
            state.refresh()
            state.apply_lists()
        except Exception:  # noqa: BLE001 - a store hiccup must not end the loop; the next round tries again
            log.exception("checking the index for a new KB version failed")


def open_contact_log(settings: Settings) -> Database | None:
    """The migrated contact log, or None when its database cannot be reached: residents still get answers,
    and the contact-log routes say 503 until the API is restarted with a working database."""
    db = Database(settings.database)
    try:
        # migrations run at every start, so a fresh install or an upgrade of the package just works
        db.upgrade()
    except (SQLAlchemyError, OSError) as exc:
        log.error("contact log %s unavailable, answering without it: %s", safe_url(settings.database), exc)
        db.close()
        return None
    log.info("contact log: %s", safe_url(db.url))
    return db


def app_from_env() -> FastAPI:
    """The app built from the settings alone (``KCC_*`` environment, ``.env``): what every worker of
    ``kcc serve --workers N`` runs (``uvicorn --factory api.app:app_from_env``)."""
    return create_app(Settings())


def create_app(settings: Settings, runtime: Runtime | None = None) -> FastAPI:
    """:param runtime: an already open runtime (tests, ``kcc run``); otherwise one is opened in the lifespan."""
    install_log_masking()  # personal data out of the app's and uvicorn's log lines (the access log's query strings)
    settings, made = with_demo_keys(settings)
    for role, key in made.items():
        log.warning("DEMO MODE: %s API key for this start is '%s'. Set KCC_%s_API_KEY before real use.",
                    role, key, role.upper())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = runtime is None
        active = runtime or Runtime(settings)
        db: Database | None = None
        stop = threading.Event()
        try:
            db = open_contact_log(settings)
            app.state.kcc = build_state(settings, active)
            app.state.kcc.db = db
            app.state.kcc.apply_lists()
            app.state.kcc.open_editorial()
            settle()  # the answer service's articles, dictionaries, ... out of the garbage collector's view
            # deduce's name lists (seconds): loaded now, so the first contact stored does not wait for them
            threading.Thread(target=privacy.warm_up, name="kcc-privacy", daemon=True).start()
            if settings.refresh_seconds > 0:
                threading.Thread(target=_refresh_loop, args=(app.state.kcc, settings.refresh_seconds, stop),
                                 name="kcc-refresh", daemon=True).start()
            yield
        finally:
            stop.set()
            state = getattr(app.state, "kcc", None)
            if state is not None and state.publisher is not None:
                state.publisher.close()
            if db is not None:
                db.close()
            if owned:
                active.close()

    app = KccApi(title="KCC Kennisbank API", version="1.0", docs_url=None, redoc_url=None,
                 description="Eén antwoord, met bronnen, voor elk kanaal van het KCC.", lifespan=lifespan)
    install_error_handlers(app)
    install_rate_limits(app, settings)
    # the last added runs first: CORS headers on a 413 too, then the body limit (SecurityHeaders: see KccApi)
    app.add_middleware(BodySizeLimit, limit_for=lambda path: settings.max_staff_body_bytes
                       if path.startswith(LARGE_BODY_PATHS) else settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(ApiCors, origins=settings.cors_origins)
    for router in (answer.router, search.router, articles.router, article_edits.router, editor.router, health.router,
                   admin.router, contacts.router, outcomes.router, stats.router, feedback.router, grades.router,
                   me.router, callbacks.router, answer_feedback.router, referrals.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # the municipality's own name, number and hours (KCC_MUNICIPALITY, KCC_PHONE, KCC_OPENING_HOURS), escaped
    chat_html = (STATIC / "chat.html").read_text(encoding="utf-8").format(
        municipality=html.escape(settings.municipality), phone=html.escape(settings.phone),
        opening_hours=html.escape(settings.opening_hours))

    @app.get("/chat", include_in_schema=False)
    def chat_page() -> HTMLResponse:
        return HTMLResponse(chat_html)  # SecurityHeaders gives it the strict page CSP

    app.mount("/docs-assets", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return _docs_page(get_swagger_ui_html(
            openapi_url=app.openapi_url, title=f"{app.title} - Swagger UI",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js", swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon.png"))

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return _docs_page(get_redoc_html(openapi_url=app.openapi_url, title=f"{app.title} - ReDoc",
                                         redoc_js_url="/docs-assets/redoc.standalone.js",
                                         redoc_favicon_url="/docs-assets/favicon.png", with_google_fonts=False))

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/chat")

    return app


def _docs_page(page: HTMLResponse) -> HTMLResponse:
    """FastAPI's documentation page with a CSP that runs exactly its own inline script, nothing injected."""
    scripts = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"
                       for script in INLINE_SCRIPT.findall(page.body.decode()))
    page.headers["Content-Security-Policy"] = DOCS_CSP.format(scripts=scripts)
    return page
