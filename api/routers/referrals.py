"""The referral guide for agents: which organisation handles what, and how a resident reaches it."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from api.deps import StateDep, require_staff
from api.schemas import error_responses


class OrganisationOut(BaseModel):
    organisation: str = Field(description="The name the resident hears.")
    handles: str = Field(description="What the organisation helps with.")
    how: str = Field(description="How to reach it.")
    examples: list[str] = Field(description="Example questions the guide recognises.")


class ReferralsOut(BaseModel):
    organisations: list[OrganisationOut]
    threshold: float = Field(description="The cosine from which a question counts as one of an organisation's "
                                         "examples, fitted on the guide itself.")


router = APIRouter(tags=["answers"], dependencies=[Depends(require_staff)], responses=error_responses(401, 429, 500))


@router.get("/v1/referrals", response_model=ReferralsOut)
def get_referrals(state: StateDep) -> ReferralsOut:
    """The referral guide in use (the product's national guide plus the municipality's own), A to Z."""
    guide = state.service.referrals
    return ReferralsOut(threshold=guide.threshold, organisations=[
        OrganisationOut(organisation=o.name, handles=o.handles, how=o.reach, examples=list(o.questions))
        for o in sorted(guide.organisations, key=lambda o: o.name.casefold())])
