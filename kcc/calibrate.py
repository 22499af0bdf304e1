"""Fit the no-answer decision for one KB and embedder (``kcc calibrate``; also after an ingest that changes
the KB), from the KB itself and, when given, the municipality's own gold questions.

Example::

    calibration = fit_calibration(searcher, view.articles, settings)
    store.write_state({"calibration": calibration.to_state(), ...})   # in the index; start-up reads it
"""

from __future__ import annotations

import hashlib
import math
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kb.model import Article, content_hash
from kcc.calibration import (
    DENSE_FEATURES,
    FEATURES,
    Calibration,
    Evidence,
    Model,
    choose_threshold,
    refusal_rates,
    training_questions_by_article,
    with_context,
)
from kcc.contacts.gaps import fit_gap_threshold
from kcc.evidence import EvidenceScorer, out_of_scope_questions
from kcc.products import embed_catalogue
from kcc.scope import embed_questions, vector_cache
from kcc.search import Retrieval, Searcher, second_article
from kcc.settings import Settings

MAX_ARTICLES = 400  # articles a calibration samples from a large KB (titles, training questions)
SECOND_ARTICLE_HITS = 20  # sections an answer ranks its articles by (kcc.answer), so the scores compare


@dataclass(frozen=True)
class LabelledQuestion:
    text: str
    answerable: bool


def kb_version(articles: Mapping[str, Article]) -> str:
    return content_hash(sorted((a.id, a.hash) for a in articles.values()))


def second_article_score(retrieval: Retrieval, support: float) -> float:
    """The second-best article's score among the retrieval's hits (0 with fewer than two articles)."""
    second = second_article(retrieval.hits, support)
    return second[1] if second else 0.0


def fit_second_article(made: Sequence[Retrieval], support: float, share: float) -> float | None:
    """The score a question's second-best article needs for a block of its own: reached by ``share`` of the KB's
    own made questions (each about one article), so the bar follows this KB's and embedder's scale. A question
    that asks two things in one sentence ("Mijn rijbewijs verloopt, en ik wil mijn auto op naam van mijn zoon
    zetten") has both articles close to the top; a question about one article rarely does. ``None`` (no second
    blocks) for ``share`` 0 or no questions."""
    scores = sorted(second_article_score(r, support) for r in made)
    if share <= 0 or not scores:
        return None
    return round(scores[min(len(scores) - 1, int(math.floor((1 - share) * len(scores))))], 6)


def dense_reference(searcher: Searcher, articles: Sequence[Article], sample: int = MAX_ARTICLES) -> float:
    """The median best dense cosine of the KB's own titles asked as questions: the scale of this KB and
    embedder, so that one question's cosine can be read relative to it. A large KB is sampled (the same
    articles every time): a median needs no 50,000 embeddings."""
    chosen = sorted(articles, key=lambda a: hashlib.sha256(a.id.encode()).hexdigest())[:sample]
    scores = []
    for retrieval in searcher.retrieve_many([a.title for a in chosen], top_k=1, with_tops=True):
        hit = searcher.top_hit(retrieval, "dense")
        scores.append(hit.score if hit else 0.0)
    return statistics.median(scores) if scores else 0.9


def fit_calibration(searcher: Searcher, articles: Mapping[str, Article], settings: Settings, *,
                    gold: Sequence[LabelledQuestion] = ()) -> Calibration:
    public = [a for a in articles.values() if not a.internal and a.extra.get("source", "article") == "article"]
    reference = dense_reference(searcher, public)
    embed_catalogue(settings, searcher.embedder)  # kept in the data folder: a start reads them (kcc.products)
    scorer = EvidenceScorer.for_service(searcher, public, settings, reference)
    made_by_article = training_questions_by_article(public, max_articles=MAX_ARTICLES)
    made = [q for _, q in made_by_article]
    negatives_text = out_of_scope_questions(settings)
    known = {w.lower() for a in public for s in a.public_sections
             for w in re.findall(r"[^\W\d_]+", f"{a.title} {s.heading} {' '.join(a.keywords)} {s.body}")}
    examples = [LabelledQuestion(q, True) for q in made + with_context(made, known, negatives_text)]
    examples += [LabelledQuestion(q, False) for q in negatives_text]
    examples += list(gold)
    # the generic out-of-scope questions are the same for every calibration: their vectors are kept (kcc.scope)
    kept = dict(zip(negatives_text, embed_questions(searcher.embedder, tuple(negatives_text), vector_cache(settings)),
                    strict=True)) if negatives_text else {}
    retrieved = searcher.retrieve_many([e.text for e in examples], top_k=SECOND_ARTICLE_HITS, with_tops=True,
                                       vectors=[None if e.answerable else kept.get(e.text) for e in examples])
    evidence: list[Evidence] = [
        scorer.evidence(retrieval, exclude=None if example.answerable else example.text)
        for example, retrieval in zip(examples, retrieved, strict=True)]
    labels = [1 if e.answerable else 0 for e in examples]
    positives = sum(labels)
    negatives = len(labels) - positives
    weight = [1.0 if y else max(1.0, positives / max(negatives, 1)) for y in labels]  # balance the classes
    full = Model.fit(FEATURES, evidence, labels, weight)
    dense_only = Model.fit(DENSE_FEATURES, evidence, labels, weight)
    thresholds = {}
    expected = {}
    for name, model in (("full", full), ("dense_only", dense_only)):
        pos = [model.score(e) for e, y in zip(evidence, labels, strict=True) if y]
        neg = [model.score(e) for e, y in zip(evidence, labels, strict=True) if not y]
        thresholds[name] = choose_threshold(pos, neg, settings.calibration_target)
        expected.update({f"{name}_{k}": v for k, v in refusal_rates(thresholds[name], pos, neg).items()})
    gap = fit_gap_threshold(np.asarray([r.dense for r in retrieved[:len(made)]], dtype=np.float32),
                            [article_id for article_id, _ in made_by_article])
    return Calibration(embedder=searcher.embedder.spec, kb_version=kb_version(articles), reference=reference,
                       full=full, dense_only=dense_only, threshold=round(thresholds["full"], 4),
                       dense_threshold=round(thresholds["dense_only"], 4), expected=expected,
                       sizes={"positives": positives, "negatives": negatives, "gold": len(gold)}, gap_threshold=gap,
                       second_article=fit_second_article(retrieved[:len(made)], settings.section_support,
                                                         settings.second_article_share),
                       ranking=settings.ranking)
