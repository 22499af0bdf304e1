"""The one small vector-store interface, and the index schema both backends share.

Schema (the same as qdrant-haystack's ``QdrantDocumentStore`` with sparse vectors on, so an embedded
index and a Qdrant server/cluster hold identical points):
- point id: ``uuid5`` of the Haystack ``Document.id`` (qdrant-haystack's ``convert_id``);
- named vectors ``text-dense`` (cosine) and ``text-sparse`` (BM25 term weights, IDF modifier);
- payload ``{"id", "content", "meta": {...}}`` with keyword fields ``meta.article_id``,
  ``meta.audience``, ``meta.source``, ``meta.article_hash``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, Protocol

from haystack import Document
from haystack.dataclasses import SparseEmbedding

DENSE_NAME = "text-dense"
SPARSE_NAME = "text-sparse"
KEYWORD_FIELDS = ("meta.article_id", "meta.audience", "meta.source", "meta.article_hash")

QueryMode = Literal["hybrid", "dense", "sparse"]
PointId = str | int  # a point's id in the store: the uuid5 of the Document id
QUERY_MODES: tuple[str, ...] = ("hybrid", "dense", "sparse")


class StoreError(RuntimeError):
    """The vector store cannot be opened or used; the message says why."""


@dataclass(frozen=True)
class StoreFilter:
    """Keyword filters applied inside the vector store query (never after it)."""

    audiences: tuple[str, ...] | None = None
    sources: tuple[str, ...] | None = None
    article_ids: tuple[str, ...] | None = None

    def conditions(self) -> list[tuple[str, tuple[str, ...]]]:
        pairs = [("meta.audience", self.audiences), ("meta.source", self.sources),
                 ("meta.article_id", self.article_ids)]
        return [(key, values) for key, values in pairs if values is not None]


@dataclass(frozen=True)
class QueryVectors:
    dense: list[float] | None = None
    sparse: SparseEmbedding | None = None


@dataclass(frozen=True)
class QueryOptions:
    mode: QueryMode = "hybrid"
    limit: int = 10
    prefetch_limit: int = 50
    rrf_k: int = 10
    dense_weight: float = 1.0  # RRF weight of the dense branch; BM25 has weight 1
    filter: StoreFilter = field(default_factory=StoreFilter)

    def fusion_weights(self, sparse: bool, dense: bool) -> list[float]:
        """RRF weights in prefetch order (sparse first, then dense), for the branches that run."""
        return [w for w, on in ((1.0, sparse), (self.dense_weight, dense)) if on]


def document_from_payload(point_id: object, payload: dict | None, score: float | None) -> Document:
    """Turn a stored point back into a Haystack Document (both backends store the same payload)."""
    payload = payload or {}
    return Document(id=str(payload.get("id") or point_id), content=payload.get("content"),
                    meta=dict(payload.get("meta") or {}), score=score)


class VectorStore(Protocol):
    """What ingestion and search need from a vector store."""

    def write(self, documents: list[Document]) -> int:
        """Upsert documents that carry ``embedding`` and ``sparse_embedding``; returns how many."""

    def delete_article_versions(self, article_id: str, keep_hash: str | None) -> None:
        """Delete every point of an article whose ``article_hash`` differs from ``keep_hash`` (all if None)."""

    def scroll_meta(self, article_ids: tuple[str, ...] | None = None) -> Iterator[dict]:
        """The ``meta`` payload of every point (no vectors): what the index holds now, its own truth; only the
        points of ``article_ids`` when given."""

    def query(self, vectors: QueryVectors, options: QueryOptions) -> list[Document]:
        """Ranked documents (``score`` set) for dense, sparse or hybrid (RRF inside Qdrant) retrieval."""

    def query_many(self, vectors: QueryVectors, options: list[QueryOptions]) -> list[list[Document]]:
        """:meth:`query` for several options (e.g. hybrid and each branch alone) in one round trip."""

    def query_ids_many(self, vectors: QueryVectors, options: list[QueryOptions]) -> list[list[tuple[PointId, float]]]:
        """:meth:`query_many` without payloads: ``(point id, score)`` per hit, best first. Reading payloads is most
        of a query's cost; :meth:`fetch` reads them for the few hits that are kept."""

    def fetch(self, point_ids: list[PointId]) -> dict[PointId, Document]:
        """The documents of these points (``score`` None), by point id; a point deleted since is left out."""

    def read_state(self) -> dict | None:
        """The index's own small state (KB version, calibration) that every process reading it shares."""

    def write_state(self, state: dict) -> None:
        """Replace that state at once (a reader sees the old or the new one, never half)."""

    def count(self) -> int: ...

    def close(self) -> None: ...
