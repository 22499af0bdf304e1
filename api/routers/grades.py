from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.contact_schemas import ContactOut, GradeIn, GradeOut, GradeSampleOut
from api.deps import SessionDep, require_staff
from api.filters import PeriodDep
from api.schemas import error_responses
from kcc.contacts.inputs import MAX_SEED
from kcc.contacts.quality import add_grade, grading_sample

router = APIRouter(prefix="/v1/grades", tags=["grades"], dependencies=[Depends(require_staff)],
                   responses=error_responses(401, 422, 429, 500, 503))


@router.get("/sample", response_model=GradeSampleOut)
def get_sample(session: SessionDep, period: PeriodDep, n: Annotated[int, Query(ge=1, le=100)] = 10,
               seed: Annotated[int | None, Query(ge=0, le=MAX_SEED)] = None) -> GradeSampleOut:
    """Answered contacts nobody graded yet, at random (the same ``seed`` gives the same sample)."""
    contacts = grading_sample(session, n, period, seed)
    return GradeSampleOut(contacts=[ContactOut.model_validate(c) for c in contacts])


@router.post("", status_code=201, response_model=GradeOut, responses=error_responses(400, 404, 413))
def create_grade(body: GradeIn, session: SessionDep) -> GradeOut:
    """Grade the answer of one contact: juist, volledig, bron_klopt, begrijpelijk."""
    return GradeOut.model_validate(add_grade(session, body))
