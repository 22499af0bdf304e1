"""Vector stores behind one interface: Qdrant Edge (embedded default) or a Qdrant server by URL.
Which one a deployment uses is the core's choice (:func:`kcc.runtime.open_store`)."""

from __future__ import annotations

from ingest.stores.base import QueryOptions, QueryVectors, StoreError, StoreFilter, VectorStore

__all__ = ["QueryOptions", "QueryVectors", "StoreError", "StoreFilter", "VectorStore"]
