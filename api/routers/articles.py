from __future__ import annotations

from fastapi import APIRouter

from api.deps import CallerDep, StateDep
from api.errors import ApiError
from api.schemas import ArticleListOut, ArticleOut, ArticleSectionOut, ArticleSummaryOut, error_responses
from kcc.render import to_html

router = APIRouter(prefix="/v1/articles", tags=["articles"])


@router.get("", response_model=ArticleListOut, responses=error_responses(401, 429, 500))
def list_articles(state: StateDep, caller: CallerDep) -> ArticleListOut:
    """Every article's id, title, owner and review date, by title (dashboards show titles, not ids)."""
    articles = sorted((a for a in state.articles.values() if caller.staff or not a.internal),
                      key=lambda a: a.title.casefold())
    return ArticleListOut(articles=[ArticleSummaryOut(
        id=a.id, title=a.title, owner=a.owner, audience=a.audience,
        reviewed=a.reviewed.isoformat() if a.reviewed else None, url=state.service.source_url(a)) for a in articles])


@router.get("/{article_id}", response_model=ArticleOut, responses=error_responses(401, 404, 422, 429, 500))
def get_article(article_id: str, state: StateDep, caller: CallerDep) -> ArticleOut:
    """The whole article; internal sections (and internal articles) only for KCC staff."""
    article = state.articles.get(article_id)
    if article is None or (article.internal and not caller.staff):
        raise ApiError(404, "article_not_found", f"Artikel '{article_id}' bestaat niet.")
    sections = article.sections if caller.staff else article.public_sections
    return ArticleOut(
        id=article.id, title=article.title, type=article.type, upl=article.upl, owner=article.owner,
        audience=article.audience, reviewed=article.reviewed.isoformat() if article.reviewed else None,
        url=state.service.source_url(article), keywords=list(article.keywords), version=article.hash,
        referral=article.referral,
        sections=[ArticleSectionOut(heading=s.heading, markdown=s.body, html=to_html(s.body),
                                    internal=article.section_is_internal(s)) for s in sections])
