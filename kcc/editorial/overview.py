"""The KB folder as editors see it: every article file (broken ones too), with its status and the content
checks' findings, recomputed only when a file (or the day) changes.

Example::

    board = Board(settings.kb_dir, embedder, review_months=12)
    state = board.current()          # articles, load errors, findings
    rows = state.rows(drafts, last_changes, today)
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kb.loader import Problem, article_files, load_kb
from kb.model import Article
from kcc.editorial.checks import Finding, check_article, check_kb, load_language_rules, sort_findings
from kcc.editorial.duplicates import EmbeddingCache, duplicate_findings

OK, REVIEW, ERRORS, DRAFT = "ok", "controle nodig", "fouten", "concept"
log = logging.getLogger("kcc.editorial")


@dataclass(frozen=True)
class Row:
    article_id: str
    title: str
    owner: str
    status: str  # ok | controle nodig | fouten | concept
    reviewed: date | None
    last_change: datetime | None
    changed_by: str | None
    findings: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    draft_version: int | None = None


@dataclass
class Folder:
    articles: list[Article]
    errors: list[Problem]
    findings: list[Finding]
    today: date

    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    def rows(self, drafts: dict[str, int], changes: dict[str, tuple[datetime, str]],
             indexed: dict[str, Article], draft_titles: dict[str, str] | None = None) -> list[Row]:
        """One row per article file (a file that does not load shows under its indexed title, if any), and one per
        new article that is only a draft yet."""
        draft_titles = draft_titles or {}
        counts: dict[str, dict[str, int]] = {}
        for f in self.findings:
            counts.setdefault(f.article_id, {}).setdefault(f.kind, 0)
            counts[f.article_id][f.kind] += 1
        broken: dict[str, list[str]] = {}
        for problem in self.errors:
            broken.setdefault(problem.path.stem, []).append(f"regel {problem.line}: {problem.message} Oplossing: "
                                                            f"{problem.fix}")
        rows = []
        for article in self.articles:
            found = counts.get(article.id, {})
            status = DRAFT if article.id in drafts else REVIEW if {"review_overdue", "review_due"} & set(found) else OK
            changed = changes.get(article.id)
            rows.append(Row(article.id, article.title, article.owner, status, article.reviewed,
                            changed[0] if changed else None, changed[1] if changed else None, found,
                            draft_version=drafts.get(article.id)))
        loaded = self.by_id()
        for article_id, version in drafts.items():  # a new article that exists only as a draft
            if article_id not in loaded and article_id not in broken:
                changed = changes.get(article_id)
                rows.append(Row(article_id, draft_titles.get(article_id) or article_id, "", DRAFT, None,
                                changed[0] if changed else None, changed[1] if changed else None,
                                draft_version=version))
        for stem, messages in broken.items():
            known = indexed.get(stem)
            changed = changes.get(stem)
            rows.append(Row(stem, known.title if known else stem, known.owner if known else "", ERRORS,
                            known.reviewed if known else None, changed[0] if changed else None,
                            changed[1] if changed else None, errors=messages, draft_version=drafts.get(stem)))
        return sorted(rows, key=lambda r: ({ERRORS: 0, DRAFT: 1, REVIEW: 2, OK: 3}[r.status], r.title.casefold()))


class Board:
    """Caches the folder's load and checks per state of its files (names, sizes, modification times) and day.

    A request never waits for the embedder: the checks come first without it (words only for duplicates), and a
    background thread adds the embedding signal of the duplicate check when it is ready (seconds the first time;
    after an edit only the changed article is embedded again)."""

    def __init__(self, kb_dir: Path, embedder=None, *, review_months: int = 12, due_days: int = 30,
                 language_file: Path | None = None):
        self.kb_dir = kb_dir
        self.embedder = EmbeddingCache(embedder) if embedder is not None else None
        self.review_months, self.due_days, self.language_file = review_months, due_days, language_file
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._folder: Folder | None = None
        self._rules = None
        self._dense_ready = False  # the embedding part of the duplicate check is in the current findings
        self._per_article: dict[str, list[Finding]] = {}

    def _fingerprint(self, today: date) -> tuple:
        files = []
        for path in article_files(self.kb_dir) if self.kb_dir.is_dir() else []:
            try:
                stat = path.stat()
            except OSError:
                continue
            files.append((str(path), stat.st_mtime_ns, stat.st_size))
        return today, tuple(files)

    def current(self, today: date | None = None) -> Folder:
        today = today or date.today()
        key = self._fingerprint(today)
        with self._lock:
            if key != self._key or self._folder is None:
                loaded = load_kb(self.kb_dir)
                self._rules = load_language_rules(self.language_file)
                findings = check_kb(loaded.articles, today=today, review_months=self.review_months,
                                    due_days=self.due_days, language=self._rules)
                self._folder, self._key = Folder(loaded.articles, loaded.errors, findings, today), key
                self._per_article, self._dense_ready = {}, self.embedder is None
                if self.embedder is not None:
                    threading.Thread(target=self._add_dense, args=(key, self._folder), name="kcc-duplicates",
                                     daemon=True).start()
            return self._folder

    def _add_dense(self, key: tuple, folder: Folder) -> None:
        try:
            found = duplicate_findings(folder.articles, self._rules, embedder=self.embedder)
        except Exception:  # noqa: BLE001 - the word-based duplicates stay; the next change tries again
            log.exception("the embedding part of the duplicate check failed")
            return
        with self._lock:
            if self._key == key:
                folder.findings = sort_findings([f for f in folder.findings if f.kind != "duplicate"] + found)
                self._per_article, self._dense_ready = {}, True

    def findings_of(self, article_id: str) -> list[Finding]:
        """One article's findings, a pair's told from this article's side (its line, the other's title)."""
        folder = self.current()
        article = folder.by_id().get(article_id)
        if article is None:
            return [f for f in folder.findings if article_id in (f.article_id, f.other_article)]
        with self._lock:
            if article_id not in self._per_article:
                self._per_article[article_id] = check_article(
                    article, folder.articles, today=folder.today, review_months=self.review_months,
                    due_days=self.due_days, language=self._rules,
                    embedder=self.embedder if self._dense_ready else None)  # cached vectors only: no wait
            return self._per_article[article_id]
