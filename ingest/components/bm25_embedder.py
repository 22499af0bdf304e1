"""BM25 sparse vectors with a Dutch analyser (stemmer and stop words), from Qdrant Edge's Rust BM25.

Document vectors carry saturated term frequencies; the store applies IDF (``Modifier.IDF``), so the same
vectors serve Qdrant Edge and a Qdrant server.
"""

from __future__ import annotations

from dataclasses import replace

import qdrant_edge as qe
from haystack import Document, component
from haystack.dataclasses import SparseEmbedding


def make_bm25(language: str = "dutch") -> qe.Bm25:
    return qe.Bm25(qe.Bm25Config(language=language))


def _sparse(vector: object) -> SparseEmbedding:
    return SparseEmbedding(indices=list(vector.indices), values=[float(v) for v in vector.values])


@component
class Bm25DocumentEmbedder:
    """Adds a BM25 ``sparse_embedding`` to each document.

    Usage::

        docs = Bm25DocumentEmbedder(language="dutch").run(documents=docs)["documents"]
    """

    def __init__(self, language: str = "dutch"):
        self.language = language
        self._bm25 = make_bm25(language)

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict[str, list[Document]]:
        return {"documents": [replace(d, sparse_embedding=_sparse(self._bm25.embed_document(d.content or "")))
                              for d in documents]}


@component
class Bm25TextEmbedder:
    """The BM25 query vector of a text (1.0 per distinct analysed term)."""

    def __init__(self, language: str = "dutch"):
        self.language = language
        self._bm25 = make_bm25(language)

    @component.output_types(sparse_embedding=SparseEmbedding)
    def run(self, text: str) -> dict[str, SparseEmbedding]:
        return {"sparse_embedding": _sparse(self._bm25.embed_query(text))}
