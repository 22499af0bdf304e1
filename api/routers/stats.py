from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from api.contact_schemas import FcrStatsOut, GapDecisionIn, GapDecisionOut, GapDecisionsOut, GapsOut, GradeStatsOut
from api.deps import CallerDep, SessionDep, StateDep, require_staff
from api.errors import ApiError
from api.filters import PeriodDep
from api.schemas import error_responses
from kcc.contacts.gaps import find_gaps
from kcc.contacts.inputs import MAX_TEAM, Channel, RowId, Text
from kcc.contacts.period import Interval
from kcc.contacts.stats import FcrFilter, fcr_stats, grade_stats
from kcc.contacts.teams import known_teams
from kcc.contacts.triage import OUT_OF_SCOPE, decide, list_decisions, undo_decision

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
                                            threshold=state.service.calibration.gap_threshold,
                                            cache=state.question_vectors))


@router.get("/grades", response_model=GradeStatsOut)
def get_grade_stats(session: SessionDep, period: PeriodDep, interval: Interval = "week") -> GradeStatsOut:
    """Human grades: share of yes per criterion, per article and per day or week (by the contact's date)."""
    return GradeStatsOut.model_validate(grade_stats(session, period, interval))


@router.get("/gaps/decisions", response_model=GapDecisionsOut)
def get_gap_decisions(session: SessionDep, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> GapDecisionsOut:
    """Team leads' decisions on gap questions, newest first."""
    return GapDecisionsOut(decisions=[GapDecisionOut.model_validate(d) for d in list_decisions(session, limit)])


@router.post("/gaps/decisions", status_code=201, response_model=GapDecisionsOut,
             responses=error_responses(400, 403, 409, 413))
def post_gap_decision(body: GapDecisionIn, state: StateDep, session: SessionDep,
                      caller: CallerDep) -> GapDecisionsOut:
    """Dismiss a gap's questions, put them out of scope (added to the municipality's out-of-scope list: editor
    and admin keys only, as it changes answers after the next re-index), or assign them to an owner team."""
    if body.decision == OUT_OF_SCOPE and caller.role not in ("editor", "admin"):
        raise ApiError(403, "editor_required", "Alleen redacteuren en beheerders zetten vragen op de "
                                               "buiten-bereiklijst: die verandert de antwoorden. Kies 'negeren' "
                                               "of 'toewijzen'.")
    by = caller.name or body.decided_by
    if not by:
        raise ApiError(422, "invalid_agent_id", "Geef 'decided_by' mee: wie dit besluit neemt.")
    decisions, added = decide(session, body.questions, body.decision, by=by, team=body.team,
                              known_teams=known_teams(state.settings, state.articles),
                              out_of_scope_file=state.settings.out_of_scope_file,
                              max_chars=state.settings.max_question_chars)
    return GapDecisionsOut(decisions=[GapDecisionOut.model_validate(d) for d in decisions], out_of_scope_added=added)


@router.delete("/gaps/decisions/{decision_id}", status_code=204, responses=error_responses(400, 404))
def delete_gap_decision(decision_id: Annotated[RowId, Path()], session: SessionDep) -> Response:
    """Take a decision back: the question shows in the gaps again."""
    undo_decision(session, decision_id)
    return Response(status_code=204)
