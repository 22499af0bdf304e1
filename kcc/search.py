"""The search core: hybrid retrieval of article sections with the audience filter inside the store query.

Every caller (CLI, API, evaluation) goes through :class:`Searcher`; nothing else queries the index.

Example::

    searcher = Searcher(store, embedder)
    hits = searcher.search("wat kost een paspoort", audience="public")
    hits[0].article_id, hits[0].section   # ("paspoort-aanvragen", "Wat kost het?")
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from cachetools import LRUCache
from haystack import Document, Pipeline
from haystack.dataclasses import SparseEmbedding

from ingest.components.bm25_embedder import Bm25TextEmbedder
from ingest.components.dense_embedder import DenseTextEmbedder
from ingest.components.hybrid_retriever import HybridRetriever
from ingest.embedders import DenseEmbedder
from ingest.stores.base import QUERY_MODES, StoreFilter, VectorStore

Audience = Literal["public", "agent"]
QUERY_VECTORS = 4096  # query vectors kept per searcher (1.5 KB each for a 384-dimensional embedder)


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


@dataclass(frozen=True)
class Retrieval:
    """Ranked hits plus the query vectors and filter that produced them."""

    hits: list[SectionHit]
    dense: list[float]
    sparse: SparseEmbedding
    filter: StoreFilter
    tops: tuple[SectionHit | None, SectionHit | None] | None = None  # each branch's best hit, when asked for


def _ranked(docs: list[Document]) -> list[SectionHit]:
    # RRF often gives two sections the same fused score; the engine may return them in either order,
    # so order ties by id: the same question must give the same answer every time, on every channel.
    ordered = sorted(docs, key=lambda d: (-round(d.score or 0.0, 9), d.id))
    return [SectionHit.from_document(doc, rank) for rank, doc in enumerate(ordered, 1)]


def article_scores(hits: list[SectionHit], support: float) -> dict[str, float]:
    """Each article's score among ``hits`` (in rank order): its best section's fused score plus ``support`` times
    its second best, in the order the articles first appear."""
    scores: dict[str, list[float]] = {}  # in rank order: an article's first entry is its best section
    for hit in hits:
        scores.setdefault(hit.article_id, []).append(hit.score)
    return {a: round(s[0] + support * (s[1:2] or [0.0])[0], 9) for a, s in scores.items()}


def second_article(hits: list[SectionHit], support: float) -> tuple[str, float] | None:
    """The second-best article among ``hits`` and its score (:func:`article_scores`; ties go to the one that
    appears first), or None with fewer than two articles."""
    scores = article_scores(hits, support)
    ranked = sorted(scores.items(), key=lambda item: -item[1])  # stable: ties keep their first appearance
    return ranked[1] if len(ranked) > 1 else None


def by_article(hits: list[SectionHit], support: float) -> list[SectionHit]:
    """``hits`` ordered by article (best article first, each article's sections in their own order, ranks kept).

    An article's score is its best section's fused score plus ``support`` times its second best: an article
    that answers the question in two sections beats one with a single lucky section (passage-score
    aggregation; chosen on the sample KB's gold sets and checked on the second KB, README "Measured")."""
    if support <= 0 or len(hits) < 2:
        return hits
    scores = article_scores(hits, support)
    first = {a: i for i, a in enumerate(scores)}
    order = {a: i for i, a in enumerate(sorted(scores, key=lambda a: (-scores[a], first[a])))}
    return sorted(hits, key=lambda h: (order[h.article_id], h.rank))


def audience_filter(audience: Audience, include_references: bool = False) -> StoreFilter:
    """Public callers see public text only; agents see everything. References are opt-in."""
    sources = None if include_references else ("article",)
    return StoreFilter(audiences=("public",) if audience == "public" else None, sources=sources)


def build_query_pipeline(store: VectorStore, embedder: DenseEmbedder, *, rrf_k: int = 10,
                         prefetch_limit: int = 50, bm25_language: str = "dutch", dense_weight: float = 1.0,
                         fusion: str = "z") -> Pipeline:
    pipeline = Pipeline()
    pipeline.add_component("dense", DenseTextEmbedder(embedder))
    pipeline.add_component("sparse", Bm25TextEmbedder(language=bm25_language))
    pipeline.add_component("retriever", HybridRetriever(store, rrf_k=rrf_k, prefetch_limit=prefetch_limit,
                                                         dense_weight=dense_weight, fusion=fusion))
    pipeline.connect("dense.embedding", "retriever.query_embedding")
    pipeline.connect("sparse.sparse_embedding", "retriever.query_sparse_embedding")
    return pipeline


class Searcher:
    """Ranked sections for a question; ``search_articles`` collapses them to articles."""

    def __init__(self, store: VectorStore, embedder: DenseEmbedder, *, rrf_k: int = 10, prefetch_limit: int = 50,
                 bm25_language: str = "dutch", dense_weight: float = 1.0, section_support: float = 0.0,
                 fusion: str = "z"):
        """:param section_support: weight of an article's second-best section in its rank (:func:`by_article`).
        :param fusion: how the BM25 and dense branches are fused (``HybridRetriever``)."""
        self.embedder = embedder
        self.section_support = section_support
        self.pipeline = build_query_pipeline(store, embedder, rrf_k=rrf_k, prefetch_limit=prefetch_limit,
                                             bm25_language=bm25_language, dense_weight=dense_weight, fusion=fusion)
        self.pipeline.warm_up()
        # Questions run the pipeline's components directly: Pipeline.run deep-copies every input and cost
        # 3.3 ms of CPU per question on the bench machine (the store query itself: 0.8 ms).
        self._dense = self.pipeline.get_component("dense")
        self._sparse = self.pipeline.get_component("sparse")
        self._retriever = self.pipeline.get_component("retriever")
        self._vectors: LRUCache = LRUCache(maxsize=QUERY_VECTORS)
        self._vectors_lock = threading.Lock()

    def search(self, question: str, *, audience: Audience = "public", top_k: int = 10, mode: str = "hybrid",
               include_references: bool = False) -> list[SectionHit]:
        """:param audience: ``public`` filters internal text out inside the store; ``agent`` sees all.
        :param mode: ``hybrid`` (default), ``dense`` or ``sparse`` (BM25 only).
        :raises ValueError: on an unknown mode or an empty question."""
        hits = self.retrieve(question, audience=audience, top_k=top_k, mode=mode,
                             include_references=include_references).hits
        return sorted(hits, key=lambda hit: hit.rank)  # sections in fused order, not grouped by article

    def retrieve(self, question: str, *, audience: Audience = "public", top_k: int = 10, mode: str = "hybrid",
                 include_references: bool = False, with_tops: bool = False, keywords: str | None = None) -> Retrieval:
        """Like :meth:`search`, and also keeps the query vectors so callers can score further without
        embedding the question again.

        :param with_tops: also each branch's best hit (:meth:`top_hit`), in the same store round trip.
        :param keywords: what the BM25 branch searches, when other than ``question``."""
        if mode not in QUERY_MODES:
            raise ValueError(f"mode must be one of {QUERY_MODES}")
        if not question.strip():
            raise ValueError("question is empty")
        dense = self._vector(question)
        return self._query(keywords or question, dense, audience_filter(audience, include_references), top_k, mode,
                           with_tops)

    def _vector(self, question: str) -> list[float]:
        """The question's query vector; the same text asked again (on another channel, by another agent, in a
        question's parts) is embedded once while it stays among the last ``QUERY_VECTORS`` asked."""
        with self._vectors_lock:
            vector = self._vectors.get(question)
        if vector is None:
            vector = tuple(self._dense.run(text=question)["embedding"])
            with self._vectors_lock:
                self._vectors[question] = vector
        return list(vector)

    def forget_vectors(self) -> None:
        """Drop the kept query vectors (a benchmark that times the embedding of questions asked before)."""
        with self._vectors_lock:
            self._vectors.clear()

    def retrieve_many(self, questions: list[str], *, audience: Audience = "public", top_k: int = 10,
                      mode: str = "hybrid", batch_size: int = 64, with_tops: bool = False,
                      vectors: Sequence[np.ndarray | None] | None = None) -> list[Retrieval]:
        """:meth:`retrieve` for many questions, embedding them in batches (calibration, evaluation): one
        batch costs about as much as a few single questions.

        :param vectors: a query vector per question where one is known already (kept between runs), else None."""
        store_filter = audience_filter(audience)
        known = list(vectors) if vectors is not None else [None] * len(questions)
        missing = [i for i, vector in enumerate(known) if vector is None]
        for start in range(0, len(missing), batch_size):
            batch = missing[start:start + batch_size]
            for i, vector in zip(batch, self.embedder.embed_queries([questions[i] for i in batch]), strict=True):
                known[i] = vector
        return [self._query(question, vector.tolist(), store_filter, top_k, mode, with_tops)
                for question, vector in zip(questions, known, strict=True)]

    def _query(self, question: str, dense: list[float], store_filter: StoreFilter, top_k: int, mode: str,
               with_tops: bool) -> Retrieval:
        sparse = self._sparse.run(text=question)["sparse_embedding"]
        requests = [(mode, top_k)] + ([("dense", 1), ("sparse", 1)] if with_tops else [])
        found = self._retriever.run_many(dense, sparse, store_filter, requests)
        tops = None
        if with_tops:
            tops = tuple(_ranked(docs)[0] if docs else None for docs in found[1:])
        hits = by_article(_ranked(found[0]), self.section_support)
        return Retrieval(hits=hits, dense=dense, sparse=sparse, filter=store_filter, tops=tops)

    def requery(self, retrieval: Retrieval, *, mode: str = "hybrid", top_k: int = 10,
                audience: Audience | None = None) -> list[SectionHit]:
        """Query again with the vectors of an earlier retrieval (no second embedding): another mode, size or
        audience (``None`` keeps the earlier filter)."""
        store_filter = retrieval.filter if audience is None else audience_filter(audience)
        return _ranked(self._retriever.run(query_embedding=retrieval.dense, query_sparse_embedding=retrieval.sparse,
                                     filter=store_filter, top_k=top_k, mode=mode)["documents"])

    def top_hit(self, retrieval: Retrieval, mode: str) -> SectionHit | None:
        """The best hit of one branch alone (raw cosine for ``dense``, BM25 for ``sparse``), reusing the vectors."""
        if retrieval.tops is not None and mode in ("dense", "sparse"):
            return retrieval.tops[0 if mode == "dense" else 1]
        hits = self.requery(retrieval, mode=mode, top_k=1)
        return hits[0] if hits else None

    def search_articles(self, question: str, *, audience: Audience = "public", top_k: int = 5,
                        mode: str = "hybrid") -> list[str]:
        """Article ids in the order :func:`by_article` ranks them."""
        ranked: list[str] = []
        for hit in self.retrieve(question, audience=audience, top_k=top_k * 6, mode=mode).hits:  # by article
            if hit.article_id not in ranked:
                ranked.append(hit.article_id)
        return ranked[:top_k]
