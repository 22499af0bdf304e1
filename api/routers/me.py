from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import CallerDep, require_staff
from api.schemas import error_responses


class MeOut(BaseModel):
    role: str = Field(description="agent, editor or admin.")
    name: str | None = Field(description="The name the key gives its holder (KCC_*_API_KEY as name:key); null for "
                                         "a key without a name.")


router = APIRouter(prefix="/v1/me", tags=["contacts"], responses=error_responses(401, 429, 500))


@router.get("", response_model=MeOut)
def get_me(caller: CallerDep) -> MeOut:
    """Who this key belongs to: the console shows it, and logs contacts under that name."""
    require_staff(caller)
    return MeOut(role=caller.role, name=caller.name)
