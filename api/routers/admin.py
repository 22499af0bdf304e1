from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from api.deps import Caller, StateDep, require_role
from api.errors import ApiError
from api.schemas import ErrorOut
from ingest.pipeline import RemovalRefused
from kcc.runtime import KbFolderError

router = APIRouter(prefix="/v1/admin", tags=["admin"])


@router.post("/reindex", responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 409: {"model": ErrorOut}})
def reindex(state: StateDep, _: Annotated[Caller, Depends(require_role("editor", "admin"))]) -> dict:
    """Re-read the KB folder and index what changed, while the API keeps the store open."""
    with state.lock:
        try:
            outcome = state.runtime.ingest()
        except (KbFolderError, RemovalRefused) as exc:
            raise ApiError(409, "reindex_refused", str(exc)) from exc
        state.service = state.runtime.answer_service()
    return {"ok": outcome.ok, "articles": outcome.summary(), "errors": [str(p) for p in outcome.kb.errors]}
