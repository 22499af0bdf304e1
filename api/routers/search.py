from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CallerDep, StateDep
from api.schemas import SearchOut, SearchResultOut, error_responses
from kcc.answer import normalise_question
from kcc.contacts.inputs import Channel, Text

router = APIRouter(prefix="/v1/search", tags=["search"])


@router.get("", response_model=SearchOut, responses=error_responses(401, 422, 429, 500))
def search(state: StateDep, caller: CallerDep,
           q: Annotated[Text, Query(description="The question: at most KCC_MAX_QUESTION_CHARS characters (500 by "
                                                "default) once spaces are normalised.")] = "",
           channel: Channel = "web", limit: Annotated[int, Query(ge=1, le=50)] = 10,
           references: bool = False) -> SearchOut:
    """Ranked sections; internal ones (and reference documents, with ``references=true``) only for KCC staff."""
    question = normalise_question(q, state.settings.max_question_chars)
    service = state.service  # one reference: a re-index swapping in a new service does not change it midway
    hits = service.searcher.search(question, audience="agent" if caller.staff else "public", top_k=limit,
                                   include_references=references and caller.staff)
    # only the version of each article that answers: never a leftover of an interrupted re-index
    current = [h for h in hits if service.view.is_current(h.article_id, h.article_hash)]
    return SearchOut(query=question, results=[
        SearchResultOut(article_id=h.article_id, title=h.title, section=h.section, markdown=h.text, url=h.url,
                        internal=h.audience == "internal", source=h.source, rank=h.rank, score=h.score)
        for h in current])
