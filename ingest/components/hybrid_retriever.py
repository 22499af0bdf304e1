"""Dense, BM25 or hybrid (RRF fusion inside Qdrant) retrieval with the filter inside the query."""

from __future__ import annotations

from dataclasses import replace

from haystack import Document, component
from haystack.dataclasses import SparseEmbedding

from ingest.stores.base import QUERY_MODES, QueryOptions, QueryVectors, StoreFilter, VectorStore


@component
class HybridRetriever:
    """Retrieves section chunks from a :class:`VectorStore`.

    Unlike ``QdrantHybridRetriever`` it sets the prefetch limit of each branch explicitly.

    Usage::

        retriever = HybridRetriever(store, top_k=10, rrf_k=10)
        docs = retriever.run(query_embedding=v, query_sparse_embedding=s,
                             filter=StoreFilter(audiences=("public",)))["documents"]
    """

    def __init__(self, store: VectorStore, top_k: int = 10, mode: str = "hybrid", prefetch_limit: int = 50,
                 rrf_k: int = 10, dense_weight: float = 1.0):
        if mode not in QUERY_MODES:
            raise ValueError(f"mode must be one of {QUERY_MODES}")
        if top_k < 1 or prefetch_limit < 1 or rrf_k < 1 or dense_weight <= 0:
            raise ValueError("top_k, prefetch_limit, rrf_k and dense_weight must be positive")
        self.store = store
        self.top_k = top_k
        self.mode = mode
        self.prefetch_limit = prefetch_limit
        self.rrf_k = rrf_k
        self.dense_weight = dense_weight

    @component.output_types(documents=list[Document])
    def run(self, query_embedding: list[float] | None = None, query_sparse_embedding: SparseEmbedding | None = None,
            filter: StoreFilter | None = None, top_k: int | None = None,
            mode: str | None = None) -> dict[str, list[Document]]:
        """:param filter: audience/source filter applied inside the store. :returns: ``documents`` ranked."""
        request = (mode or self.mode, top_k or self.top_k)
        return {"documents": self.run_many(query_embedding, query_sparse_embedding, filter, [request])[0]}

    def run_many(self, query_embedding: list[float] | None, query_sparse_embedding: SparseEmbedding | None,
                 filter: StoreFilter | None, requests: list[tuple[str, int]]) -> list[list[Document]]:
        """Several ``(mode, top_k)`` retrievals with the same vectors and filter in one store round trip
        (e.g. the hybrid ranking and each branch's best hit).

        Each branch is asked once, for the longest list any request needs, and the hybrid ranking is fused
        here (:func:`fuse`), not in the store: the store's fusion cuts and orders documents with equal fused
        scores arbitrarily, so the same question could get another answer on another channel."""
        limits: dict[str, int] = {}
        for mode, limit in requests:
            if mode not in QUERY_MODES:
                raise ValueError(f"mode must be one of {QUERY_MODES}")
            for branch in (("sparse", "dense") if mode == "hybrid" else (mode,)):
                wanted = max(self.prefetch_limit, limit) if mode == "hybrid" else limit
                limits[branch] = max(limits.get(branch, 0), wanted)
        branches = list(limits)
        options = [QueryOptions(mode=branch, limit=limits[branch], filter=filter or StoreFilter())
                   for branch in branches]
        found = dict(zip(branches, (by_score(docs) for docs in self.store.query_many(
            QueryVectors(dense=query_embedding, sparse=query_sparse_embedding), options)), strict=True))
        answers = []
        for mode, limit in requests:
            if mode == "hybrid":
                prefetch = max(self.prefetch_limit, limit)
                answers.append(fuse([(found["sparse"][:prefetch], 1.0), (found["dense"][:prefetch], self.dense_weight)],
                                    self.rrf_k, limit))
            else:
                answers.append(found[mode][:limit])
        return answers


def by_score(documents: list[Document]) -> list[Document]:
    """Best first; equal scores in id order, so the same query always gives the same list."""
    return sorted(documents, key=lambda d: (-(d.score or 0.0), d.id))


def fuse(branches: list[tuple[list[Document], float]], rrf_k: int, limit: int) -> list[Document]:
    """Weighted reciprocal rank fusion, as Qdrant computes it (a document at 0-based position ``p`` of a branch
    with weight ``w`` scores ``w / (rrf_k + p)``), with ties in id order."""
    scores: dict[str, float] = {}
    documents: dict[str, Document] = {}
    for docs, weight in branches:
        for position, doc in enumerate(docs):
            scores[doc.id] = scores.get(doc.id, 0.0) + weight / (rrf_k + position)
            documents.setdefault(doc.id, doc)
    ranked = sorted(scores, key=lambda i: (-round(scores[i], 12), i))[:limit]
    return [replace(documents[i], score=scores[i]) for i in ranked]
