from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from api.deps import Caller, StateDep, require_role
from api.schemas import ErrorOut

router = APIRouter(prefix="/v1/admin", tags=["admin"])


@router.post("/reindex", responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}})
def reindex(state: StateDep, _: Annotated[Caller, Depends(require_role("editor", "admin"))]) -> dict:
    """Re-read the KB folder and index what changed, while the API keeps the store open."""
    with state.lock:
        outcome = state.runtime.ingest()
        state.service.articles = outcome.kb.by_id
    return {"articles": outcome.articles.summary(), "errors": [str(p) for p in outcome.kb.errors]}
