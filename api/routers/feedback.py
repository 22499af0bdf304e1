from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from api.contact_schemas import FeedbackIn, FeedbackListOut, FeedbackOut, FeedbackPatch
from api.deps import SessionDep, StateDep, require_staff
from api.schemas import error_responses
from kcc.contacts.inputs import MAX_TEAM, FeedbackStatus, RowId, Text
from kcc.contacts.quality import add_feedback, list_feedback
from kcc.contacts.triage import update_feedback_status

router = APIRouter(prefix="/v1/feedback", tags=["feedback"], dependencies=[Depends(require_staff)],
                   responses=error_responses(401, 422, 429, 500, 503))


@router.post("", status_code=201, response_model=FeedbackOut, responses=error_responses(400, 404, 413))
def create_feedback(body: FeedbackIn, state: StateDep, session: SessionDep) -> FeedbackOut:
    """An agent's remark on an article (or one of its sections), for the article's owner."""
    return FeedbackOut.model_validate(add_feedback(session, body, state.articles))


@router.get("", response_model=FeedbackListOut)
def get_feedback(session: SessionDep, article_id: Annotated[Text | None, Query(max_length=MAX_TEAM)] = None,
                 owner: Annotated[Text | None, Query(max_length=MAX_TEAM)] = None,
                 status: FeedbackStatus | None = None,
                 limit: Annotated[int, Query(ge=1, le=500)] = 50) -> FeedbackListOut:
    """Feedback, newest first; per article, per owning team or per status."""
    items = list_feedback(session, article_id=article_id, owner=owner, status=status, limit=limit)
    return FeedbackListOut(feedback=[FeedbackOut.model_validate(f) for f in items])


@router.patch("/{feedback_id}", response_model=FeedbackOut, responses=error_responses(400, 404))
def patch_feedback(feedback_id: Annotated[RowId, Path()], body: FeedbackPatch, session: SessionDep) -> FeedbackOut:
    """Move a signal to open, in behandeling or opgelost (the owner team's work on it)."""
    return FeedbackOut.model_validate(update_feedback_status(session, feedback_id, body.status))
