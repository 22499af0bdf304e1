"""The editors' overview: articles with their status, content-check findings, the work list per owner team,
question variants from the floor, and the audit log."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.deps import Caller, SessionDep, StateDep, require_role
from api.editor_schemas import (
    AuditListOut,
    AuditOut,
    CollectOut,
    EditorArticleOut,
    EditorArticlesOut,
    FindingOut,
    FindingsOut,
    VariantDecisionIn,
    VariantDecisionOut,
    VariantListOut,
    VariantOut,
    WorkItemOut,
    WorkListOut,
    WorkStatus,
    WorkStatusIn,
)
from api.schemas import error_responses
from kcc.contacts.inputs import MAX_TEAM, Text
from kcc.editorial import variants as variant_loop
from kcc.editorial.versions import audit_entries, drafts, last_changes
from kcc.editorial.worklist import set_status, worklist

TITLE = re.compile(r"^title:\s*(.+)$", re.MULTILINE)
router = APIRouter(prefix="/v1/editor", tags=["editors"], dependencies=[Depends(require_role("editor", "admin"))],
                   responses=error_responses(400, 401, 403, 404, 409, 413, 422, 429, 500, 503))
Editor = Annotated[Caller, Depends(require_role("editor", "admin"))]
Filter = Annotated[Text | None, Query(max_length=MAX_TEAM)]


@router.get("/articles", response_model=EditorArticlesOut)
def editor_articles(state: StateDep, session: SessionDep, team: Filter = None) -> EditorArticlesOut:
    """Every article file with its status (ok, controle nodig, fouten, concept), owner and last change."""
    folder = state.board.current()
    pending = drafts(session)
    titles = {k: m.group(1).strip() for k, v in pending.items() if (m := TITLE.search(v.markdown))}
    rows = folder.rows({k: v.version for k, v in pending.items()}, last_changes(session), state.articles, titles)
    return EditorArticlesOut(articles=[EditorArticleOut(
        article_id=r.article_id, title=r.title, owner=r.owner, status=r.status,
        reviewed=r.reviewed.isoformat() if r.reviewed else None, last_change=r.last_change, changed_by=r.changed_by,
        findings=r.findings, errors=r.errors, draft_version=r.draft_version) for r in rows
        if team is None or r.owner == team])


@router.get("/findings", response_model=FindingsOut)
def editor_findings(state: StateDep, article_id: Filter = None, team: Filter = None) -> FindingsOut:
    """The content checks' findings (review dates, B1, contradictions, duplicates, links), per team, or of one
    article (a contradiction or duplicate told from its side)."""
    found = state.board.findings_of(article_id) if article_id else state.board.current().findings
    findings = [f for f in found if team is None or f.owner == team]
    return FindingsOut(findings=[FindingOut(**{k: v for k, v in f.as_dict().items() if k != "path"})
                                 for f in findings])


@router.get("/worklist", response_model=WorkListOut)
def editor_worklist(state: StateDep, session: SessionDep, team: Filter = None,
                    status: WorkStatus | None = None) -> WorkListOut:
    """One work list per owner team: signals, assigned gaps, content findings, due reviews, suggested variants."""
    folder = state.board.current()
    items = worklist(session, folder.by_id(), folder.findings, today=date.today(), team=team, status=status,
                     due_days=state.settings.work_due_days, review_months=state.settings.review_months)
    return WorkListOut(items=[WorkItemOut(**i.as_dict()) for i in items])


@router.post("/worklist/status", response_model=WorkStatusIn)
def editor_work_status(body: WorkStatusIn, session: SessionDep, caller: Editor) -> WorkStatusIn:
    """Move a work-list item to open, in behandeling or opgelost."""
    set_status(session, body.key, body.status, by=caller.name or caller.role, role=caller.role)
    return body


@router.get("/variants", response_model=VariantListOut)
def editor_variants(state: StateDep, session: SessionDep, article_id: Filter = None, team: Filter = None,
                    status: Annotated[str | None, Query(pattern="^(voorgesteld|goedgekeurd|afgewezen)$")] = None
                    ) -> VariantListOut:
    """Question variants from contacts resolved at first contact, most asked first."""
    owners = {a.id: a.owner for a in state.articles.values()}
    rows = variant_loop.variants(session, article_id=article_id, status=status, owners=owners, team=team)
    return VariantListOut(variants=[VariantOut.model_validate(r) for r in rows])


@router.post("/variants/collect", response_model=CollectOut)
def editor_collect_variants(state: StateDep, session: SessionDep) -> CollectOut:
    """Turn the contacts resolved at first contact into suggested variants (also done when the list is opened)."""
    return CollectOut(added=variant_loop.collect(session, state.articles))


@router.post("/variants/decide", response_model=VariantDecisionOut)
def editor_decide_variants(body: VariantDecisionIn, state: StateDep, session: SessionDep,
                           caller: Editor) -> VariantDecisionOut:
    """Approve (published in the article's ``vragen:`` and indexed with it: one new version per article) or
    reject suggested variants."""
    actor = caller.name or caller.role
    if body.decision == variant_loop.APPROVED:
        saved = variant_loop.approve_many(session, state.publisher, state.settings.kb_dir, body.ids, actor=actor,
                                          role=caller.role)
        return VariantDecisionOut(decided=len(body.ids), versions={s.article_id: s.version for s in saved})
    for variant_id in body.ids:
        variant_loop.decide(session, state.publisher, state.settings.kb_dir, variant_id, approve=False, actor=actor,
                            role=caller.role)
    return VariantDecisionOut(decided=len(body.ids), versions={})


@router.get("/audit", response_model=AuditListOut)
def editor_audit(session: SessionDep, target: Annotated[Text | None, Query(max_length=256)] = None,
                 limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> AuditListOut:
    """Who changed what and when, newest first."""
    return AuditListOut(entries=[AuditOut.model_validate(e) for e in audit_entries(session, target=target,
                                                                                   limit=limit)])
