"""Dense, BM25 or hybrid (RRF fusion inside Qdrant) retrieval with the filter inside the query."""

from __future__ import annotations

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
        (e.g. the hybrid ranking and each branch's best hit)."""
        options = []
        for mode, limit in requests:
            if mode not in QUERY_MODES:
                raise ValueError(f"mode must be one of {QUERY_MODES}")
            options.append(QueryOptions(mode=mode, limit=limit, prefetch_limit=max(self.prefetch_limit, limit),
                                        rrf_k=self.rrf_k, dense_weight=self.dense_weight,
                                        filter=filter or StoreFilter()))
        return self.store.query_many(QueryVectors(dense=query_embedding, sparse=query_sparse_embedding), options)
