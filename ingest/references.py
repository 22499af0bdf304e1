"""Reference documents (policy texts and other plain text, Markdown or HTML) as indexable articles.

They go through Haystack converters and a word splitter, and become articles with ``source: reference``
and audience ``internal``: they are background for agents, not approved answer text for residents.
"""

from __future__ import annotations

import re
from pathlib import Path

from haystack.components.converters import HTMLToDocument, MarkdownToDocument, TextFileToDocument

from ingest.components.article_splitter import split_words
from kb.loader import Problem
from kb.model import Article, Section, content_hash

REFERENCE_PREFIX = "ref-"
SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html"}


def is_reference_id(article_id: str) -> bool:
    return article_id.startswith(REFERENCE_PREFIX)


class _MissingExtra:
    """Stands in for a converter whose optional package is not installed: every file says so."""

    def __init__(self, message: str):
        self.message = message

    def run(self, sources: list[Path]) -> dict:
        raise RuntimeError(self.message)


def _converters() -> dict:
    try:
        html = HTMLToDocument()
    except ImportError:  # trafilatura is the optional extra 'html'
        html = _MissingExtra("HTML lezen vraagt het extra pakket: pip install 'kcc-kennisbank[html]'")
    return {"text": TextFileToDocument(), "markdown": MarkdownToDocument(progress_bar=False), "html": html}


def _reference_id(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "document"
    return f"{REFERENCE_PREFIX}{slug}"


def _title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip(" #\t")
        if len(line) > 3:
            return line[:120]
    return fallback


def load_references(folders: list[Path], *, words_per_part: int = 220) -> tuple[list[Article], list[Problem]]:
    """Convert every supported file under ``folders``; unreadable files become problems, not crashes."""
    converters = _converters()
    articles: list[Article] = []
    problems: list[Problem] = []
    for folder in folders:
        files = sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        for path in files:
            converter = converters[SUFFIXES[path.suffix.lower()]]
            try:
                documents = converter.run(sources=[path])["documents"]
            except Exception as exc:  # converters raise many kinds; one bad file must not stop the rest
                problems.append(Problem(path, 0, f"kan referentiedocument niet lezen ({exc})."))
                continue
            text = "\n\n".join(d.content or "" for d in documents).strip()
            if not text:
                problems.append(Problem(path, 0, "referentiedocument is leeg of niet te lezen."))
                continue
            title = _title(text, path.stem)
            parts = split_words(text, words_per_part)
            sections = tuple(Section(f"Deel {i + 1}", part, 0, False) for i, part in enumerate(parts))
            articles.append(Article(
                id=_reference_id(path), title=title, type="reference", audience="internal", owner="KCC",
                sections=sections, path=path, keywords=(), extra={"source": "reference",
                                                                   "file_hash": content_hash(text)}))
    return articles, problems
