"""The article model: what an editor writes, as the rest of the system sees it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

AUDIENCES = ("public", "internal")
ARTICLE_TYPES = ("product", "procedure", "vac")
INTERNAL_HEADING_PREFIX = "interne informatie"


def content_hash(*parts: object) -> str:
    """A short, stable hash of JSON-serialisable parts (same input, same hash, on every machine)."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def is_internal_heading(heading: str) -> bool:
    return heading.strip().lower().startswith(INTERNAL_HEADING_PREFIX)


@dataclass(frozen=True)
class Section:
    """One ``## heading`` of an article with its Markdown body."""

    heading: str
    body: str
    line: int
    internal: bool

    @cached_property  # computed once: the object is frozen
    def hash(self) -> str:
        return content_hash(self.heading, self.body, self.internal)


@dataclass(frozen=True)
class Article:
    """A knowledge article (Kennisartikel): product, procedure or VAC."""

    id: str
    title: str
    type: str
    audience: str
    owner: str
    sections: tuple[Section, ...]
    path: Path
    upl: str | None = None
    reviewed: date | None = None
    keywords: tuple[str, ...] = ()
    url: str | None = None
    referral: str | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)
    # question variants: how residents asked for this article, approved by an editor (front matter ``vragen``)
    questions: tuple[str, ...] = ()

    @property
    def internal(self) -> bool:
        """True when the whole article is for KCC staff only."""
        return self.audience == "internal"

    def section_is_internal(self, section: Section) -> bool:
        return self.internal or section.internal

    @property
    def public_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if not self.section_is_internal(s))

    @property
    def internal_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if self.section_is_internal(s))

    @cached_property  # computed once: the object is frozen (answers check it for every hit)
    def hash(self) -> str:
        """Content hash over everything that reaches the index or an answer (not the file path)."""
        return content_hash(
            self.id,
            self.title,
            self.type,
            self.audience,
            self.owner,
            self.upl,
            self.reviewed,
            list(self.keywords),
            self.url,
            self.referral,
            [s.hash for s in self.sections],
            *([list(self.questions)] if self.questions else []),  # an article without variants keeps its hash
        )
