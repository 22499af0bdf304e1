"""What the answer service needs to know about a KB version, computed once and kept with it.

Building an answer service reads the index (every chunk's payload), counts the words of the public text for
the spelling corrector, the stems for the short answer's IDF and the BM25 terms for the no-answer evidence.
On 50,000 articles that took a minute. :class:`Snapshot` keeps the hash-checked article versions and these
statistics per KB version in the data folder, so a start-up or a worker's refresh reads one file instead;
it is only used for the KB version the index's own state names, and written again after every change.

Example::

    snapshot = Snapshot.load(folder, runtime.kb_version()) or Snapshot.build(view, "dutch")
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.index_view import IndexView
from kb.model import Article, Section
from kcc.calibration import TermCoverage
from kcc.evidence import document_terms, section_terms
from kcc.extract import idf_from_df, stem_df
from kcc.spelling import SpellingCorrector

# 2: a head line, then one line per article; 3: the head's big dicts in parts of their own; 4: ``about_df``
# and ``subject_df``
FORMAT = 4
PART = 2000  # entries per line of a big dict: encoding or decoding a line holds the interpreter lock
# Written in blocks of this size, read in one: a thread that releases the interpreter lock for each 8 KB it reads
# or writes, and takes it straight back, kept the threads waiting for it (/health, answers) waiting 0.1-0.2 s
# at 10,000 articles: they wake too late to take it ("convoy effect")
BUFFER = 1 << 22
# the head's dicts that grow with the KB, by their path in it
SPLIT = (("versions",), ("stats", "spelling", "vocabulary"), ("stats", "stem_df"), ("stats", "term_df"),
         ("stats", "about_df"), ("stats", "subject_df"))


def answerable(articles: Iterable[Article]) -> list[Article]:
    """The articles answers are composed from (not reference documents)."""
    return [a for a in articles if a.extra.get("source", "article") == "article"]


def about_texts(articles: Iterable[Article]) -> list[str]:
    """What each public article says it is about: its title, UPL product name, keywords and public headings."""
    return [" ".join([a.title, a.upl or "", *a.keywords, *(s.heading for s in a.public_sections)])
            for a in articles if not a.internal]


def subject_texts(articles: Iterable[Article]) -> list[str]:
    """What each public article is called: its title, UPL product name and keywords."""
    return [" ".join([a.title, a.upl or "", *a.keywords]) for a in articles if not a.internal]


def public_texts(articles: Iterable[Article]) -> list[str]:
    return [f"{a.title}\n{s.heading}\n{' '.join(a.keywords)}\n{s.body}"
            for a in articles if not a.internal for s in a.public_sections]


@dataclass
class KbStats:
    spelling: dict  # SpellingCorrector.to_dict()
    stem_df: dict[str, int]
    sections: int
    term_df: dict[int, int]
    term_docs: int
    about_df: dict[int, int]  # BM25 terms of the articles' titles, UPL names, keywords and headings (per article)
    subject_df: dict[int, int]  # those of their titles, UPL names and keywords alone

    @classmethod
    def compute(cls, articles: Sequence[Article], bm25_language: str) -> KbStats:
        texts = public_texts(articles)
        stems_per_text, sections = stem_df(texts)
        coverage = TermCoverage(section_terms(articles, bm25_language))
        about = TermCoverage(document_terms(about_texts(articles), bm25_language))
        subjects = TermCoverage(document_terms(subject_texts(articles), bm25_language))
        return cls(SpellingCorrector.from_texts(texts).to_dict(), stems_per_text, sections, dict(coverage.df),
                   coverage.n, dict(about.df), dict(subjects.df))

    def replaced(self, old: Sequence[Article], new: Sequence[Article], bm25_language: str) -> KbStats:
        """These statistics with ``old`` articles' counts taken out and ``new`` ones' put in: every figure is a
        sum over sections, so this equals :meth:`compute` over the new KB, at the cost of two articles."""
        out, into = KbStats.compute(answerable(old), bm25_language), KbStats.compute(answerable(new), bm25_language)
        spelling = dict(self.spelling)
        spelling["vocabulary"] = _plus(self.spelling["vocabulary"], into.spelling["vocabulary"],
                                       out.spelling["vocabulary"])
        return KbStats(spelling, _plus(self.stem_df, into.stem_df, out.stem_df),
                       self.sections + into.sections - out.sections, _plus(self.term_df, into.term_df, out.term_df),
                       self.term_docs + into.term_docs - out.term_docs,
                       _plus(self.about_df, into.about_df, out.about_df),
                       _plus(self.subject_df, into.subject_df, out.subject_df))

    def idf(self) -> dict[str, float]:
        """Inverse document frequency of every stem over the public sections (the short answer's weights)."""
        return idf_from_df(self.stem_df, self.sections)

    def coverage(self) -> TermCoverage:
        return TermCoverage.from_df(self.term_df, self.term_docs)

    def speller(self) -> SpellingCorrector:
        return SpellingCorrector.from_dict(self.spelling)

    def to_dict(self) -> dict:
        return {"spelling": self.spelling, "stem_df": self.stem_df, "sections": self.sections,
                "term_df": {str(k): v for k, v in self.term_df.items()}, "term_docs": self.term_docs,
                "about_df": {str(k): v for k, v in self.about_df.items()},
                "subject_df": {str(k): v for k, v in self.subject_df.items()}}

    @classmethod
    def from_dict(cls, data: dict) -> KbStats:
        return cls(data["spelling"], data["stem_df"], int(data["sections"]),
                   {int(k): int(v) for k, v in data["term_df"].items()}, int(data["term_docs"]),
                   {int(k): int(v) for k, v in data["about_df"].items()},
                   {int(k): int(v) for k, v in data["subject_df"].items()})


def _plus(base: dict, added: dict, taken: dict) -> dict:
    """Counts of ``base`` plus ``added`` minus ``taken``; a count that reaches 0 is dropped, as a recount would."""
    out = dict(base)
    for key, count in added.items():
        out[key] = out.get(key, 0) + count
    for key, count in taken.items():
        out[key] = out.get(key, 0) - count
    return {k: v for k, v in out.items() if v > 0}


def _at(data: dict, path: Sequence[str]) -> dict:
    for key in path:
        data = data[key]
    return data


def _take(head: dict, path: Sequence[str]) -> list[tuple]:
    """The items of the dict at ``path`` in ``head``, leaving it empty there (they go in lines of their own)."""
    data = head
    for key in path[:-1]:  # copied on the way down: ``to_dict`` hands out the live statistics' own dicts
        data[key] = dict(data[key])
        data = data[key]
    items = list(data[path[-1]].items())
    data[path[-1]] = {}
    return items


def _article_dict(a: Article) -> dict:
    return {"id": a.id, "title": a.title, "type": a.type, "audience": a.audience, "owner": a.owner,
            "sections": [[s.heading, s.body, s.line, s.internal] for s in a.sections], "path": str(a.path),
            "upl": a.upl, "reviewed": a.reviewed.isoformat() if a.reviewed else None, "keywords": list(a.keywords),
            "url": a.url, "referral": a.referral, "extra": a.extra, "questions": list(a.questions)}


def _article(d: dict) -> Article:
    return Article(id=d["id"], title=d["title"], type=d["type"], audience=d["audience"], owner=d["owner"],
                   sections=tuple(Section(h, b, int(line), bool(i)) for h, b, line, i in d["sections"]),
                   path=Path(d["path"]), upl=d["upl"], reviewed=date.fromisoformat(d["reviewed"]) if d["reviewed"]
                   else None, keywords=tuple(d["keywords"]), url=d["url"], referral=d["referral"],
                   extra=dict(d["extra"]), questions=tuple(d.get("questions") or ()))


@dataclass
class Snapshot:
    version: str
    view: IndexView
    stats: KbStats

    @classmethod
    def build(cls, view: IndexView, bm25_language: str) -> Snapshot:
        return cls(view.version, view, KbStats.compute(answerable(view.articles.values()), bm25_language))

    def replaced(self, part: IndexView, article_ids: Sequence[str], bm25_language: str) -> Snapshot:
        """This KB version with ``article_ids`` as ``part`` (read for them alone) holds them: one article's
        publication costs one article, not a recount of the KB."""
        view = self.view.replaced(part, article_ids)
        old = [self.view.articles[i] for i in article_ids if i in self.view.articles]
        new = [view.articles[i] for i in article_ids if i in view.articles]
        return Snapshot(view.version, view, self.stats.replaced(old, new, bm25_language))

    def save(self, folder: Path) -> None:
        """Atomically, as the only snapshot in ``folder`` (older versions are removed)."""
        self.install(self.write(folder))

    def write(self, folder: Path) -> Path:
        """The snapshot in a temporary file in ``folder`` (seconds at 50,000 articles: outside any lock), to be
        put in place with :meth:`install`. One line per article, each encoded on its own: one call encoding
        50,000 articles would hold the GIL (and every request of the API process answering meanwhile) for half
        a second."""
        folder.mkdir(parents=True, exist_ok=True)
        head = {"format": FORMAT, "version": self.version, "problems": self.view.problems,
                "versions": {k: sorted(v) for k, v in self.view.versions.items()}, "stats": self.stats.to_dict()}
        parts = [(path, _take(head, path)) for path in SPLIT]  # the head's line keeps them empty
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=f"{self.version}.",
                                         suffix=".tmp", delete=False, buffering=BUFFER) as out:
            out.write(json.dumps(head, ensure_ascii=False) + "\n")
            for path, items in parts:
                for start in range(0, len(items), PART):
                    out.write(json.dumps({"part": path, "items": dict(items[start:start + PART])},
                                         ensure_ascii=False) + "\n")
            for article in self.view.articles.values():
                out.write(json.dumps(_article_dict(article), ensure_ascii=False) + "\n")
        return Path(out.name)

    def install(self, written: Path) -> None:
        """Put :meth:`write`'s file in place as the only snapshot of its folder (older versions are removed)."""
        path = written.parent / f"{self.version}.jsonl"
        written.replace(path)
        for old in written.parent.glob("*.json*"):  # also format 1 files (.json)
            if old != path:
                old.unlink(missing_ok=True)

    @classmethod
    def load(cls, folder: Path, version: str | None) -> Snapshot | None:
        """The snapshot of exactly ``version`` (the index's current KB version), or None."""
        if not version:
            return None
        try:
            with io.BytesIO((folder / f"{version}.jsonl").read_bytes()) as lines:
                head = json.loads(next(lines))
                if head.get("format") != FORMAT or head.get("version") != version:
                    return None
                articles = []
                for line in lines:
                    record = json.loads(line) if line.strip() else None
                    if record is None:
                        continue
                    if "part" in record:
                        _at(head, record["part"]).update(record["items"])
                    else:
                        articles.append(_article(record))
            view = IndexView(articles={a.id: a for a in articles},
                             versions={k: set(v) for k, v in head["versions"].items()},
                             problems=list(head["problems"]))
            return cls(version, view, KbStats.from_dict(head["stats"]))
        except (OSError, ValueError, KeyError, TypeError, StopIteration):
            return None
