from __future__ import annotations

from fastapi import APIRouter

from api.deps import CallerDep, StateDep
from api.schemas import AnswerOut, AnswerRequest, error_responses

router = APIRouter(prefix="/v1/answer", tags=["answer"])


@router.post("", response_model=AnswerOut, responses=error_responses(400, 401, 413, 422, 429, 500))
def answer(body: AnswerRequest, state: StateDep, caller: CallerDep) -> AnswerOut:
    """One sourced answer, the same on every channel; ``internal_notes`` only for KCC staff."""
    result = state.service.answer(body.question, channel=body.channel, agent=caller.staff)
    return AnswerOut.model_validate(result)
