from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, ConfigDict, Field

from api.deps import Caller, SessionDep, StateDep, require_role
from api.errors import ApiError
from api.schemas import error_responses
from ingest.pipeline import RemovalRefused
from kcc.contacts.inputs import MAX_TEAM, TextRule
from kcc.contacts.teams import known_teams
from kcc.editorial.publish import write_atomically
from kcc.editorial.versions import audit
from kcc.referrals import GuideError, parse_guide
from kcc.runtime import KbFolderError
from kcc.settings_lists import load_lists, reset_list, save_list

router = APIRouter(prefix="/v1/admin", tags=["admin"])


@router.post("/reindex", responses=error_responses(401, 403, 409, 413, 429, 500))
def reindex(state: StateDep, _: Annotated[Caller, Depends(require_role("editor", "admin"))]) -> dict:
    """Re-read the KB folder and index what changed. Answers go on from the old version meanwhile; the new
    one is swapped in at once when it is complete, and only then are the old versions deleted."""
    if not state.reindex_lock.acquire(blocking=False):
        raise ApiError(409, "reindex_running", "Er loopt al een herindexering. Probeer het over een minuut opnieuw.")
    try:
        outcome = state.runtime.ingest(on_indexed=state.swap_service)
    except (KbFolderError, RemovalRefused) as exc:
        raise ApiError(409, "reindex_refused", str(exc)) from exc
    finally:
        state.reindex_lock.release()
    return {"ok": outcome.ok, "articles": outcome.summary(), "errors": [str(p) for p in outcome.kb.errors]}


Admin = Annotated[Caller, Depends(require_role("admin"))]
WRITE_ERRORS = error_responses(400, 401, 403, 404, 409, 413, 422, 429, 500, 503)


class ListsOut(BaseModel):
    teams: list[str] = Field(description="The teams contacts are handed to and callback requests go to.")
    outcomes: dict[str, bool] = Field(description="Contact outcomes, and whether each counts as resolved at first "
                                                  "contact.")
    managed: list[str] = Field(description="The lists set here (the others come from the environment).")
    referral_guide: str | None = Field(description="The municipality's own referral guide (YAML), when "
                                                   "KCC_REFERRAL_FILE is set.")


class ListIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    values: list[Annotated[str, TextRule(1, MAX_TEAM)]] | dict[Annotated[str, TextRule(1, MAX_TEAM)], bool] = Field(
        description="teams: a list of names; outcomes: {name: counts as resolved at first contact}.")


class GuideIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    yaml: Annotated[str, TextRule(1, 200_000)] = Field(description="The whole guide file, as in kb/doorverwijzen.yaml.")


def _lists(state, session) -> ListsOut:
    guide = state.settings.referral_file
    return ListsOut(teams=known_teams(state.settings, state.articles), outcomes=state.settings.outcomes,
                    managed=sorted(load_lists(session)),
                    referral_guide=guide.read_text(encoding="utf-8") if guide and guide.is_file() else None)


@router.get("/lists", response_model=ListsOut, responses=error_responses(401, 403, 422, 429, 500, 503))
def get_lists(state: StateDep, session: SessionDep, _: Admin) -> ListsOut:
    """The lists admins manage: teams, outcomes and the municipality's referral guide."""
    return _lists(state, session)


@router.put("/lists/{name}", response_model=ListsOut, responses=WRITE_ERRORS)
def put_list(name: Annotated[str, Path(pattern="^(teams|outcomes)$")], body: ListIn, state: StateDep,
             session: SessionDep, caller: Admin) -> ListsOut:
    """Set the teams or the outcomes for every API process (instead of KCC_TEAMS / KCC_OUTCOMES)."""
    save_list(session, name, body.values, actor=caller.name or caller.role, role=caller.role)
    state.apply_lists()
    return _lists(state, session)


@router.delete("/lists/{name}", response_model=ListsOut, responses=WRITE_ERRORS)
def delete_list(name: Annotated[str, Path(pattern="^(teams|outcomes)$")], state: StateDep, session: SessionDep,
                caller: Admin) -> ListsOut:
    """Back to the environment's list."""
    reset_list(session, name, actor=caller.name or caller.role, role=caller.role)
    state.apply_lists()
    return _lists(state, session)


@router.put("/referral-guide", response_model=ListsOut, responses=WRITE_ERRORS)
def put_referral_guide(body: GuideIn, state: StateDep, session: SessionDep, caller: Admin) -> ListsOut:
    """Replace the municipality's own referral guide (checked first; agents and no-answers use it at once)."""
    path = state.settings.referral_file
    if path is None:
        raise ApiError(409, "no_referral_file", "Er is geen eigen doorverwijsgids ingesteld (KCC_REFERRAL_FILE). "
                                                "Stel die in om hem hier te beheren.")
    try:
        organisations = parse_guide(body.yaml, source="doorverwijsgids")
    except GuideError as exc:
        raise ApiError(422, "invalid_referral_guide", str(exc)) from exc
    with state.reindex_lock:
        write_atomically(path, body.yaml)
        state.swap_service(state.runtime.answer_service())
    audit(session, actor=caller.name or caller.role, role=caller.role, action="lijst gewijzigd",
          target="lijst:doorverwijsgids", detail=", ".join(o.name for o in organisations))
    session.commit()
    return _lists(state, session)
