"""What the index holds, read back from the index itself: one verified version of every article.

Every chunk carries its article's fields and its whole section (see ``chunk_meta``), so an article can be
rebuilt from its chunks alone. A rebuilt version counts only when it is complete (every section present)
and its recomputed content hash equals the ``article_hash`` it was stored under. Answers, search results
and the article pages are composed from these versions, so what a resident reads is exactly what was
indexed, and a file that fails to load keeps answering in its last good version.

Example::

    view = read_index(store)
    view.articles["paspoort"].title      # the indexed, hash-checked version
    view.versions["paspoort"]            # every article_hash the index holds for it (normally one)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ingest.components.article_splitter import INDEX_SCHEMA
from ingest.stores.base import VectorStore
from kb.model import Article, Section, content_hash


@dataclass
class IndexView:
    articles: dict[str, Article] = field(default_factory=dict)
    versions: dict[str, set[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def version(self) -> str:
        """One hash over every article version in use: changes whenever any answerable text changes."""
        return content_hash(sorted((a.id, a.hash) for a in self.articles.values()))

    @property
    def hashes(self) -> dict[str, str]:
        """``{article_id: article_hash}`` of the versions that answer."""
        return {k: a.hash for k, a in self.articles.items()}

    def is_current(self, article_id: str, article_hash: str | None) -> bool:
        """True when a hit comes from the version of the article that answers (not a leftover)."""
        article = self.articles.get(article_id)
        return article is not None and article.hash == article_hash

    def replaced(self, part: IndexView, article_ids: Iterable[str]) -> IndexView:
        """This view with what ``part`` (read for ``article_ids`` only) holds of those articles instead; an article
        ``part`` has no version of is gone."""
        ids = set(article_ids)
        articles = {k: v for k, v in self.articles.items() if k not in ids}
        articles.update((k, v) for k, v in part.articles.items() if k in ids)
        versions = {k: v for k, v in self.versions.items() if k not in ids}
        versions.update((k, set(v)) for k, v in part.versions.items() if k in ids)
        problems = [p for p in self.problems if p.split(":", 1)[0] not in ids] + list(part.problems)
        return IndexView(articles=articles, versions=versions, problems=problems)

    def clean(self, article_id: str, article_hash: str) -> bool:
        """The index holds exactly this one complete version of the article."""
        return self.versions.get(article_id) == {article_hash} and self.is_current(article_id, article_hash)


def _rebuild(chunks: list[dict]) -> Article | None:
    first = chunks[0]
    sections: dict[int, Section] = {}
    for meta in chunks:
        if "section_body" not in meta:
            return None
        sections[int(meta["section_index"])] = Section(meta["section"], meta["section_body"],
                                                       int(meta.get("section_line") or 0),
                                                       bool(meta["section_internal"]))
    if sorted(sections) != list(range(int(first["section_count"]))):
        return None
    reviewed = first.get("reviewed")
    article = Article(
        id=first["article_id"], title=first["title"], type=first["type"],
        audience=first.get("article_audience", "public"), owner=first["owner"],
        sections=tuple(sections[i] for i in sorted(sections)), path=Path(first.get("path") or first["article_id"]),
        upl=first.get("upl"), reviewed=date.fromisoformat(reviewed) if reviewed else None,
        keywords=tuple(first.get("keywords") or ()), url=first.get("url"), referral=first.get("referral"),
        extra=dict(first.get("extra") or {}), questions=tuple(first.get("questions") or ()))
    return article if article.hash == first["article_hash"] else None


def build_view(metas: Iterable[dict]) -> IndexView:
    """An :class:`IndexView` from the ``meta`` payloads of the index's points."""
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for meta in metas:
        if meta.get("article_id") is not None:
            grouped[(meta["article_id"], meta.get("article_hash") or "")].append(meta)
    view = IndexView()
    newest: dict[str, str] = {}
    for article_id, article_hash in sorted(grouped):
        # taken out one at a time: freeing every chunk's payload at the end, in one step, held the interpreter
        # lock for 150-175 ms at 10,000 articles (:mod:`ingest.dispose`)
        chunks = grouped.pop((article_id, article_hash))
        view.versions.setdefault(article_id, set()).add(article_hash)
        if any(meta.get("schema") != INDEX_SCHEMA for meta in chunks):
            view.problems.append(f"{article_id}: opgeslagen in een oudere indexindeling; indexeer opnieuw.")
            continue
        article = _rebuild(chunks)
        if article is None:
            view.problems.append(f"{article_id}: versie {article_hash} is onvolledig of klopt niet met de hash.")
            continue
        # two complete versions (an interrupted re-index): the one written last answers
        stamp = max(str(meta.get("indexed_at") or "") for meta in chunks)
        if article_id not in newest or stamp > newest[article_id]:
            newest[article_id] = stamp
            view.articles[article_id] = article
    return view


def read_index(store: VectorStore, article_ids: tuple[str, ...] | None = None) -> IndexView:
    """The whole index, or only what it holds of ``article_ids`` (one article's publication need not read 50,000)."""
    return build_view(store.scroll_meta(article_ids))
