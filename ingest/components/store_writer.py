"""Write embedded documents to a :class:`ingest.stores.base.VectorStore`."""

from __future__ import annotations

from datetime import UTC, datetime

from haystack import Document, component

from ingest.stores.base import VectorStore


@component
class StoreWriter:
    """Upserts documents (dense + sparse vectors, payload) into the store.

    Usage::

        StoreWriter(store).run(documents=docs)  # {"documents_written": 12}
    """

    def __init__(self, store: VectorStore):
        self.store = store

    @component.output_types(documents_written=int)
    def run(self, documents: list[Document]) -> dict[str, int]:
        # when an interrupted re-index leaves two complete versions, the one written last answers
        stamp = datetime.now(UTC).isoformat()
        for document in documents:
            document.meta["indexed_at"] = stamp
        return {"documents_written": self.store.write(documents)}
