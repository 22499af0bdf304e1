"""The retrieval evidence behind the no-answer decision, computed the same way at calibration and at answer time.

Example::

    scorer = EvidenceScorer.for_service(searcher, articles, settings, reference=0.88)
    evidence = scorer.evidence(searcher.retrieve("wat kost een paspoort"))
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ingest.components.bm25_embedder import make_bm25
from kb.model import Article
from kcc import referrals
from kcc.calibration import Evidence, TermCoverage
from kcc.scope import OutOfScopeExamples, load_examples, vector_cache
from kcc.search import Retrieval, Searcher, SectionHit
from kcc.settings import Settings

GENERIC_OUT_OF_SCOPE = Path(__file__).resolve().parent / "data" / "buiten-bereik-algemeen.txt"


def out_of_scope_questions(settings: Settings) -> list[str]:
    """The product's generic out-of-scope examples, the municipality's own list (when set) and the referral
    guide's examples of organisations marked out of scope."""
    questions = load_examples(GENERIC_OUT_OF_SCOPE)
    own = settings.out_of_scope_file
    if own is not None and own.is_file():
        questions += load_examples(own)
    questions += referrals.out_of_scope_questions(referrals.load_guide_or_generic(settings.referral_file))
    return list(dict.fromkeys(questions))


def section_terms(articles: Iterable[Article], language: str) -> list[list[int]]:
    return document_terms([f"{a.title} {s.heading} {' '.join(a.keywords)} {s.body}"
                           for a in articles if not a.internal for s in a.public_sections], language)


def document_terms(texts: Iterable[str], language: str) -> list[list[int]]:
    """The BM25 terms of each text, as the index analyses a document."""
    bm25 = make_bm25(language)
    return [list(bm25.embed_document(text).indices) for text in texts]


class EvidenceScorer:
    def __init__(self, searcher: Searcher, coverage: TermCoverage, out_of_scope: OutOfScopeExamples,
                 reference: float, out_of_scope_similarity: float):
        self.searcher = searcher
        self.coverage = coverage
        self.out_of_scope_examples = out_of_scope
        self.reference = reference
        self.out_of_scope_similarity = out_of_scope_similarity

    @classmethod
    def for_service(cls, searcher: Searcher, articles: Iterable[Article], settings: Settings,
                    reference: float, coverage: TermCoverage | None = None) -> EvidenceScorer:
        """:param coverage: the KB's term statistics when counted before (else counted here)."""
        return cls(searcher, coverage or TermCoverage(section_terms(articles, settings.bm25_language)),
                   OutOfScopeExamples(out_of_scope_questions(settings), searcher.embedder, vector_cache(settings)),
                   reference,
                   settings.out_of_scope_similarity)

    def tops(self, retrieval: Retrieval) -> tuple[SectionHit | None, SectionHit | None]:
        """The best public hit of the dense branch alone (raw cosine) and of BM25 alone."""
        return self.searcher.top_hit(retrieval, "dense"), self.searcher.top_hit(retrieval, "sparse")

    def evidence(self, retrieval: Retrieval, *, sparse: bool = True, exclude: str | None = None,
                 tops: tuple[SectionHit | None, SectionHit | None] | None = None) -> Evidence:
        """:param sparse: the question is in the KB's language (BM25 evidence counts).
        :param exclude: an out-of-scope example to leave out (fitting: a negative is not its own neighbour).
        :param tops: the branches' best hits when the caller already has them (:meth:`tops`)."""
        dense, bm25 = tops or self.tops(retrieval)
        dense_top = dense.score if dense else 0.0
        nearest, _ = self.out_of_scope_examples.nearest(retrieval.dense, exclude=exclude)
        agree = sparse and dense is not None and bm25 is not None and dense.article_id == bm25.article_id
        return Evidence(dense_rel=dense_top - self.reference,
                        coverage=self.coverage.coverage(list(retrieval.sparse.indices)) if sparse else 0.0,
                        agree=1.0 if agree else 0.0, oos_margin=nearest - dense_top, nearest_example=nearest)

    def out_of_scope(self, evidence: Evidence) -> bool:
        """A near-paraphrase of an out-of-scope example that is closer to it than to any KB section."""
        return evidence.nearest_example >= self.out_of_scope_similarity and evidence.oos_margin > 0
