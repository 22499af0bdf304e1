"""Municipal products the knowledge base has no article about: "Hoe vraag ik een ligplaats voor mijn boot aan?"
asked of a KB without a harbour.

Such a question reads like one the KB answers (a permit, a fee, the municipality), so the retrieval evidence
alone sends it to the nearest article, confidently and wrongly. The product ships a generic catalogue of what
Dutch municipalities offer (``kcc/data/gemeentelijke-producten.txt``: a product's name, then example questions,
written without any municipality's KB in view). For each KB version the catalogue is split in two by the KB's own
words: a product is *covered* when the KB has an article about it, that is when every topic word of its name (of
one of its alternatives, "Milieustraat en recyclingstation"; Dutch's commonest words aside) occurs in the KB's
titles, UPL names, keywords or headings (the word itself: not a compound's parts). A word in passing does not cover
a product ("via de huisarts" in an article on youth care); a KB that covers a product under another name lists
that name among the article's keywords. A question much closer
to an uncovered product's example than to any covered product's example (``product_margin``, cosine), that also
names that product's subject with a word the KB does not have (Dutch's commonest words aside), is about something
this KB does not describe, and gets a referral instead of a guess.

Both sides are resident questions of the same catalogue, so the comparison is like with like: a question's cosine
to an article's text runs lower than to another question, whatever the topic. The split needs no fitting: it
follows from the KB's vocabulary, and a municipality that writes an article on a product covers it from the next
index on. The margin was chosen on the sample KB (Lindewaard, its near-scope questions) and tested on a second KB.

Example::

    catalogue = ProductCatalogue.for_kb(settings, embedder, stats.term_df, stats.about_df)
    product = catalogue.not_offered(query_vector, question)   # the Product, or None
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ingest.components.bm25_embedder import make_bm25
from ingest.embedders import DenseEmbedder
from kcc.scope import embed_questions, vector_cache
from kcc.spelling import zipf

if TYPE_CHECKING:
    from kcc.settings import Settings

log = logging.getLogger("kcc.products")
DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "gemeentelijke-producten.txt"
_WORD = re.compile(r"[^\W\d_]{3,}")
_ALTERNATIVES = re.compile(r"\s+(?:en|of)\s+|[,/]")
# a word among Dutch's commonest (wordfreq's Zipf scale: "morgen" 5.3, "jullie" 5.9; "boot" 4.7, "ligplaats" 2.9)
# names no topic: it does not count as the question naming a product's subject
COMMON_ZIPF = 5.0
CATALOGUE_LANGUAGE = "nl"


@dataclass(frozen=True)
class Product:
    name: str
    questions: tuple[str, ...]


def load_catalogue(path: Path) -> list[Product]:
    """``## Name`` lines, each followed by its example questions; ``#`` lines and blank lines are skipped.

    :raises OSError: when the file cannot be read.
    :raises ValueError: a question before the first product name, or a product without questions.
    """
    products: list[tuple[str, list[str]]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("## "):
            products.append((line[3:].strip(), []))
        elif line and not line.startswith("#"):
            if not products:
                raise ValueError(f"{path}:{number}: een vraag vóór de eerste productnaam (## Naam)")
            products[-1][1].append(line)
    empty = [name for name, questions in products if not questions]
    if empty:
        raise ValueError(f"{path}: producten zonder voorbeeldvragen: {', '.join(empty)}")
    return [Product(name, tuple(dict.fromkeys(questions))) for name, questions in products]


def embed_catalogue(settings: Settings, embedder: DenseEmbedder) -> tuple[list[Product], np.ndarray | None]:
    """The settings' catalogue (none: empty) and its questions' vectors, kept in the data folder: an ingest
    embeds them (``kcc.calibrate``), so that an API process starting on its index reads them from disk."""
    path = settings.product_catalogue_file
    try:
        products = load_catalogue(path) if path is not None and path.is_file() else []
    except (OSError, ValueError) as exc:  # answers go on without the check; the log says why
        log.error("de productcatalogus wordt niet gebruikt: %s", exc)
        products = []
    questions = tuple(q for p in products for q in p.questions)
    return products, embed_questions(embedder, questions, vector_cache(settings)) if questions else None


class KbWords:
    """Whether the KB's public text holds a word, by its BM25 terms (stemmed as the index stems them)."""

    def __init__(self, analyse: Callable[[str], list[int]], term_df: Mapping[int, int]):
        self.analyse = analyse
        self.term_df = term_df

    @classmethod
    def for_language(cls, language: str, term_df: Mapping[int, int]) -> KbWords:
        bm25 = make_bm25(language)
        return cls(lambda text: list(bm25.embed_query(text).indices), term_df)

    def _known(self, text: str) -> bool | None:
        """True/False for a word with terms; None for a stop word (no terms)."""
        terms = self.analyse(text)
        return all(self.term_df.get(t, 0) for t in terms) if terms else None

    def has(self, word: str) -> bool:
        """The word itself is in the KB (a stop word is not)."""
        return bool(self._known(word))

    def knows(self, word: str) -> bool:
        """The word itself is in the KB, or is a stop word (which says nothing about the KB). A compound of two
        known words is not known: "bouwcontainer" in a KB with "bouwen" and "container", "loslopen" with "los"
        and "lopen". On the sample KB's sets, dropping the earlier rule that counted such compounds refused no
        answerable question more and one out-of-scope question more; a KB's building-site container or dog's
        run area no longer counts as described because it has the parts."""
        return self._known(word) is not False

    def cover(self, name: str) -> bool:
        """Every topic word of one of the name's alternatives ("A en B", "A of B", "A, B") is known; Dutch's
        commonest words ("vanuit", "het") name no topic, and words in brackets are an explanation."""
        parts = _ALTERNATIVES.split(re.sub(r"\(.*?\)", " ", name))
        return any(all(self.knows(w) for w in _WORD.findall(part) if zipf(w.lower(), CATALOGUE_LANGUAGE) < COMMON_ZIPF)
                   for part in parts if _WORD.search(part))


