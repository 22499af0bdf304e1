"""Incremental indexing of articles with a Haystack pipeline.

Flow: articles -> ArticleSplitter -> Bm25DocumentEmbedder -> DenseDocumentEmbedder -> StoreWriter.

What is indexed is read back from the store itself (``article_id -> article_hash``), so there is no side
file to drift. An article whose hash is unchanged is skipped; a changed one gets its new chunks written
first and only then its old chunks deleted, so it is never missing while it is updated; a removed one is
deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from haystack import Pipeline

from ingest.components.article_splitter import ArticleSplitter
from ingest.components.bm25_embedder import Bm25DocumentEmbedder
from ingest.components.dense_embedder import DenseDocumentEmbedder
from ingest.components.store_writer import StoreWriter
from ingest.embedders import DenseEmbedder
from ingest.stores.base import VectorStore
from kb.model import Article

ARTICLE_BATCH = 8


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    chunks_embedded: int = 0

    @property
    def embedded_articles(self) -> list[str]:
        return self.added + self.changed

    def summary(self) -> str:
        if not self.embedded_articles and not self.removed:
            return f"Niets veranderd: {len(self.unchanged)} artikelen ongewijzigd, 0 opnieuw ge-embed."
        return (f"{len(self.added)} nieuw, {len(self.changed)} gewijzigd, {len(self.removed)} verwijderd, "
                f"{len(self.unchanged)} ongewijzigd; {self.chunks_embedded} stukken ge-embed "
                f"uit {len(self.embedded_articles)} artikelen.")


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

    def sync(self, articles: Iterable[Article], *, scope: Callable[[str], bool] = lambda _id: True,
             progress: Callable[[Iterable], Iterable] | None = None) -> IngestReport:
        """Index new and changed articles and delete the ones no longer given.

        :param scope: which indexed article ids this sync owns (so articles and reference documents can be
            synced separately without deleting each other).
        :param progress: wraps the batch iterator, e.g. ``tqdm``.
        """
        report = IngestReport()
        wanted = {a.id: a for a in articles}
        indexed = {k: v for k, v in self.store.indexed_articles().items() if k is not None and scope(k)}
        todo: list[Article] = []
        for article_id, article in wanted.items():
            if indexed.get(article_id) == article.hash:
                report.unchanged.append(article_id)
                continue
            (report.changed if article_id in indexed else report.added).append(article_id)
            todo.append(article)
        batches = [todo[i:i + ARTICLE_BATCH] for i in range(0, len(todo), ARTICLE_BATCH)]
        for batch in progress(batches) if progress and batches else batches:
            result = self.pipeline.run({"split": {"articles": batch}})
            report.chunks_embedded += result["write"]["documents_written"]
            for article in batch:  # new version is in: now drop the old one
                self.store.delete_article_versions(article.id, keep_hash=article.hash)
        for article_id in sorted(set(indexed) - set(wanted)):
            self.store.delete_article_versions(article_id, keep_hash=None)
            report.removed.append(article_id)
        return report
