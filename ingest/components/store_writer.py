"""Write embedded documents to a :class:`ingest.stores.base.VectorStore`."""

from __future__ import annotations

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
        return {"documents_written": self.store.write(documents)}
