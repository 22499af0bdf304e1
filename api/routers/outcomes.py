from __future__ import annotations

from fastapi import APIRouter, Depends

from api.contact_schemas import OutcomeOut, OutcomesOut
from api.deps import StateDep, require_staff
from api.schemas import error_responses

router = APIRouter(prefix="/v1/outcomes", tags=["contacts"], dependencies=[Depends(require_staff)],
                   responses=error_responses(401, 429, 500))


@router.get("", response_model=OutcomesOut)
def get_outcomes(state: StateDep) -> OutcomesOut:
    """The outcomes an agent can choose, in order, and whether each counts as resolved at first contact."""
    settings = state.settings
    return OutcomesOut(outcomes=[OutcomeOut(name=name, resolved_first_contact=resolved)
                                 for name, resolved in settings.outcomes.items()], target=settings.fcr_target)
