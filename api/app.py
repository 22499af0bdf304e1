"""The FastAPI application: one answer service for every channel, and the website chat page.

Example::

    app = create_app(Settings())          # opens the store in the lifespan, not at import
    uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError

from api.deps import KccState, role_keys, settle_memory
from api.errors import install_error_handlers
from api.routers import admin, answer, articles, contacts, feedback, grades, health, outcomes, search, stats
from kcc.contacts.db import Database, safe_url
from kcc.runtime import Runtime
from kcc.settings import Settings

log = logging.getLogger("kcc.api")
STATIC = Path(__file__).parent / "static"
DEMO_AGENT_KEY = "demo-agent-key"
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def build_state(settings: Settings, runtime: Runtime) -> KccState:
    service = runtime.answer_service()
    for problem in service.view.problems:
        log.warning("index: %s", problem)
    keys = role_keys(settings)
    if settings.demo and not any(role == "agent" for role in keys.values()):
        keys[DEMO_AGENT_KEY] = "agent"
        log.warning("DEMO MODE: agent API key is '%s'. Set KCC_AGENT_API_KEY before real use.", DEMO_AGENT_KEY)
    return KccState(settings=settings, runtime=runtime, service=service, keys=keys)


def _refresh_loop(state: KccState, seconds: float, stop: threading.Event) -> None:
    """Every few seconds: has another process re-indexed? Then answer from the new KB version too."""
    while not stop.wait(seconds):
        try:
            state.refresh()
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
            settle_memory()
            if settings.refresh_seconds > 0:
                threading.Thread(target=_refresh_loop, args=(app.state.kcc, settings.refresh_seconds, stop),
                                 name="kcc-refresh", daemon=True).start()
            yield
        finally:
            stop.set()
            if db is not None:
                db.close()
            if owned:
                active.close()

    app = FastAPI(title="KCC Kennisbank API", version="1.0",
                  description="Eén antwoord, met bronnen, voor elk kanaal van het KCC.", lifespan=lifespan)
    install_error_handlers(app)
    for router in (answer.router, search.router, articles.router, health.router, admin.router, contacts.router,
                   outcomes.router, stats.router, feedback.router, grades.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/chat", include_in_schema=False)
    def chat_page() -> FileResponse:
        return FileResponse(STATIC / "chat.html", headers=PAGE_HEADERS)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/chat")

    return app
