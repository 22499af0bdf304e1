from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.contact_schemas import ContactIn, ContactListOut, ContactOut
from api.deps import SessionDep, StateDep, require_staff
from api.filters import PeriodDep
from api.schemas import ErrorOut
from kcc.contacts.log import ContactFilter, list_contacts, log_contact

router = APIRouter(prefix="/v1/contacts", tags=["contacts"], dependencies=[Depends(require_staff)],
                   responses={401: {"model": ErrorOut}, 422: {"model": ErrorOut}})


@router.post("", status_code=201, response_model=ContactOut)
def create_contact(body: ContactIn, state: StateDep, session: SessionDep) -> ContactOut:
    """Log a contact; ``resolved_first_contact`` null = by the FCR rule of its outcome."""
    return ContactOut.model_validate(log_contact(session, body, state.settings, state.articles))


@router.get("", response_model=ContactListOut)
def get_contacts(state: StateDep, session: SessionDep, period: PeriodDep, channel: str | None = None,
                 outcome: str | None = None, agent_id: str | None = None,
                 limit: Annotated[int, Query(ge=1, le=500)] = 50,
                 offset: Annotated[int, Query(ge=0)] = 0) -> ContactListOut:
    """Logged contacts, newest first, with the number of all matches."""
    where = ContactFilter(period=period, channel=channel, outcome=outcome, agent_id=agent_id)
    contacts, total = list_contacts(session, where, state.settings.outcomes, limit=limit, offset=offset)
    return ContactListOut(contacts=[ContactOut.model_validate(c) for c in contacts], total=total)
