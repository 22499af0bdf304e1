"""BM25 sparse vectors with a Dutch analyser (stemmer and stop words), from Qdrant Edge's Rust BM25.

Document vectors carry saturated term frequencies; the store applies IDF (``Modifier.IDF``), so the same
vectors serve Qdrant Edge and a Qdrant server.
"""

from __future__ import annotations

import re
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


# A word written with an apostrophe: a contraction ("m'n", "zo'n", "'s avonds") or a plural ("auto's").
_APOSTROPHE_WORD = re.compile(r"[^\W_]*(?:['’][^\W_]*)+")
_APOSTROPHE = re.compile(r"['’]")


def without_clitics(text: str) -> str:
    """``text`` without the one-letter pieces of words written with an apostrophe: "m'n zoon" searches "zoon",
    "zo'n pasje" "zo pasje", "auto's" "auto". The analyser splits at the apostrophe, and the lone "m" and "n"
    matched "t/m" and "'n" in any KB text (a colloquial question about an ID card for "m'n zoon van 15" led to
    the parking tariffs)."""
    return _APOSTROPHE_WORD.sub(
        lambda m: " ".join(p for p in _APOSTROPHE.split(m.group()) if len(p) > 1), text)


@component
class Bm25TextEmbedder:
    """The BM25 query vector of a text (1.0 per distinct analysed term)."""

    def __init__(self, language: str = "dutch"):
        self.language = language
        self._bm25 = make_bm25(language)

    @component.output_types(sparse_embedding=SparseEmbedding)
    def run(self, text: str) -> dict[str, SparseEmbedding]:
        return {"sparse_embedding": _sparse(self._bm25.embed_query(without_clitics(text)))}
