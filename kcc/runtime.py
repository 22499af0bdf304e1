"""Wiring: settings -> embedder, store, indexer and searcher. Entry points open one and close it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ingest.embedders import DenseEmbedder, make_embedder
from ingest.pipeline import Indexer, IngestReport
from ingest.references import is_reference_id, load_references
from ingest.stores import VectorStore, open_store
from kb.loader import LoadResult, Problem, load_kb
from kcc.search import Searcher
from kcc.settings import Settings


@dataclass
class IngestOutcome:
    kb: LoadResult
    articles: IngestReport
    references: IngestReport | None = None
    reference_problems: list[Problem] = field(default_factory=list)


class Runtime:
    """Owns the embedder and the (folder-locking) store for one process.

    Usage::

        with Runtime(settings) as runtime:
            outcome = runtime.ingest()
            hits = runtime.searcher.search("paspoort kwijt")
    """

    def __init__(self, settings: Settings, embedder: DenseEmbedder | None = None):
        self.settings = settings
        self.embedder = embedder or make_embedder(settings.embedder)
        self.embedder.warm_up()
        self.store: VectorStore = open_store(settings, self.embedder.spec, self.embedder.dim)
        self._searcher: Searcher | None = None
        self._indexer: Indexer | None = None

    @property
    def searcher(self) -> Searcher:
        if self._searcher is None:
            s = self.settings
            self._searcher = Searcher(self.store, self.embedder, rrf_k=s.rrf_k, prefetch_limit=s.prefetch_limit,
                                      bm25_language=s.bm25_language, dense_weight=s.dense_weight)
        return self._searcher

    @property
    def indexer(self) -> Indexer:
        if self._indexer is None:
            self._indexer = Indexer(self.store, self.embedder, max_words=self.settings.chunk_words,
                                    bm25_language=self.settings.bm25_language)
        return self._indexer

    def ingest(self, progress: Callable[[Iterable], Iterable] | None = None) -> IngestOutcome:
        """Sync the KB folder (and reference folders, when set) into the index."""
        kb = load_kb(self.settings.kb_dir)
        # A file that fails to load keeps its last good version in the index (ids equal file names),
        # so an editor's typo never takes an answer away from the KCC.
        broken = {p.path.stem for p in kb.errors}
        outcome = IngestOutcome(kb=kb, articles=self.indexer.sync(
            kb.articles, scope=lambda article_id: not is_reference_id(article_id) and article_id not in broken,
            progress=progress))
        references, problems = load_references(self.settings.reference_dirs, words_per_part=self.settings.chunk_words)
        outcome.reference_problems = problems
        outcome.references = self.indexer.sync(references, scope=is_reference_id, progress=progress)
        optimize = getattr(self.store, "optimize", None)
        if optimize and (outcome.articles.embedded_articles or outcome.references.embedded_articles):
            optimize()
        return outcome

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
