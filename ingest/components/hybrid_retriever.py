"""Dense, BM25 or hybrid (both branches fused by their standardised scores, or by weighted RRF) retrieval with the
filter inside the query."""

from __future__ import annotations

import statistics
from dataclasses import replace

from haystack import Document, component
from haystack.dataclasses import SparseEmbedding

from ingest.stores.base import QUERY_MODES, PointId, QueryOptions, QueryVectors, StoreFilter, VectorStore

FUSIONS = ("z", "rrf")


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
                 rrf_k: int = 10, dense_weight: float = 1.0, fusion: str = "z"):
        """:param fusion: "z" (:func:`fuse_scores`) or "rrf" (:func:`fuse`); ``dense_weight`` weighs the dense
            branch against BM25's 1 in either."""
        if mode not in QUERY_MODES:
            raise ValueError(f"mode must be one of {QUERY_MODES}")
        if fusion not in FUSIONS:
            raise ValueError(f"fusion must be one of {FUSIONS}")
        if top_k < 1 or prefetch_limit < 1 or rrf_k < 1 or dense_weight <= 0:
            raise ValueError("top_k, prefetch_limit, rrf_k and dense_weight must be positive")
        self.store = store
        self.top_k = top_k
        self.mode = mode
        self.prefetch_limit = prefetch_limit
        self.rrf_k = rrf_k
        self.dense_weight = dense_weight
        self.fusion = fusion

    @component.output_types(documents=list[Document])
    def run(self, query_embedding: list[float] | None = None, query_sparse_embedding: SparseEmbedding | None = None,
            filter: StoreFilter | None = None, top_k: int | None = None,
            mode: str | None = None) -> dict[str, list[Document]]:
        """:param filter: audience/source filter applied inside the store. :returns: ``documents`` ranked."""
        request = (mode or self.mode, top_k or self.top_k)
        return {"documents": self.run_many(query_embedding, query_sparse_embedding, filter, [request])[0]}

    def run_many(self, query_embedding: list[float] | None, query_sparse_embedding: SparseEmbedding | None,
                 filter: StoreFilter | None, requests: list[tuple[str, int]]) -> list[list[Document]]:
        """Several ``(mode, top_k)`` retrievals with the same vectors and filter in one store query without
        payloads (e.g. the hybrid ranking and each branch's best hit), then one read of the kept hits' payloads.

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
        found = dict(zip(branches, (by_score(hits) for hits in self.store.query_ids_many(
            QueryVectors(dense=query_embedding, sparse=query_sparse_embedding), options)), strict=True))
        ranked = []
        for mode, limit in requests:
            if mode == "hybrid":
                prefetch = max(self.prefetch_limit, limit)
                branches = [(found["sparse"][:prefetch], 1.0), (found["dense"][:prefetch], self.dense_weight)]
                ranked.append(fuse_scores(branches, limit) if self.fusion == "z" else fuse(branches, self.rrf_k, limit))
            else:
                ranked.append(found[mode][:limit])
        # payloads only for the hits kept: reading them is most of a query's cost
        documents = self.store.fetch(list(dict.fromkeys(point for hits in ranked for point, _ in hits)))
        return [[replace(documents[point], score=score) for point, score in hits if point in documents]
                for hits in ranked]


Hit = tuple[PointId, float]


def by_score(hits: list[Hit]) -> list[Hit]:
    """Best first; equal scores in point id order, so the same query always gives the same list."""
    return sorted(hits, key=lambda hit: (-(hit[1] or 0.0), str(hit[0])))


def fuse_scores(branches: list[tuple[list[Hit], float]], limit: int) -> list[Hit]:
    """Weighted z-score fusion: each branch's scores standardised over its own candidates (mean 0, standard
    deviation 1), a candidate a branch did not return given that branch's lowest, then the weighted mean, shifted
    so the lowest candidate scores 0 (an article's second section only adds to it); ties in point id order.

    Unlike RRF it keeps how far ahead a branch's best hit is: a dense hit far above the rest outweighs a BM25
    ranking whose first places lie close together, and the other way round."""
    total = sum(weight for hits, weight in branches if hits) or 1.0
    standardised = []
    for hits, weight in branches:
        if not hits:
            continue
        values = [score or 0.0 for _, score in hits]
        mean = statistics.fmean(values)
        spread = statistics.pstdev(values) or 1.0
        standardised.append(({point: ((score or 0.0) - mean) / spread for point, score in hits},
                             (min(values) - mean) / spread, weight / total))
    points = {point for z, _, _ in standardised for point in z}
    scores = {point: sum(share * z.get(point, floor) for z, floor, share in standardised) for point in points}
    low = min(scores.values(), default=0.0)
    ranked = sorted(scores, key=lambda point: (-round(scores[point], 12), str(point)))[:limit]
    return [(point, scores[point] - low) for point in ranked]


def fuse(branches: list[tuple[list[Hit], float]], rrf_k: int, limit: int) -> list[Hit]:
    """Weighted reciprocal rank fusion, as Qdrant computes it (a hit at 0-based position ``p`` of a branch with
    weight ``w`` scores ``w / (rrf_k + p)``), with ties in point id order."""
    scores: dict[PointId, float] = {}
    for hits, weight in branches:
        for position, (point, _) in enumerate(hits):
            scores[point] = scores.get(point, 0.0) + weight / (rrf_k + position)
    ranked = sorted(scores, key=lambda point: (-round(scores[point], 12), str(point)))[:limit]
    return [(point, scores[point]) for point in ranked]
