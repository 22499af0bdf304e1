"""Check an editor's edit, publish it, and answer from it at once.

Publishing writes the article's file in the KB folder (atomically: a reader sees the old or the new file), indexes
that one article beside its old version, swaps in an answer service that answers from the new text with the last
fitted calibration, and only then deletes the old version. The calibration of the new KB version is fitted in the
background (seconds) and swapped in when ready; other API processes switch to the new KB version then, when the
index's state says so. A broken edit never reaches the folder or the index.

Example::

    article, warnings = check_edit(kb_dir, "paspoort", markdown)     # raises ArticleRejected
    seconds = publisher.publish(article, markdown)                      # the next answer uses the new text
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ingest.index_view import read_index
from kb.loader import ID_PATTERN, ArticleError, Problem, _key_line, _split_front_matter, article_files, parse_article
from kb.model import Article
from kcc.answer import AnswerService
from kcc.calibrate import fit_calibration
from kcc.gc_pause import collection_paused
from kcc.kb_stats import Snapshot
from kcc.runtime import Runtime

log = logging.getLogger("kcc.editorial")
MAX_MARKDOWN = 200_000  # characters: the longest article of a real KB is ~20,000


class ArticleRejected(ValueError):
    """The edit cannot be saved: its problems name the line and the fix (Dutch). Nothing was changed."""

    def __init__(self, problems: list[Problem]):
        first = problems[0]
        super().__init__(f"Regel {first.line}: {first.message}" + (f" Oplossing: {first.fix}" if first.fix else ""))
        self.problems = problems


class PublishBusy(RuntimeError):
    """Another publication or re-index holds the index for longer than a request may wait."""


def article_path(kb_dir: Path, article_id: str) -> Path:
    """The file of the article: the one named after its id anywhere in the KB folder, else a new ``<id>.md``.
    Raises :class:`ArticleRejected` for an id that is no slug (it could name a file outside the folder)."""
    if not ID_PATTERN.match(article_id):
        raise ArticleRejected([Problem(kb_dir / "?", 1, f"'{article_id[:60]}' is geen geldig artikel-id.",
                                       "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld "
                                       "'paspoort-aanvragen'.")])
    for path in article_files(kb_dir):
        if path.stem == article_id:
            return path
    return kb_dir / f"{article_id}.md"


def check_edit(kb_dir: Path, article_id: str, markdown: str) -> tuple[Article, list[Problem], Path]:
    """The article the edit makes, its warnings and its file. Raises :class:`ArticleRejected`."""
    path = article_path(kb_dir, article_id)
    if len(markdown) > MAX_MARKDOWN:
        raise ArticleRejected([Problem(path, 1, f"het artikel is te lang ({len(markdown)} tekens).",
                                       f"houd een artikel onder {MAX_MARKDOWN} tekens; splits het anders.")])
    try:
        article, warnings = parse_article(path, markdown)
    except ArticleError as exc:
        raise ArticleRejected(exc.problems) from exc
    if article.id != article_id:
        front = _split_front_matter(path, markdown)[0]
        raise ArticleRejected([Problem(path, _key_line(front, "id"),
                                       f"het id in de front matter ('{article.id}') is niet het artikel dat u "
                                       f"bewerkt ('{article_id}').",
                                       f"zet 'id: {article_id}' terug; een nieuw artikel krijgt een eigen id.")])
    return article, warnings, path


def write_atomically(path: Path, text: str) -> None:
    """Write the file so that a reader (a re-index, an editor's tool) sees the old or the new text, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Publisher:
    """Publishes single articles into a running answer service, and refits the calibration after them.

    :param current: the answer service in use; :param swap: puts a new one in use (one reference);
    :param lock: held while the index is written (the same lock a full re-index takes)."""

    def __init__(self, runtime: Runtime, current: Callable[[], AnswerService], swap: Callable[[AnswerService], None],
                 lock: threading.Lock, *, wait_seconds: float = 30.0):
        self.runtime, self.current, self.swap, self.lock = runtime, current, swap, lock
        self.wait_seconds = wait_seconds
        self._pending = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._thread: threading.Thread | None = None

    def publish(self, article: Article, markdown: str, path: Path) -> float:
        """Write, index and answer from ``article``; returns the seconds until the new text answered."""
        started = time.perf_counter()
        if not self.lock.acquire(timeout=self.wait_seconds):
            raise PublishBusy("Er loopt een herindexering. Probeer het over een minuut opnieuw.")
        try:
            with collection_paused():  # a new KB version beside the one answering
                write_atomically(path, markdown)
                report = self.runtime.index_article(article)
                snapshot = self._snapshot_with(article.id)
                # the last fit, for the new KB version until its own is fitted; kept in the index's state, so the
                # other API processes switch to the new version now too (and again to the fitted one)
                interim = replace(self.current().calibration, kb_version=snapshot.version, provisional=True)
                self.runtime.store_calibration(interim)
                self.swap(self.runtime.answer_service(calibration=interim, snapshot=snapshot))
                self.runtime.indexer.cleanup(report)
        finally:
            self.lock.release()
        seconds = time.perf_counter() - started
        self._idle.clear()
        self._pending.set()
        self._start()
        return seconds

    def _snapshot_with(self, article_id: str) -> Snapshot:
        """The KB version in use with one article read afresh from the index: the cost of one article, not of the
        KB (reading and recounting it all took 17 s at 10,000 articles). When this process's version is not the
        index's (another API process published or re-indexed meanwhile), the whole index is read instead."""
        current = self.current()
        version = current.view.version  # a hash over every article: once
        language = self.runtime.settings.bm25_language
        if self.runtime.kb_version() != version:
            return Snapshot.build(self.runtime.view(), language)
        part = read_index(self.runtime.store, (article_id,))
        return Snapshot(version, current.view, current.stats).replaced(part, [article_id], language)

    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._recalibrate_loop, name="kcc-recalibrate", daemon=True)
            self._thread.start()

    def _recalibrate_loop(self) -> None:
        while not self._stop.is_set():
            if not self._pending.wait(timeout=0.5):
                self._idle.set()
                continue
            self._idle.clear()
            self._pending.clear()
            try:
                self._recalibrate()
            except Exception:  # noqa: BLE001 - the old calibration keeps answering; the next publication retries
                log.exception("recalibration after publishing failed")

    def _recalibrate(self) -> None:
        with collection_paused():  # a minute at 50,000 articles: no stop-the-world collection meanwhile
            self._refit()

    def _refit(self) -> None:
        optimize = getattr(self.runtime.store, "optimize", None)
        if optimize:
            optimize()
        view = self.runtime.view()
        calibration = fit_calibration(self.runtime.searcher, view.articles, self.runtime.settings)
        # built outside the lock (a minute at 50,000 articles): a publication meanwhile need not wait for it
        snapshot = Snapshot.build(view, self.runtime.settings.bm25_language)
        service = self.runtime.answer_service(calibration=calibration, snapshot=snapshot)
        written = snapshot.write(self.runtime.snapshot_dir)  # a publication meanwhile need not wait for it either
        with self.lock:
            if self.runtime.kb_version() != calibration.kb_version:
                written.unlink(missing_ok=True)
                self._pending.set()  # published again meanwhile: fit once more
                return
            self.runtime.store_calibration(calibration)
            snapshot.install(written)
            self.swap(service)
        log.info("calibration refitted for KB version %s", calibration.kb_version)

    def wait_until_calibrated(self, timeout: float = 60.0) -> bool:
        """True when no recalibration is pending or running (tests, ``kcc`` commands before they exit)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._idle.wait(timeout=0.1) and not self._pending.is_set():
                return True
        return False

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
