from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.contact_schemas import FcrStatsOut, GapsOut, GradeStatsOut
from api.deps import SessionDep, StateDep, require_staff
from api.filters import PeriodDep
from api.schemas import error_responses
from kcc.contacts.gaps import find_gaps
from kcc.contacts.inputs import MAX_TEAM, Channel, Text
from kcc.contacts.period import Interval
from kcc.contacts.stats import FcrFilter, fcr_stats, grade_stats

router = APIRouter(prefix="/v1/stats", tags=["stats"], dependencies=[Depends(require_staff)],
                   responses=error_responses(401, 422, 429, 500, 503))
TeamFilter = Annotated[Text | None, Query(max_length=MAX_TEAM, description="'(geen)': the ones without.")]


@router.get("/fcr", response_model=FcrStatsOut)
def get_fcr(state: StateDep, session: SessionDep, period: PeriodDep, channel: Channel | None = None,
            team: TeamFilter = None, article: TeamFilter = None, interval: Interval = "day") -> FcrStatsOut:
    """First-contact resolution: overall, per channel, team, article and outcome, and per day or week."""
    where = FcrFilter(period=period, channel=channel, team=team, article=article, interval=interval)
    return FcrStatsOut.model_validate(fcr_stats(session, state.settings, where))


@router.get("/gaps", response_model=GapsOut)
def get_gaps(state: StateDep, session: SessionDep, period: PeriodDep,
             limit: Annotated[int, Query(ge=1, le=100)] = 10) -> GapsOut:
    """Unanswered or unresolved questions, grouped by meaning, biggest group first."""
    return GapsOut.model_validate(find_gaps(session, state.runtime.embedder, period, limit=limit,
                                            cache=state.question_vectors))


@router.get("/grades", response_model=GradeStatsOut)
def get_grade_stats(session: SessionDep, period: PeriodDep, interval: Interval = "week") -> GradeStatsOut:
    """Human grades: share of yes per criterion, per article and per day or week (by the contact's date)."""
    return GradeStatsOut.model_validate(grade_stats(session, period, interval))
