"""Editors write articles: save as draft or publish, see the history, restore an earlier version, preview."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from api.deps import Caller, SessionDep, StateDep, require_role
from api.editor_schemas import (
    ArticleEditIn,
    ArticleSavedOut,
    ArticleSourceOut,
    PreviewIn,
    PreviewOut,
    RestoreIn,
    VersionListOut,
    VersionOut,
)
from api.errors import ApiError, problem_dicts
from api.schemas import ArticleSectionOut, error_responses
from kb.loader import ID_PATTERN, ArticleError, load_article
from kcc.contacts.inputs import TeamName
from kcc.editorial.edits import restore, save
from kcc.editorial.publish import ArticleRejected, article_path, check_edit
from kcc.editorial.versions import drafts, history
from kcc.render import to_html

router = APIRouter(prefix="/v1/articles", tags=["editors"],
                   responses=error_responses(400, 401, 403, 404, 409, 413, 422, 429, 500, 503))
Editor = Annotated[Caller, Depends(require_role("editor", "admin"))]
ArticleId = Annotated[TeamName, Path(pattern=ID_PATTERN.pattern, description="The article's id (its file name "
                                                                             "without .md): a slug.")]


def _saved(saved) -> ArticleSavedOut:
    return ArticleSavedOut(article_id=saved.article_id, version=saved.version, status=saved.status,
                           seconds=round(saved.seconds, 3) if saved.seconds is not None else None,
                           warnings=problem_dicts(saved.warnings))


@router.put("/{article_id}", response_model=ArticleSavedOut)
def put_article(article_id: ArticleId, body: ArticleEditIn, state: StateDep, session: SessionDep,
                caller: Editor) -> ArticleSavedOut:
    """Save the whole article file as a draft, or publish it: the next question is answered from the new text.
    A broken file is refused with every problem's line and fix (422 invalid_article); nothing changes then."""
    return _saved(save(session, state.publisher, state.settings.kb_dir, article_id, body.markdown, status=body.status,
                       reason=body.reason, actor=caller.name or caller.role, role=caller.role))


@router.get("/{article_id}/versions", response_model=VersionListOut)
def get_versions(article_id: ArticleId, session: SessionDep, _: Editor) -> VersionListOut:
    """Every saved version, newest first: who, when, why, and what changed."""
    return VersionListOut(article_id=article_id,
                          versions=[VersionOut.model_validate(v) for v in history(session, article_id)])


@router.post("/{article_id}/restore", response_model=ArticleSavedOut)
def post_restore(article_id: ArticleId, body: RestoreIn, state: StateDep, session: SessionDep,
                 caller: Editor) -> ArticleSavedOut:
    """Publish an earlier version again (a new version that names the one it restored)."""
    return _saved(restore(session, state.publisher, state.settings.kb_dir, article_id, body.version,
                          reason=body.reason, actor=caller.name or caller.role, role=caller.role))


@router.get("/{article_id}/source", response_model=ArticleSourceOut)
def get_source(article_id: ArticleId, state: StateDep, session: SessionDep, _: Editor) -> ArticleSourceOut:
    """The article's file to edit, with its newest draft and the problems of the file in the folder."""
    path = article_path(state.settings.kb_dir, article_id)
    markdown, errors = None, []
    if path.is_file():
        markdown = path.read_text(encoding="utf-8-sig", errors="replace")
        try:
            load_article(path)
        except ArticleError as exc:
            errors = exc.problems
    draft = drafts(session).get(article_id)
    if markdown is None and draft is None:
        raise ApiError(404, "article_not_found", f"Artikel '{article_id}' bestaat niet.")
    return ArticleSourceOut(article_id=article_id, markdown=markdown, draft=draft.markdown if draft else None,
                            draft_version=draft.version if draft else None, errors=problem_dicts(errors))


@router.post("/{article_id}/preview", response_model=PreviewOut)
def post_preview(article_id: ArticleId, body: PreviewIn, state: StateDep, _: Editor) -> PreviewOut:
    """Check an edit without saving it, and show it as the chat page and the console would."""
    try:
        article, warnings, _path = check_edit(state.settings.kb_dir, article_id, body.markdown.replace("\r\n", "\n"))
    except ArticleRejected as exc:
        return PreviewOut(ok=False, problems=problem_dicts(exc.problems), title=None, sections=[])
    return PreviewOut(ok=True, problems=problem_dicts(warnings), title=article.title, sections=[
        ArticleSectionOut(heading=s.heading, markdown=s.body, html=to_html(s.body),
                          internal=article.section_is_internal(s)) for s in article.sections])
