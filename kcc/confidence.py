"""How sure the KB answers a question: the signal behind "no guessing".

Three signals, combined by a logistic model fitted on the sample KB's gold questions (odd ids; the even
ids were held out, see the README):
- the dense cosine of the best public section, relative to a reference this index computes for itself
  (the median best cosine of the KB's own article titles), so the scale follows the embedder and the KB;
- lexical coverage: the IDF-weighted share of the question's analysed terms that occur in the KB at all;
- agreement: BM25 and dense retrieval put the same article first.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable, Iterable

from ingest.components.bm25_embedder import make_bm25
from kb.model import Article

# fitted coefficients (see module docstring); z = DENSE*(cos - reference) + COVERAGE*cov + AGREE*agree + BIAS
DENSE, COVERAGE, AGREE, BIAS = 55.0, 1.9, 0.7, 1.7


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


class ConfidenceModel:
    """Scores retrieval evidence to 0..1.

    Usage::

        model = ConfidenceModel(articles)
        model.calibrate(lambda title: best_dense_cosine(title))
        model.score(dense_top=0.89, query_terms=[...], agree=True)
    """

    def __init__(self, articles: Iterable[Article], bm25_language: str = "dutch"):
        self._bm25 = make_bm25(bm25_language)
        self._df: Counter[int] = Counter()
        self._titles: list[str] = []
        self._n = 0
        for article in articles:
            if article.internal:
                continue
            self._titles.append(article.title)
            for section in article.public_sections:
                self._n += 1
                text = f"{article.title} {section.heading} {' '.join(article.keywords)} {section.body}"
                self._df.update(set(self._bm25.embed_document(text).indices))
        self.reference: float | None = None

    def calibrate(self, best_dense_cosine: Callable[[str], float]) -> float:
        """Set the dense reference: the median best cosine of the KB's own titles asked as questions."""
        scores = [best_dense_cosine(title) for title in self._titles]
        self.reference = statistics.median(scores) if scores else 0.9
        return self.reference

    def query_terms(self, question: str) -> list[int]:
        return list(self._bm25.embed_query(question).indices)

    def coverage(self, terms: list[int]) -> float:
        if not terms:
            return 0.0
        unseen_idf = math.log((self._n + 0.5) / 0.5 + 1)
        weights = [math.log((self._n - self._df[t] + 0.5) / (self._df[t] + 0.5) + 1) if self._df[t] else unseen_idf
                   for t in terms]
        known = sum(w for t, w in zip(terms, weights, strict=True) if self._df[t])
        return known / sum(weights)

    def score(self, *, dense_top: float, query_terms: list[int], agree: bool) -> float:
        if self.reference is None:
            raise RuntimeError("call calibrate() first")
        z = DENSE * (dense_top - self.reference) + COVERAGE * self.coverage(query_terms) + AGREE * agree + BIAS
        return round(_sigmoid(z), 3)
