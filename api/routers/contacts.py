from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Response

from api.contact_schemas import ContactIn, ContactListOut, ContactOut
from api.deps import CallerDep, SessionDep, StateDep, require_staff
from api.filters import PeriodDep
from api.schemas import error_responses
from kcc.contacts.db.models import Contact
from kcc.contacts.errors import ContactLogError
from kcc.contacts.inputs import MAX_NAME, Channel, QuestionAdd, RowCount, RowId, Text
from kcc.contacts.log import ContactFilter, add_question, list_contacts, log_contact, undo_question

# a console sends one per logged question; the same request sent twice logs it once (kcc.contacts.request_keys)
RequestKey = Annotated[str | None, Header(
    alias="Idempotency-Key", min_length=16, max_length=64, pattern=r"^[A-Za-z0-9_-]+$",
    description="Optional, a new random value (e.g. a UUID) per question logged. A request repeated with the same key "
                "(a double click, a retry after a timeout) logs nothing new and returns the contact; the key of "
                "another agent's or another contact's question gives 409 request_key_in_use.")]

router = APIRouter(prefix="/v1/contacts", tags=["contacts"], dependencies=[Depends(require_staff)],
                   responses=error_responses(401, 422, 429, 500, 503))


@router.post("", status_code=201, response_model=ContactOut, responses=error_responses(400, 403, 409, 413))
def create_contact(body: ContactIn, state: StateDep, session: SessionDep, caller: CallerDep,
                   request_key: RequestKey = None) -> ContactOut:
    """Log a contact; ``resolved_first_contact`` null = by the FCR rule of its outcome. The server sets
    ``created_at``; only an admin key may set it (an import), within the retention period."""
    if caller.name:  # the key names its agent: the contact is theirs, whatever the body says
        body = body.model_copy(update={"agent_id": caller.name})
    contact = log_contact(session, body, state.settings, state.articles, import_created_at=caller.role == "admin",
                          request_key=request_key)
    return ContactOut.model_validate(contact)


@router.get("", response_model=ContactListOut)
def get_contacts(state: StateDep, session: SessionDep, period: PeriodDep, channel: Channel | None = None,
                 outcome: Annotated[Text | None, Query(max_length=MAX_NAME)] = None,
                 agent_id: Annotated[Text | None, Query(max_length=MAX_NAME)] = None,
                 limit: Annotated[int, Query(ge=1, le=500)] = 50,
                 offset: Annotated[RowCount, Query()] = 0) -> ContactListOut:
    """Logged contacts, newest first, with the number of all matches."""
    where = ContactFilter(period=period, channel=channel, outcome=outcome, agent_id=agent_id)
    contacts, total = list_contacts(session, where, state.settings.outcomes, limit=limit, offset=offset)
    return ContactListOut(contacts=[ContactOut.model_validate(c) for c in contacts], total=total)


@router.get("/{contact_id}", response_model=ContactOut, responses=error_responses(400, 404))
def get_contact(contact_id: RowId, session: SessionDep) -> ContactOut:
    """One contact with its questions: where a signal or a grade came from."""
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise ContactLogError("not_found", "unknown_contact", f"Contact {contact_id} bestaat niet (meer).")
    return ContactOut.model_validate(contact)


@router.post("/{contact_id}/questions", status_code=201, response_model=ContactOut,
             responses=error_responses(400, 403, 404, 409, 413))
def create_question(contact_id: RowId, body: QuestionAdd, state: StateDep, session: SessionDep,
                    caller: CallerDep, request_key: RequestKey = None) -> ContactOut:
    """The next question of a contact still going on (a call's second question): logged at once, so nothing
    waits for the end of the call. With a key that names its agent, only that agent's contacts (403)."""
    contact = add_question(session, contact_id, body, body.duration_seconds, state.settings, state.articles,
                           agent_id=caller.name, request_key=request_key)
    return ContactOut.model_validate(contact)


@router.delete("/{contact_id}/questions/{question_id}", response_model=ContactOut,
               responses={204: {"description": "The contact's only question: the contact is gone with it."},
                          **error_responses(403, 404, 409)})
def delete_question(contact_id: RowId, question_id: RowId, state: StateDep, session: SessionDep,
                    caller: CallerDep) -> ContactOut | Response:
    """Undo a question logged less than KCC_UNDO_SECONDS ago (a mis-clicked outcome); 409 after that. With a key
    that names its agent, only that agent's contacts (403)."""
    contact = undo_question(session, contact_id, question_id, state.settings, agent_id=caller.name)
    return Response(status_code=204) if contact is None else ContactOut.model_validate(contact)
