from __future__ import annotations

from fastapi import APIRouter

from api.deps import CallerDep, StateDep
from api.schemas import AnswerOut, AnswerRequest, ErrorOut

router = APIRouter(prefix="/v1/answer", tags=["answer"])


@router.post("", response_model=AnswerOut, responses={400: {"model": ErrorOut}, 401: {"model": ErrorOut},
                                                      422: {"model": ErrorOut}})
def answer(body: AnswerRequest, state: StateDep, caller: CallerDep) -> AnswerOut:
    """One sourced answer, the same on every channel; ``internal_notes`` only for KCC staff."""
    result = state.service.answer(body.question, channel=body.channel, agent=caller.staff)
    return AnswerOut.model_validate(result)
