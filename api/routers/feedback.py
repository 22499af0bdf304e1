from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.contact_schemas import FeedbackIn, FeedbackListOut, FeedbackOut
from api.deps import SessionDep, StateDep, require_staff
from api.schemas import ErrorOut
from kcc.contacts.quality import add_feedback, list_feedback

router = APIRouter(prefix="/v1/feedback", tags=["feedback"], dependencies=[Depends(require_staff)],
                   responses={401: {"model": ErrorOut}, 404: {"model": ErrorOut}, 422: {"model": ErrorOut}})


@router.post("", status_code=201, response_model=FeedbackOut)
def create_feedback(body: FeedbackIn, state: StateDep, session: SessionDep) -> FeedbackOut:
    """An agent's remark on an article (or one of its sections), for the article's owner."""
    return FeedbackOut.model_validate(add_feedback(session, body, state.articles))


@router.get("", response_model=FeedbackListOut)
def get_feedback(session: SessionDep, article_id: str | None = None, owner: str | None = None,
                 limit: Annotated[int, Query(ge=1, le=500)] = 50) -> FeedbackListOut:
    """Feedback, newest first; per article or per owning team."""
    items = list_feedback(session, article_id=article_id, owner=owner, limit=limit)
    return FeedbackListOut(feedback=[FeedbackOut.model_validate(f) for f in items])
