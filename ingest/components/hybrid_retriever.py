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
        mode = mode or self.mode
        if mode not in QUERY_MODES:
            raise ValueError(f"mode must be one of {QUERY_MODES}")
        limit = top_k or self.top_k
        options = QueryOptions(mode=mode, limit=limit, prefetch_limit=max(self.prefetch_limit, limit),
                               rrf_k=self.rrf_k, dense_weight=self.dense_weight, filter=filter or StoreFilter())
        vectors = QueryVectors(dense=query_embedding, sparse=query_sparse_embedding)
        return {"documents": self.store.query(vectors, options)}