class ProductCatalogue:
    """The catalogue's example questions, embedded, each marked covered or not by this KB."""

    def __init__(self, products: list[Product], covered: list[bool], vectors: np.ndarray | None, margin: float,
                 words: KbWords | None = None):
        """:param words: the KB's words; with them a question must also name something the KB has no word for
        and the product has ("ligplaats", "terras"), else a vector's neighbour alone does not decide."""
        self.products = products
        self.covered = covered
        self.margin = margin
        self.words = words
        self._owner = np.array([i for i, p in enumerate(products) for _ in p.questions], dtype=np.int64)
        self._vectors = vectors
        self._uncovered = np.array([not covered[i] for i in self._owner], dtype=bool)
        self._terms = [set(words.analyse(" ".join([p.name, *p.questions]))) if words else set() for p in products]

    @classmethod
    def for_kb(cls, settings: Settings, embedder: DenseEmbedder, term_df: Mapping[int, int],
               about_df: Mapping[int, int]) -> ProductCatalogue:
        """The settings' catalogue (none: an empty one) split by what the KB's articles are about.

        :param term_df: the BM25 terms of the KB's public text (the words a question may share with it).
        :param about_df: those of its titles, UPL names, keywords and headings (what its articles are about)."""
        products, vectors = embed_catalogue(settings, embedder)
        about = KbWords.for_language(settings.bm25_language, about_df)
        return cls(products, [about.cover(p.name) for p in products], vectors, settings.product_margin,
                   KbWords.for_language(settings.bm25_language, term_df))

    @property
    def uncovered(self) -> list[str]:
        return [p.name for p, c in zip(self.products, self.covered, strict=True) if not c]

    def unknown_terms(self, question: str) -> set[int]:
        """The terms of the question's words that the KB does not have, leaving out Dutch's commonest words."""
        if self.words is None:
            return set()
        return {t for w in _WORD.findall(question)
                if zipf(w.lower(), CATALOGUE_LANGUAGE) < COMMON_ZIPF and not self.words.knows(w)
                for t in self.words.analyse(w)}

    def not_offered(self, query_vector: list[float] | np.ndarray, question: str | None = None) -> Product | None:
        """The uncovered product whose example is closer to the question, by more than the margin, than any
        covered product's example, and (with the KB's words and ``question``) that shares a word with the
        question which the KB does not know; None when there is none (or the KB covers all or none)."""
        if self._vectors is None or self._uncovered.all() or not self._uncovered.any():
            return None
        scores = self._vectors @ np.asarray(query_vector, dtype=np.float32)
        best_uncovered = int(np.argmax(np.where(self._uncovered, scores, -2.0)))
        best_covered = float(np.max(np.where(self._uncovered, -2.0, scores)))
        if scores[best_uncovered] - best_covered <= self.margin:
            return None
        owner = int(self._owner[best_uncovered])
        if self.words is not None and question is not None and not self.unknown_terms(question) & self._terms[owner]:
            return None
        return self.products[owner]
