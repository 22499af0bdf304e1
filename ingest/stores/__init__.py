"""Vector stores behind one interface: Qdrant Edge (embedded default) or a Qdrant server by URL."""

from __future__ import annotations

from ingest.embedders import embedder_slug
from ingest.stores.base import QueryOptions, QueryVectors, StoreError, StoreFilter, VectorStore
from kcc.settings import Settings

__all__ = ["QueryOptions", "QueryVectors", "StoreError", "StoreFilter", "VectorStore", "open_store"]


def open_store(settings: Settings, embedder_spec: str, dim: int) -> VectorStore:
    """Open the index for one embedder: each embedder has its own folder or collection."""
    slug = embedder_slug(embedder_spec)
    if settings.qdrant_url:
        from ingest.stores.qdrant_server import QdrantServerStore

        memory = settings.qdrant_url == ":memory:"
        return QdrantServerStore(dim=dim, index=f"kcc_{slug}", url=None if memory else settings.qdrant_url,
                                 location=":memory:" if memory else None, api_key=settings.qdrant_api_key,
                                 shard_number=settings.qdrant_shards, replication_factor=settings.qdrant_replicas,
                                 write_consistency_factor=settings.qdrant_write_consistency)
    from ingest.stores.edge import EdgeStore

    return EdgeStore(settings.index_dir / slug, dim=dim)
