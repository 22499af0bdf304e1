"""Incremental indexing of articles with a Haystack pipeline.

Flow: articles -> ArticleSplitter -> Bm25DocumentEmbedder -> DenseDocumentEmbedder -> StoreWriter.

What is indexed is read back from the store itself (:func:`ingest.index_view.read_index`), so there is no
side file to drift. An article the index holds in exactly its current, complete version is skipped; any
other gets its new chunks written first and only then every other version deleted, so it is never missing
while it is updated (and leftovers of an interrupted run are repaired); a removed one is deleted. A run
that would remove more than ``max_removal_share`` of the indexed articles is refused before anything
changes: an emptied or wrong KB folder must not wipe the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from haystack import Pipeline

from ingest.components.article_splitter import ArticleSplitter
from ingest.components.bm25_embedder import Bm25DocumentEmbedder
from ingest.components.dense_embedder import DenseDocumentEmbedder
from ingest.components.store_writer import StoreWriter
from ingest.dispose import dispose
from ingest.embedders import DenseEmbedder
from ingest.index_view import IndexView, read_index
from ingest.stores.base import VectorStore
from kb.model import Article

ARTICLE_BATCH = 8


class RemovalRefused(RuntimeError):
    """A sync that would delete too much of the index; nothing was changed. The message is Dutch."""


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # leftovers of an interrupted run: an article whose current version is complete in the index but which
    # still holds another (older, newer or half-written) version; only the other versions are deleted
    repaired: list[str] = field(default_factory=list)
    chunks_embedded: int = 0
    index_version: str = ""  # the KB version the index answered from when the sync began
    stale: dict[str, str] = field(default_factory=dict)  # article_id -> the hash to keep; older versions to delete

    @property
    def embedded_articles(self) -> list[str]:
        return self.added + self.changed

    @property
    def touched(self) -> list[str]:
        """Every article whose versions in the index this sync wrote or deletes."""
        return self.added + self.changed + self.removed + self.repaired

    def summary(self) -> str:
        repaired = (f" Hersteld na een onderbroken indexering: {len(self.repaired)} "
                    f"{'artikel' if len(self.repaired) == 1 else 'artikelen'} "
                    f"({', '.join(sorted(self.repaired)[:5])}{', ...' if len(self.repaired) > 5 else ''}): "
                    "een tweede versie is uit de index verwijderd." if self.repaired else "")
        if not self.embedded_articles and not self.removed:
            return (f"Niets veranderd: {len(self.unchanged)} artikelen ongewijzigd, 0 opnieuw ge-embed."
                    + repaired)
        return (f"{len(self.added)} nieuw, {len(self.changed)} gewijzigd, {len(self.removed)} verwijderd, "
                f"{len(self.unchanged)} ongewijzigd; {self.chunks_embedded} stukken ge-embed "
                f"uit {len(self.embedded_articles)} artikelen." + repaired)


def build_indexing_pipeline(store: VectorStore, embedder: DenseEmbedder, *, max_words: int = 220,
                            bm25_language: str = "dutch") -> Pipeline:
    pipeline = Pipeline()
    pipeline.add_component("split", ArticleSplitter(max_words=max_words))
    pipeline.add_component("sparse", Bm25DocumentEmbedder(language=bm25_language))
    pipeline.add_component("dense", DenseDocumentEmbedder(embedder))
    pipeline.add_component("write", StoreWriter(store))
    pipeline.connect("split.documents", "sparse.documents")
    pipeline.connect("sparse.documents", "dense.documents")
    pipeline.connect("dense.documents", "write.documents")
    return pipeline


class Indexer:
    """Keeps a store in step with a set of articles.

    Usage::

        indexer = Indexer(store, embedder)
        report = indexer.sync(articles)
        print(report.summary())
    """

    def __init__(self, store: VectorStore, embedder: DenseEmbedder, *, max_words: int = 220,
                 bm25_language: str = "dutch"):
        self.store = store
        self.pipeline = build_indexing_pipeline(store, embedder, max_words=max_words, bm25_language=bm25_language)
        self.pipeline.warm_up()
        # the components run in the pipeline's order, called directly: Pipeline.run deep-copies every
        # component's input, and copying the chunks with their vectors took more time than writing them
        self._steps = [self.pipeline.get_component(name) for name in ("split", "sparse", "dense")]
        self._writer = self.pipeline.get_component("write")

    def _index(self, articles: list[Article]) -> int:
        documents = self._steps[0].run(articles=articles)["documents"]
        for step in self._steps[1:]:
            documents = step.run(documents=documents)["documents"]
        return self._writer.run(documents=documents)["documents_written"]

    def sync(self, articles: Iterable[Article], *, scope: Callable[[str], bool] = lambda _id: True,
             keep: Callable[[str], bool] = lambda _id: False, max_removal_share: float = 1.0,
             progress: Callable[[Iterable], Iterable] | None = None, defer_cleanup: bool = False,
             only: tuple[str, ...] | None = None, view: IndexView | None = None) -> IngestReport:
        """Index new and changed articles and delete the ones no longer given.

        :param scope: which indexed article ids this sync owns (so articles and reference documents can be
            synced separately without deleting each other).
        :param keep: indexed article ids to leave as they are although not given (a file that failed to load
            keeps its last good version).
        :param max_removal_share: refuse (:class:`RemovalRefused`) when more than this share of the indexed
            articles in scope would be removed.
        :param progress: wraps the batch iterator, e.g. ``tqdm``.
        :param defer_cleanup: leave the old versions of changed articles in the index (``report.stale``) for
            :meth:`cleanup`: readers of the old version keep answering from it until the new one is in use.
        :param only: read only these articles from the index (the scope is then exactly them; the report's
            ``index_version`` is of them alone).
        :param view: what the index holds, when the caller has just read it (several syncs of disjoint scopes in
            one run need one read of the index, not one each).
        """
        report = IngestReport()
        wanted = {a.id: a for a in articles}
        own_view = view is None
        if view is None:
            view = read_index(self.store, only)
        report.index_version = view.version
        indexed = {k: v for k, v in view.versions.items() if scope(k)}
        gone = sorted(set(indexed) - set(wanted) - {k for k in indexed if keep(k)})
        if indexed and len(gone) / len(indexed) > max_removal_share:
            raise RemovalRefused(
                f"Deze indexering zou {len(gone)} van de {len(indexed)} artikelen uit de index verwijderen. "
                "Er is niets veranderd. Controleer de map met artikelen (KCC_KB_DIR); is het verwijderen de "
                "bedoeling, sta het dan toe (kcc ingest --allow-removal).")
        todo: list[Article] = []
        for article_id, article in wanted.items():
            if view.clean(article_id, article.hash):
                report.unchanged.append(article_id)
            elif view.is_current(article_id, article.hash):
                # the wanted version answers, whole and hash-checked, but the index holds another one too (a
                # run was interrupted between writing and deleting): delete the other, embed nothing
                report.repaired.append(article_id)
                report.stale[article_id] = article.hash
            else:
                (report.changed if article_id in indexed else report.added).append(article_id)
                todo.append(article)
        if not defer_cleanup:
            self.cleanup(report)
        batches = [todo[i:i + ARTICLE_BATCH] for i in range(0, len(todo), ARTICLE_BATCH)]
        for batch in progress(batches) if progress and batches else batches:
            report.chunks_embedded += self._index(batch)
            report.stale.update((article.id, article.hash) for article in batch)
            if not defer_cleanup:  # the new version is in: now drop the old one
                self.cleanup(report)
        for article_id in gone:
            self.store.delete_article_versions(article_id, keep_hash=None)
            report.removed.append(article_id)
        if own_view:
            dispose(view.articles, view.versions)
        return report

    def cleanup(self, report: IngestReport) -> None:
        """Delete every version of the synced articles but the new one."""
        while report.stale:
            article_id, keep = report.stale.popitem()
            self.store.delete_article_versions(article_id, keep_hash=keep)
