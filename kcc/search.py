"""The search core: hybrid retrieval of article sections with the audience filter inside the store query.

Every caller (CLI, API, evaluation) goes through :class:`Searcher`; nothing else queries the index.

Example::

    searcher = Searcher(store, embedder)
    hits = searcher.search("wat kost een paspoort", audience="public")
    hits[0].article_id, hits[0].section   # ("paspoort-aanvragen", "Wat kost het?")
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from haystack import Document, Pipeline

from ingest.components.bm25_embedder import Bm25TextEmbedder
from ingest.components.dense_embedder import DenseTextEmbedder
from ingest.components.hybrid_retriever import HybridRetriever
from ingest.embedders import DenseEmbedder
from ingest.stores.base import QUERY_MODES, StoreFilter, VectorStore

Audience = Literal["public", "agent"]


@dataclass(frozen=True)
class SectionHit:
    """One retrieved section chunk."""

    article_id: str
    title: str
    section: str
    section_index: int
    text: str
    audience: str
    source: str
    score: float
    rank: int
    url: str | None = None
    owner: str | None = None
    type: str | None = None
    reviewed: str | None = None
    article_hash: str | None = None

    @classmethod
    def from_document(cls, doc: Document, rank: int) -> SectionHit:
        meta = doc.meta
        return cls(article_id=meta["article_id"], title=meta.get("title", ""), section=meta.get("section", ""),
                   section_index=int(meta.get("section_index", 0)), text=meta.get("body") or doc.content or "",
                   audience=meta.get("audience", "internal"), source=meta.get("source", "article"),
                   score=float(doc.score or 0.0), rank=rank, url=meta.get("url"), owner=meta.get("owner"),
                   type=meta.get("type"), reviewed=meta.get("reviewed"), article_hash=meta.get("article_hash"))


def audience_filter(audience: Audience, include_references: bool = False) -> StoreFilter:
    """Public callers see public text only; agents see everything. References are opt-in."""
    sources = None if include_references else ("article",)
    return StoreFilter(audiences=("public",) if audience == "public" else None, sources=sources)


def build_query_pipeline(store: VectorStore, embedder: DenseEmbedder, *, rrf_k: int = 10,
                         prefetch_limit: int = 50, bm25_language: str = "dutch") -> Pipeline:
    pipeline = Pipeline()
    pipeline.add_component("dense", DenseTextEmbedder(embedder))
    pipeline.add_component("sparse", Bm25TextEmbedder(language=bm25_language))
    pipeline.add_component("retriever", HybridRetriever(store, rrf_k=rrf_k, prefetch_limit=prefetch_limit))
    pipeline.connect("dense.embedding", "retriever.query_embedding")
    pipeline.connect("sparse.sparse_embedding", "retriever.query_sparse_embedding")
    return pipeline


class Searcher:
    """Ranked sections for a question; ``search_articles`` collapses them to articles."""

    def __init__(self, store: VectorStore, embedder: DenseEmbedder, *, rrf_k: int = 10, prefetch_limit: int = 50,
                 bm25_language: str = "dutch"):
        self.pipeline = build_query_pipeline(store, embedder, rrf_k=rrf_k, prefetch_limit=prefetch_limit,
                                             bm25_language=bm25_language)
        self.pipeline.warm_up()

    def search(self, question: str, *, audience: Audience = "public", top_k: int = 10, mode: str = "hybrid",
               include_references: bool = False) -> list[SectionHit]:
        """:param audience: ``public`` filters internal text out inside the store; ``agent`` sees all.
        :param mode: ``hybrid`` (default), ``dense`` or ``sparse`` (BM25 only).
        :raises ValueError: on an unknown mode or an empty question."""
        if mode not in QUERY_MODES:
            raise ValueError(f"mode must be one of {QUERY_MODES}")
        if not question.strip():
            raise ValueError("question is empty")
        result = self.pipeline.run({
            "dense": {"text": question},
            "sparse": {"text": question},
            "retriever": {"filter": audience_filter(audience, include_references), "top_k": top_k, "mode": mode},
        })
        return [SectionHit.from_document(doc, rank) for rank, doc in enumerate(result["retriever"]["documents"], 1)]

    def search_articles(self, question: str, *, audience: Audience = "public", top_k: int = 5,
                        mode: str = "hybrid") -> list[str]:
        """Article ids in the order their best section ranks."""
        ranked: list[str] = []
        for hit in self.search(question, audience=audience, top_k=top_k * 6, mode=mode):
            if hit.article_id not in ranked:
                ranked.append(hit.article_id)
        return ranked[:top_k]
