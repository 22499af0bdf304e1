from __future__ import annotations

from fastapi import APIRouter

from api.deps import StateDep
from api.schemas import HealthOut

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut)
def health(state: StateDep) -> HealthOut:
    return HealthOut(status="ok", articles=len(state.articles), indexed_chunks=state.runtime.store.count(),
                     embedder=state.runtime.embedder.spec,
                     store="qdrant-server" if state.settings.qdrant_url else "qdrant-edge")
