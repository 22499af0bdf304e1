"""The no-answer decision as data: fitted per knowledge base and embedder, stored beside the index.

Nothing here is fitted to one KB. ``kcc calibrate`` (and an ingest that changes the KB) builds training
questions from the KB itself (titles, keywords, headings with their title, first sentences of sections;
a third also with a word the KB does not know, as real questions have them) as positives and the product's
generic out-of-scope examples (plus the municipality's own list, and its gold set when given) as negatives,
computes the retrieval evidence of each, fits a logistic model, picks the threshold, and stores all of it in
the index's own state (:meth:`ingest.stores.base.VectorStore.write_state`), so every process and host that
reads the index uses the same one. Start-up reads it there.

Evidence per question (:class:`Evidence`):
- ``dense_rel``: the best public section's dense cosine minus this KB's reference (the median best cosine
  of its own titles), so the scale follows the embedder and the KB;
- ``coverage``: the IDF-weighted share of the question's BM25 terms that occur in the KB at all;
- ``agree``: BM25 and dense put the same article first;
- ``oos_margin``: how much closer the nearest out-of-scope example is than the best KB section.
Questions in another language than the KB's use a second model without the BM25 evidence.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from kb.model import Article

FEATURES = ("dense_rel", "coverage", "agree", "oos_margin")
DENSE_FEATURES = ("dense_rel", "oos_margin")
FORMAT = 3  # 2: with gap_threshold; 3: with second_article and ranking


@dataclass(frozen=True)
class Evidence:
    dense_rel: float
    coverage: float
    agree: float
    oos_margin: float
    nearest_example: float = 0.0  # cosine of the nearest out-of-scope example (the editors' rule, not a feature)

    def vector(self, names: Sequence[str]) -> list[float]:
        return [float(getattr(self, n)) for n in names]


class TermCoverage:
    """Which BM25 terms the KB knows, with their IDF (a term is a stemmed word id of the BM25 analyser)."""

    def __init__(self, documents: Iterable[Iterable[int]]):
        self.df: Counter[int] = Counter()
        self.n = 0
        for terms in documents:
            self.n += 1
            self.df.update(set(terms))

    @classmethod
    def from_df(cls, df: dict[int, int], n: int) -> TermCoverage:
        """From document frequencies counted before (:class:`kcc.kb_stats.KbStats`)."""
        coverage = cls([])
        coverage.df, coverage.n = Counter(df), n
        return coverage

    def coverage(self, terms: Sequence[int]) -> float:
        if not terms:
            return 0.0
        unseen = math.log((self.n + 0.5) / 0.5 + 1)
        weights = [math.log((self.n - self.df[t] + 0.5) / (self.df[t] + 0.5) + 1) if self.df[t] else unseen
                   for t in terms]
        known = sum(w for t, w in zip(terms, weights, strict=True) if self.df[t])
        return known / sum(weights)


def training_questions(articles: Iterable[Article], per_article: int = 8, max_articles: int = 400) -> list[str]:
    """Questions made from the KB's own text: what a resident asking about each article might type.
    A large KB is sampled (the same articles every time: by a hash of their id) to bound the fitting time."""
    return [q for _, q in training_questions_by_article(articles, per_article, max_articles)]


def training_questions_by_article(articles: Iterable[Article], per_article: int = 8,
                                  max_articles: int = 400) -> list[tuple[str, str]]:
    """:func:`training_questions` with the id of the article each was made from."""
    questions: list[tuple[str, str]] = []
    chosen = sorted(articles, key=lambda a: hashlib.sha256(a.id.encode()).hexdigest())[:max_articles]
    for article in sorted(chosen, key=lambda a: a.id):
        if article.internal or article.extra.get("source") == "reference":
            continue
        made = [article.title, *article.keywords]
        for section in article.public_sections:
            made.append(f"{section.heading.rstrip('?')} {article.title}")
            first = section.body.split(". ")[0].lstrip("-*| ").split()
            if len(first) >= 4:
                made.append(" ".join(first[:14]))
        questions.extend((article.id, q) for q in dict.fromkeys(q.strip() for q in made[:per_article]
                                                                 if len(q.strip()) >= 3))
    return questions


def with_context(questions: Sequence[str], known_words: set[str], context: Sequence[str], *, share: float = 1 / 3,
                 seed: int = 0) -> list[str]:
    """A share of the training questions again, each with one word the KB does not know, taken from ``context``
    (the out-of-scope examples): real questions carry such words ("m'n zoon", "deze zomer"), questions made
    from the KB's own text do not, and a model fitted on those alone refuses most real paraphrases. (Chosen on
    the sample KB's gold sets: one word for a third of the questions kept 97% of its real questions answered
    while refusing the most out-of-scope ones; more words taught the model to ignore unknown words.)"""
    pool = sorted({w.lower() for text in context for w in re.findall(r"[^\W\d_]{4,}", text)} - known_words)
    if not pool:
        return []
    rng = random.Random(seed)
    chosen = rng.sample(list(questions), int(len(questions) * share))
    return [f"{q} {rng.choice(pool)}" for q in chosen]


def _fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50) -> np.ndarray:
    """Weights (last = bias) of an L2-regularised logistic regression, by Newton's method."""
    design = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian + 1e-9 * np.eye(len(w)), gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


