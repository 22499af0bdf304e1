from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.contact_schemas import AnswerFeedbackOut
from api.deps import CallerDep, SessionDep
from api.schemas import error_responses
from kcc.contacts.inputs import ANSWER_ID_PATTERN, AnswerFeedbackIn
from kcc.contacts.quality import add_answer_feedback

router = APIRouter(prefix="/v1/answers", tags=["answer"], responses=error_responses(400, 401, 413, 422, 429, 500, 503))


@router.post("/{answer_id}/feedback", status_code=201, response_model=AnswerFeedbackOut)
def create_answer_feedback(answer_id: Annotated[str, Path(pattern=ANSWER_ID_PATTERN)], body: AnswerFeedbackIn,
                           session: SessionDep, caller: CallerDep) -> AnswerFeedbackOut:
    """"Heeft dit antwoord u geholpen?" Ja / Nee, from the chat page or the website: anonymous (rate-limited like
    every public request), nothing about the person. Counted as self-service resolution on the FCR dashboard."""
    del caller  # resolved for its rate limit: anonymous requests count against KCC_RATE_LIMIT_PUBLIC
    return AnswerFeedbackOut.model_validate(add_answer_feedback(session, answer_id, body))
