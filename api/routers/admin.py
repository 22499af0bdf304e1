from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from api.deps import Caller, StateDep, require_role
from api.errors import ApiError
from api.schemas import error_responses
from ingest.pipeline import RemovalRefused
from kcc.runtime import KbFolderError

router = APIRouter(prefix="/v1/admin", tags=["admin"])


@router.post("/reindex", responses=error_responses(401, 403, 409, 413, 429, 500))
def reindex(state: StateDep, _: Annotated[Caller, Depends(require_role("editor", "admin"))]) -> dict:
    """Re-read the KB folder and index what changed. Answers go on from the old version meanwhile; the new
    one is swapped in at once when it is complete, and only then are the old versions deleted."""
    if not state.reindex_lock.acquire(blocking=False):
        raise ApiError(409, "reindex_running", "Er loopt al een herindexering. Probeer het over een minuut opnieuw.")
    try:
        outcome = state.runtime.ingest(on_indexed=lambda: state.swap_service(state.runtime.answer_service()))
    except (KbFolderError, RemovalRefused) as exc:
        raise ApiError(409, "reindex_refused", str(exc)) from exc
    finally:
        state.reindex_lock.release()
    return {"ok": outcome.ok, "articles": outcome.summary(), "errors": [str(p) for p in outcome.kb.errors]}
