from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.contact_schemas import CallbackIn, CallbackListOut, CallbackOut, CallbackPatch, TeamsOut
from api.deps import CallerDep, SessionDep, StateDep, require_staff
from api.schemas import error_responses
from kcc.contacts.callbacks import create_callback, list_callbacks, update_callback
from kcc.contacts.inputs import MAX_TEAM, CallbackStatus, RowId, Text
from kcc.contacts.teams import known_teams

router = APIRouter(tags=["callbacks"], dependencies=[Depends(require_staff)],
                   responses=error_responses(401, 422, 429, 500, 503))


@router.get("/v1/teams", response_model=TeamsOut)
def get_teams(state: StateDep) -> TeamsOut:
    """The teams contacts are handed to and callback requests go to."""
    return TeamsOut(teams=known_teams(state.settings, state.articles))


@router.post("/v1/callbacks", status_code=201, response_model=CallbackOut, responses=error_responses(400, 404, 413))
def create(body: CallbackIn, state: StateDep, session: SessionDep, caller: CallerDep) -> CallbackOut:
    """A callback request for a team: name, phone or e-mail, the question (masked), the team, the due date."""
    callback = create_callback(session, body, state.settings, state.articles, agent_id=caller.name)
    return CallbackOut.model_validate(callback)


@router.get("/v1/callbacks", response_model=CallbackListOut)
def get_callbacks(session: SessionDep, team: Annotated[Text | None, Query(max_length=MAX_TEAM)] = None,
                  status: CallbackStatus | None = None,
                  limit: Annotated[int, Query(ge=1, le=500)] = 200) -> CallbackListOut:
    """Callback requests, the earliest due first; per team and status."""
    return CallbackListOut(callbacks=[CallbackOut.model_validate(c)
                                      for c in list_callbacks(session, team=team, status=status, limit=limit)])


@router.patch("/v1/callbacks/{callback_id}", response_model=CallbackOut, responses=error_responses(400, 404, 409))
def patch(callback_id: RowId, body: CallbackPatch, session: SessionDep) -> CallbackOut:
    """Move a request to open, in behandeling or afgehandeld; handled requests lose name, phone and e-mail."""
    return CallbackOut.model_validate(update_callback(session, callback_id, body.status))
