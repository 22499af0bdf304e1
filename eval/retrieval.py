"""Retrieval comparison: article hit@1, hit@5 and MRR per embedder and per mode (dense, BM25, hybrid).

Each embedder indexes the KB into its own temporary data folder, through the same Runtime the product uses.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.gold import GoldQuestion
from eval.metrics import hit_at_k, mean, reciprocal_rank
from kcc.runtime import Runtime
from kcc.settings import Settings


@dataclass(frozen=True)
class RetrievalRow:
    embedder: str
    mode: str
    questions: int
    hit1: float
    hit5: float
    mrr: float
    query_ms_p50: float

    def as_markdown(self) -> str:
        return (f"| {self.embedder} | {self.mode} | {self.questions} | {self.hit1:.3f} | {self.hit5:.3f} | "
                f"{self.mrr:.3f} | {self.query_ms_p50:.1f} |")


MARKDOWN_HEADER = ("| embedder | mode | questions | hit@1 | hit@5 | MRR | query p50 (ms) |\n"
                   "|---|---|---|---|---|---|---|")


def _audience(question: GoldQuestion) -> str:
    return "agent" if question.kind == "internal" else "public"


def evaluate_runtime(runtime: Runtime, questions: Sequence[GoldQuestion], mode: str) -> RetrievalRow:
    hits1, hits5, rrs, times = [], [], [], []
    for question in questions:
        start = time.perf_counter()
        ranked = runtime.searcher.search_articles(question.question, audience=_audience(question), top_k=5, mode=mode)
        times.append((time.perf_counter() - start) * 1000)
        hits1.append(hit_at_k(ranked, question.gold, 1))
        hits5.append(hit_at_k(ranked, question.gold, 5))
        rrs.append(reciprocal_rank(ranked, question.gold))
    times.sort()
    return RetrievalRow(runtime.embedder.spec, mode, len(questions), mean(hits1), mean(hits5), mean(rrs),
                        times[len(times) // 2] if times else 0.0)


def compare_retrieval(kb_dir: Path, questions: Sequence[GoldQuestion], embedders: Sequence[str],
                      modes: Sequence[str] = ("sparse", "dense", "hybrid"), **settings: object) -> list[RetrievalRow]:
    answerable = [q for q in questions if q.answerable]
    rows: list[RetrievalRow] = []
    for spec in embedders:
        with tempfile.TemporaryDirectory(prefix="kcc-eval-") as data_dir:
            config = Settings(kb_dir=kb_dir, data_dir=Path(data_dir), embedder=spec, qdrant_url=None, **settings)
            with Runtime(config) as runtime:
                runtime.ingest()
                rows.extend(evaluate_runtime(runtime, answerable, mode) for mode in modes)
    return rows