@dataclass
class Model:
    features: tuple[str, ...]
    mean: list[float]
    scale: list[float]
    weights: list[float]

    @classmethod
    def fit(cls, features: Sequence[str], evidence: Sequence[Evidence], labels: Sequence[int],
            sample_weight: Sequence[float] | None = None) -> Model:
        x = np.array([e.vector(features) for e in evidence], dtype=float)
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
        y = np.array(labels, dtype=float)
        if sample_weight is not None:  # balance the classes by repeating rows' weight into the design
            reps = np.maximum(1, np.round(np.asarray(sample_weight))).astype(int)
            x, y = np.repeat(x, reps, axis=0), np.repeat(y, reps)
        w = _fit_logistic((x - mean) / scale, y)
        return cls(tuple(features), mean.tolist(), scale.tolist(), w.tolist())

    def score(self, evidence: Evidence) -> float:
        x = (np.array(evidence.vector(self.features)) - np.array(self.mean)) / np.array(self.scale)
        z = float(x @ np.array(self.weights[:-1]) + self.weights[-1])
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@dataclass
class Calibration:
    """Everything the no-answer decision needs for one KB version and embedder."""

    embedder: str
    kb_version: str
    reference: float
    full: Model
    dense_only: Model
    threshold: float
    dense_threshold: float
    expected: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    format: int = FORMAT
    # the last fit, carried over to a KB version an editor just published (kcc.editorial.publish) until the
    # background fit of that version replaces it
    provisional: bool = False
    # where two unanswered questions count as one gap on the dashboard (kcc.contacts.gaps.fit_gap_threshold)
    gap_threshold: float = 1.0
    # the score a second-best article needs for its own block (kcc.calibrate.fit_second_article; None: never),
    # on the scale of the ranking settings it was fitted under (Settings.ranking)
    second_article: float | None = None
    ranking: str = ""

    def second_article_for(self, ranking: str) -> float | None:
        """The second article's bar, when fitted under these ranking settings (another fusion has another scale)."""
        return self.second_article if ranking == self.ranking else None

    def confidence(self, evidence: Evidence, *, same_language: bool = True) -> float:
        return round((self.full if same_language else self.dense_only).score(evidence), 3)

    def threshold_for(self, same_language: bool) -> float:
        return self.threshold if same_language else self.dense_threshold

    def to_state(self) -> dict:
        return asdict(self)

    @classmethod
    def from_state(cls, data: dict | None) -> Calibration | None:
        """The calibration stored in the index's state, or None when there is none in this format."""
        try:
            if not data or data.get("format") != FORMAT:
                return None
            data = dict(data)
            data["full"] = Model(**{**data["full"], "features": tuple(data["full"]["features"])})
            data["dense_only"] = Model(**{**data["dense_only"], "features": tuple(data["dense_only"]["features"])})
            return cls(**data)
        except (ValueError, TypeError, KeyError):
            return None


def choose_threshold(positive_scores: Sequence[float], negative_scores: Sequence[float],
                     max_positive_refused: float) -> float:
    """The highest threshold that refuses at most ``max_positive_refused`` of the positives (so as many
    negatives as possible are refused without turning away more real questions than that)."""
    ordered = sorted(positive_scores)
    if not ordered:
        return 0.5
    k = int(math.floor(max_positive_refused * len(ordered)))
    return float(ordered[k]) if k < len(ordered) else float(ordered[-1])


def refusal_rates(threshold: float, positive_scores: Sequence[float],
                  negative_scores: Sequence[float]) -> dict[str, float]:
    def share(scores: Sequence[float]) -> float:
        return round(sum(1 for s in scores if s < threshold) / len(scores), 4) if scores else 0.0

    return {"answerable_refused": share(positive_scores), "out_of_scope_refused": share(negative_scores)}
