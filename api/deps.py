"""Dependencies: the app state and who is calling (by ``X-API-Key``)."""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

import numpy as np
from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from sqlalchemy.orm import Session

from api.errors import ApiError
from api.limits import RateLimits
from kb.model import Article
from kcc.answer import AnswerService
from kcc.contacts.db import Database
from kcc.editorial.overview import Board
from kcc.editorial.publish import Publisher
from kcc.gc_pause import collection_paused, settle
from kcc.runtime import Runtime
from kcc.settings import Settings, parse_keys
from kcc.settings_lists import load_lists, with_lists

log = logging.getLogger("kcc.api")
ROLES = ("agent", "editor", "admin")  # every role is KCC staff and may see internal text


@dataclass
class KccState:
    settings: Settings
    runtime: Runtime
    service: AnswerService
    keys: dict[str, tuple[str, str | None]]  # key -> (role, the name the key gives its holder)
    # answers, search and /health run in parallel in FastAPI's thread pool (the store and the embedders are
    # thread-safe: tests/api/test_concurrency.py); only one re-index at a time, which swaps ``service`` in
    # one assignment when it is done
    reindex_lock: threading.Lock = field(default_factory=threading.Lock)
    db: Database | None = None  # the contact log; opened (and migrated) in the app's lifespan
    question_vectors: dict[str, np.ndarray] = field(default_factory=dict)  # gap grouping re-embeds nothing twice
    publisher: Publisher | None = None  # editors' publications (opened in the app's lifespan)
    board: Board | None = None  # the KB folder as editors see it, with the content checks' findings
    base_settings: Settings | None = None  # the environment's, before the admin's lists (kcc.settings_lists)

    def swap_service(self, service: AnswerService) -> None:
        """Answer from ``service`` from now on (one assignment: a request in flight keeps the one it began with)."""
        self.service = service
        settle()  # what it holds out of the collector's view: a full collection over it held every answer

    def apply_lists(self) -> None:
        """Use the lists an admin set (teams, outcomes) instead of the environment's; also after another worker
        changed them (the refresh loop)."""
        if self.db is None:
            return
        if self.base_settings is None:
            self.base_settings = self.settings
        with self.db.session() as session:
            self.settings = with_lists(self.base_settings, load_lists(session))

    def open_editorial(self) -> None:
        """The editors' parts: publications into this service, and the folder's checks (with the embedder)."""
        self.publisher = Publisher(self.runtime, lambda: self.service, self.swap_service, self.reindex_lock)
        s = self.settings
        # checked at an editor's first request (under a second; the embedding part follows in the background),
        # not at start-up: most processes never serve an editor
        self.board = Board(s.kb_dir, self.runtime.embedder, review_months=s.review_months,
                           due_days=s.review_warning_days, language_file=s.language_file)

    @property
    def articles(self) -> dict[str, Article]:
        return self.service.articles

    def identify(self, key: str) -> tuple[str, str | None] | None:
        """``(role, name)`` of a staff key, or None; every known key is compared in constant time."""
        found = None
        for known, holder in self.keys.items():
            if hmac.compare_digest(known.encode(), key.encode()):
                found = holder
        return found

    def refresh(self) -> bool:
        """Swap in a new answer service when the index holds another KB version than the one answering: a
        re-index made by another worker or host. True when it swapped."""
        stored = self.runtime.stored_calibration()
        current = self.service.calibration
        if stored is None or (stored.kb_version, stored.provisional) == (current.kb_version, current.provisional):
            return False
        version = stored.kb_version
        if not self.reindex_lock.acquire(blocking=False):
            return False  # this process is re-indexing: it swaps in its own new service when done
        try:
            with collection_paused():
                self.swap_service(self.runtime.answer_service())
            log.info("index changed by another process: now answering from KB version %s", version)
            return True
        finally:
            self.reindex_lock.release()


@dataclass(frozen=True)
class Caller:
    role: str  # "public", "agent", "editor" or "admin"
    name: str | None = None  # what the key names its holder ("anna.devries"); None for a bare key

    @property
    def staff(self) -> bool:
        return self.role in ROLES


def role_keys(settings: Settings) -> dict[str, tuple[str, str | None]]:
    """``{key: (role, name)}`` from the comma-separated ``KCC_*_API_KEY`` settings (``name:key`` or ``key``)."""
    return {key: (role, name) for role in ROLES for name, key in parse_keys(getattr(settings, f"{role}_api_key"))}


def get_state(request: Request) -> KccState:
    return request.app.state.kcc


StateDep = Annotated[KccState, Depends(get_state)]


def get_rate_limits(request: Request) -> RateLimits:
    return request.app.state.rate_limits


RateLimitsDep = Annotated[RateLimits, Depends(get_rate_limits)]
# auto_error=False: no key is the public caller, not an error; the scheme shows in the OpenAPI document
API_KEY_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="Staff key (agent, editor or admin); leave out for public requests.")


def get_caller(request: Request, state: StateDep, limits: RateLimitsDep,
               x_api_key: Annotated[str | None, Security(API_KEY_HEADER)] = None) -> Caller:
    """Who is calling, by ``X-API-Key``; anonymous requests and wrong keys count against their rate limits."""
    key = (x_api_key or "").strip()
    if not key:
        limits.hit_public(request)
        return Caller("public")
    limits.check_key_attempts(request)
    holder = state.identify(key)
    if holder is not None:
        return Caller(*holder)
    limits.hit_failed_key(request)
    raise ApiError(401, "invalid_api_key", "Ongeldige API-sleutel. Laat de sleutel weg voor publieke vragen.")


CallerDep = Annotated[Caller, Depends(get_caller)]


def require_staff(caller: CallerDep) -> Caller:
    """Contact log, statistics, feedback and grading are for KCC staff only: no key, no access."""
    if not caller.staff:
        raise ApiError(401, "api_key_required", "Deze functie is alleen voor KCC-medewerkers. Stuur uw "
                                                "API-sleutel mee in de kop X-API-Key.")
    return caller


StaffDep = Annotated[Caller, Depends(require_staff)]


def get_session(state: StateDep) -> Iterator[Session]:
    if state.db is None:
        raise ApiError(503, "unavailable", "Het contactlog is niet beschikbaar. Probeer het later opnieuw.")
    with state.db.session() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


ROLE_NAMES = {"agent": "medewerkers", "editor": "redacteuren", "admin": "beheerders"}


def require_role(*roles: str):
    """Only these roles; the 403 says which role it takes, and when no key of that role is set at all, that the
    role is off and which setting turns it on (an editor who reads "forbidden" does not know what to ask for)."""
    wanted = " of ".join(ROLE_NAMES[r] for r in roles)
    settings_names = " of ".join(f"KCC_{r.upper()}_API_KEY" for r in roles)

    def check(caller: CallerDep, state: StateDep) -> Caller:
        if caller.role in roles:
            return caller
        if not any(role in roles for role, _ in state.keys.values()):
            raise ApiError(403, "role_not_configured", f"Deze functie is voor {wanted}, en die rol staat uit: er is "
                                                       f"geen sleutel ingesteld ({settings_names}). Vraag de "
                                                       "beheerder die in te stellen.")
        raise ApiError(403, "forbidden", f"Deze functie is alleen voor {wanted}. Gebruik een sleutel met die rol.")

    return check
