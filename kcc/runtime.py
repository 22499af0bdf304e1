"""Wiring: settings -> embedder, store, indexer and searcher. Entry points open one and close it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.dispose import dispose
from ingest.embedders import DenseEmbedder, ModelEmbedder, embedder_slug, make_embedder
from ingest.index_view import IndexView, read_index
from ingest.pipeline import Indexer, IngestReport
from ingest.references import is_reference_id, load_references
from ingest.stores import VectorStore
from kb.loader import LoadResult, Problem, article_files, load_kb
from kb.model import Article
from kcc.answer import AnswerService
from kcc.calibrate import LabelledQuestion, fit_calibration, kb_version
from kcc.calibration import Calibration
from kcc.gc_pause import collection_paused
from kcc.kb_stats import Snapshot
from kcc.language import LanguageDetector
from kcc.search import Searcher
from kcc.settings import Settings

log = logging.getLogger("kcc.runtime")
# a run that touched more than 1 in this many of the indexed articles reads the whole index again afterwards
REREAD_SHARE = 4


class KbFolderError(RuntimeError):
    """The KB folder is missing or holds no articles: indexing it would empty the index. Message in Dutch."""


@dataclass
class IngestOutcome:
    kb: LoadResult
    articles: IngestReport
    references: IngestReport | None = None
    reference_problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.kb.errors

    def summary(self) -> str:
        """What changed, and first of all what failed: a broken article is an error, never "Niets veranderd"."""
        if not self.kb.errors:
            return self.articles.summary()
        kept = ", ".join(sorted({p.path.stem for p in self.kb.errors}))
        return (f"Fout: {len(self.kb.errors)} probleem/problemen in de artikelen; niet bijgewerkt: {kept}. De "
                f"vorige versie blijft in gebruik voor antwoorden. Verder: {self.articles.summary()}")


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


def _embedder_for(settings: Settings) -> ModelEmbedder:
    """The embedder the settings name, with its passage vectors kept when ``passage_cache_dir`` is set."""
    embedder = make_embedder(settings.embedder)
    if settings.passage_cache_dir is None:
        return embedder
    from ingest.passage_cache import CachedPassages

    return CachedPassages(embedder, settings.passage_cache_dir)


class Runtime:
    """Owns the embedder and the (folder-locking) store for one process.

    Usage::

        with Runtime(settings) as runtime:
            outcome = runtime.ingest()
            hits = runtime.searcher.search("paspoort kwijt")
    """

    def __init__(self, settings: Settings, embedder: DenseEmbedder | None = None, store: VectorStore | None = None):
        """:param store: an already open index (tests: two runtimes on one qdrant-client store, as two API
            processes on one Qdrant server); otherwise the one the settings name is opened."""
        self.settings = settings
        # an embedder the caller gave stays the caller's; one built here is released on close
        self._own_embedder: ModelEmbedder | None = None if embedder else _embedder_for(settings)
        self.embedder: DenseEmbedder = embedder or self._own_embedder
        self.embedder.warm_up()
        self.store: VectorStore = store or open_store(settings, self.embedder.spec, self.embedder.dim)
        self.language = LanguageDetector()  # one per process: its models take ~1 s and ~400 MB
        self._searcher: Searcher | None = None
        self._indexer: Indexer | None = None

    @property
    def searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self.searcher_for(self.settings)
        return self._searcher

    @property
    def indexer(self) -> Indexer:
        if self._indexer is None:
            self._indexer = Indexer(self.store, self.embedder, max_words=self.settings.chunk_words,
                                    bm25_language=self.settings.bm25_language)
        return self._indexer

    def stored_calibration(self) -> Calibration | None:
        """The calibration in the index's state (shared by every process reading the index)."""
        state = self.store.read_state() or {}
        return Calibration.from_state(state.get("calibration"))

    def kb_version(self) -> str | None:
        """The KB version the index holds, as its last (re)index or calibration stored it: cheap enough to ask
        every few seconds, so an API process sees a re-index made by another one."""
        return (self.store.read_state() or {}).get("kb_version")

    def view(self) -> IndexView:
        return read_index(self.store)

    def calibrate(self, view: IndexView | None = None, gold: list[LabelledQuestion] | None = None) -> Calibration:
        """Fit the no-answer decision on this index's KB (and ``gold``) and store it beside the index."""
        view = view or self.view()
        calibration = fit_calibration(self.searcher, view.articles, self.settings, gold=gold or [])
        self.store_calibration(calibration)
        return calibration

    def store_calibration(self, calibration: Calibration) -> None:
        """Keep the calibration in the index's state: every process reading the index switches to its KB version."""
        self.store.write_state({"kb_version": calibration.kb_version, "calibration": calibration.to_state()})

    def calibration(self, view: IndexView, version: str | None = None) -> Calibration:
        """The stored calibration when it belongs to this KB version and embedder; else fitted now.

        :param version: the view's KB version when known (a snapshot's), saving a hash of every article."""
        stored = self.stored_calibration()
        version = version or kb_version(view.articles)
        if stored and stored.embedder == self.embedder.spec and stored.kb_version == version:
            return stored
        log.warning("no calibration for this KB version; fitting it now ('kcc calibrate' does this ahead)")
        return self.calibrate(view)

    @property
    def snapshot_dir(self) -> Path:
        return self.settings.data_dir / "snapshots" / embedder_slug(self.embedder.spec)

    def snapshot(self) -> Snapshot:
        """The index's current KB version as the answer service needs it: from the snapshot file of that
        version when there is one (a start-up on 50,000 articles in seconds, not a minute), else read from
        the index, hash-checked, and kept for next time."""
        version = self.kb_version()
        found = Snapshot.load(self.snapshot_dir, version)
        if found is not None:
            return found
        built = Snapshot.build(self.view(), self.settings.bm25_language)
        if built.version == version:  # only what the index's state vouches for is kept
            built.save(self.snapshot_dir)
        return built

    def answer_service(self, settings: Settings | None = None, *, calibration: Calibration | None = None,
                       view: IndexView | None = None, snapshot: Snapshot | None = None) -> AnswerService:
        """The one place an answer service is built: from what the index holds, with its calibration.

        :param calibration: answer with this one (the last fitted) instead of the index's own: a published
            article answers at once, and the calibration follows in the background
            (:class:`kcc.editorial.publish.Publisher`). The index is then read afresh (or ``view``, when the caller
            has just read it), not from a snapshot.
        :param snapshot: the KB version to answer from, when the caller has it (a publication updates the one in
            use for one article: :meth:`Snapshot.replaced`)."""
        if snapshot is None:
            snapshot = self.snapshot() if calibration is None else \
                Snapshot.build(view or self.view(), self.settings.bm25_language)
        searcher = self.searcher if settings is None else self.searcher_for(settings)
        calibration = calibration or self.calibration(snapshot.view, snapshot.version)
        return AnswerService(searcher, snapshot.view, settings or self.settings, calibration,
                             language=self.language, stats=snapshot.stats)

    def searcher_for(self, settings: Settings) -> Searcher:
        """A searcher with other retrieval settings on this index (evaluation of variants)."""
        return Searcher(self.store, self.embedder, rrf_k=settings.rrf_k, prefetch_limit=settings.prefetch_limit,
                        bm25_language=settings.bm25_language, dense_weight=settings.dense_weight,
                        fusion=settings.fusion, section_support=settings.section_support)

    def ingest(self, progress: Callable[[Iterable], Iterable] | None = None, *,
               allow_removal: bool = False,
               on_indexed: Callable[[AnswerService], None] | None = None) -> IngestOutcome:
        """Sync the KB folder (and reference folders, when set) into the index.

        :param allow_removal: allow a run that removes more than ``KCC_MAX_REMOVAL_SHARE`` of the articles.
        :param on_indexed: given the answer service of the new KB version when its versions are written and
            calibrated, before the old versions of changed articles are deleted (the API swaps it in).
        :raises KbFolderError: the KB folder is missing or holds no article files (nothing is changed).
        :raises RemovalRefused: the run would remove too much of the index (nothing is changed).
        """
        kb_dir = self.settings.kb_dir
        if not kb_dir.is_dir():
            raise KbFolderError(f"De map met artikelen '{kb_dir}' bestaat niet. Er is niets uit de index "
                                "verwijderd. Zet KCC_KB_DIR op de juiste map.")
        if not article_files(kb_dir):
            raise KbFolderError(f"De map met artikelen '{kb_dir}' bevat geen artikelen (.md). Er is niets uit "
                                "de index verwijderd. Zet KCC_KB_DIR op de juiste map.")
        with collection_paused():  # no stop-the-world collection while the old version answers
            return self._ingest(progress, allow_removal, on_indexed)

    def _ingest(self, progress: Callable[[Iterable], Iterable] | None, allow_removal: bool,
                on_indexed: Callable[[AnswerService], None] | None) -> IngestOutcome:
        kb = load_kb(self.settings.kb_dir)
        # A file that fails to load keeps its last good version in the index (ids equal file names),
        # so an editor's typo never takes an answer away from the KCC.
        broken = {p.path.stem for p in kb.errors}
        before = self.view()  # one read of the whole index for both syncs: their scopes do not overlap
        outcome = IngestOutcome(kb=LoadResult(errors=kb.errors, warnings=kb.warnings), articles=self.indexer.sync(
            kb.articles, scope=lambda article_id: not is_reference_id(article_id), keep=broken.__contains__,
            max_removal_share=1.0 if allow_removal else self.settings.max_removal_share, progress=progress,
            defer_cleanup=True, view=before))
        dispose(kb.articles)  # the run's own parse of the folder; the index holds what answers
        references, problems = load_references(self.settings.reference_dirs, words_per_part=self.settings.chunk_words)
        outcome.reference_problems = problems
        outcome.references = self.indexer.sync(references, scope=is_reference_id, progress=progress,
                                               defer_cleanup=True, view=before)
        changed = bool(outcome.articles.embedded_articles or outcome.articles.removed
                       or outcome.references.embedded_articles)
        optimize = getattr(self.store, "optimize", None)
        if optimize and changed:
            optimize()  # builds the vector index of new segments: the calibration's queries below need it
        stored = self.stored_calibration()
        fresh: Snapshot | None = None
        # also after a run that was killed between writing and calibrating: the stored calibration is then
        # of an older KB version although this run changed nothing
        if changed or stored is None or stored.kb_version != outcome.articles.index_version \
                or stored.embedder != self.embedder.spec or stored.provisional:
            # where two versions of an article are complete, the one written last answers
            fresh = self._new_version(before, {*outcome.articles.touched, *outcome.references.touched})
            self.calibrate(fresh.view)
            fresh.save(self.snapshot_dir)  # for the next start-up
        dispose(before.articles, before.versions)
        if on_indexed is not None:
            # from the version just built, not read back from the file just written
            on_indexed(self.answer_service(snapshot=fresh))
        self.indexer.cleanup(outcome.articles)
        self.indexer.cleanup(outcome.references)
        return outcome

    def _new_version(self, before: IndexView, touched: set[str]) -> Snapshot:
        """The KB version the index holds after a run that wrote (or deletes the old versions of) ``touched``:
        what ``before`` held, with those articles read again. Their word counts are swapped in the snapshot
        of ``before`` (0.5 s to load at 10,000 articles, where counting the whole KB again took 8 s)."""
        language = self.settings.bm25_language
        if len(touched) * REREAD_SHARE > len(before.versions):
            return Snapshot.build(self.view(), language)
        old = Snapshot.load(self.snapshot_dir, before.version) or Snapshot.build(before, language)
        # a run that only re-fits a stale calibration touched nothing: no read (an empty id filter is the store's
        # to interpret); ``replaced`` still makes the view its own, so the caller may dispose of ``before``
        part = read_index(self.store, tuple(sorted(touched))) if touched else IndexView()
        return old.replaced(part, sorted(touched), language)

    def index_article(self, article: Article) -> IngestReport:
        """Index one article's new version beside its old one (``report.stale``: delete it with
        ``indexer.cleanup`` once the new version answers)."""
        return self.indexer.sync([article], scope=article.id.__eq__, defer_cleanup=True, only=(article.id,))

    def close(self) -> None:
        """Close the index and free the models this runtime loaded: after a re-index everything alive was moved
        out of the collector's reach (:mod:`kcc.gc_pause`), so a closed runtime in a reference cycle would keep
        its models (about 450 MB measured) for the life of the process."""
        self.store.close()
        self.language.release()
        if self._own_embedder is not None:
            self._own_embedder.release()

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
