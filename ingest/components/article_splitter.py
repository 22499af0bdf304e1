"""Split articles into section chunks that carry their article title and heading."""

from __future__ import annotations

import re

import snowballstemmer
from haystack import Document, component

from kb.model import Article


def split_words(text: str, max_words: int) -> list[str]:
    """Split Markdown into chunks of at most ``max_words`` words, on paragraph boundaries where possible."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for paragraph in (p.strip() for p in text.split("\n\n")):
        if not paragraph:
            continue
        words = paragraph.split()
        if size and size + len(words) > max_words:
            chunks.append("\n\n".join(current))
            current, size = [], 0
        while len(words) > max_words:  # one very long paragraph: cut it on word boundaries
            chunks.append(" ".join(words[:max_words]))
            words = words[max_words:]
        current.append(" ".join(words) if len(paragraph.split()) != len(words) else paragraph)
        size += len(words)
    if current:
        chunks.append("\n\n".join(current))
    return chunks


INDEX_SCHEMA = 2  # payload layout; chunks of an older layout are re-indexed


def chunk_meta(article: Article, section_index: int, chunk_index: int) -> dict:
    """Everything the answer needs travels with the chunk: an article is rebuilt from its chunks alone and
    checked against ``article_hash`` (see :mod:`kcc.snapshot`), so index and answer text cannot drift."""
    section = article.sections[section_index]
    return {
        "article_id": article.id,
        "title": article.title,
        "section": section.heading,
        "section_index": section_index,
        "chunk_index": chunk_index,
        "audience": "internal" if article.section_is_internal(section) else "public",
        "article_audience": article.audience,
        "type": article.type,
        "owner": article.owner,
        "upl": article.upl,
        "url": article.url,
        "reviewed": article.reviewed.isoformat() if article.reviewed else None,
        "keywords": list(article.keywords),
        "questions": list(article.questions),
        "article_hash": article.hash,
        "section_hash": section.hash,
        "source": article.extra.get("source", "article"),
        "referral": article.referral,
        "section_body": section.body,
        "section_internal": section.internal,
        "section_line": section.line,
        "section_count": len(article.sections),
        "path": article.path.name,
        "extra": {k: v for k, v in article.extra.items() if isinstance(v, str | int | float | bool)},
        "schema": INDEX_SCHEMA,
    }


@component
class ArticleSplitter:
    """One Document per section (long sections in several chunks), ready to embed.

    The content that gets embedded starts with the article title, the section heading and the keywords,
    so a chunk that never names its subject ("Wat kost het?") still matches questions about it.

    Usage::

        splitter = ArticleSplitter(max_words=220)
        documents = splitter.run(articles=[article])["documents"]
    """

    def __init__(self, max_words: int = 220):
        if max_words < 20:
            raise ValueError("max_words must be at least 20")
        self.max_words = max_words

    @component.output_types(documents=list[Document])
    def run(self, articles: list[Article]) -> dict[str, list[Document]]:
        """:param articles: loaded articles. :returns: ``documents``, one or more per section."""
        documents = []
        for article in articles:
            keywords = ", ".join(article.keywords)
            # approved question variants: residents' own words, with the section they are most about. Measured
            # (eval/variants.py) against the other places tried: in every chunk of the article they drew other
            # articles' questions on the sample; as points of their own (short, or with the section's text) they
            # sat near every question in the dense space; in the keyword vector only they changed nothing.
            variants: dict[int, list[str]] = {}
            for question in article.questions:
                variants.setdefault(variant_section(article, question), []).append(question)
            for section_index, section in enumerate(article.sections):
                for chunk_index, chunk in enumerate(split_words(section.body, self.max_words)):
                    header = f"{article.title} - {section.heading}"
                    terms = "\n".join(part for part in (keywords, " ".join(variants.get(section_index, ()))) if part)
                    content = f"{header}\n{terms}\n\n{chunk}" if terms else f"{header}\n\n{chunk}"
                    meta = chunk_meta(article, section_index, chunk_index)
                    meta["body"] = chunk
                    documents.append(Document(
                        id=f"{article.id}:{section_index}:{chunk_index}:{article.hash}", content=content, meta=meta))
        return {"documents": documents}

_stemmer = snowballstemmer.stemmer("dutch")
WORD = re.compile(r"[^\W\d_]{3,}")


def _stems(text: str) -> set[str]:
    return set(_stemmer.stemWords(WORD.findall(text.casefold())))


def variant_section(article: Article, question: str) -> int:
    """The section a question variant is most about: the most of its word stems in the heading and text (the
    heading counting double); the first shown section when none shares a word."""
    wanted = _stems(question) - _stems(article.title)
    candidates = [i for i, s in enumerate(article.sections) if not article.section_is_internal(s)] \
        or list(range(len(article.sections)))
    return max(candidates, key=lambda i: (2 * len(wanted & _stems(article.sections[i].heading))
                                          + len(wanted & _stems(article.sections[i].body)), -i))
