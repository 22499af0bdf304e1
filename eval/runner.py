"""Run a gold set through the answer core (in-process or a running API) and compute every figure.

Each question is asked on its own channel as the public would (internal questions as an agent too), then
on every other channel for the consistency check. Ranking figures come from the same search core.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Protocol

from eval.gold import CHANNELS, GoldQuestion
from eval.leaks import leaked
from eval.metrics import hit_at_k, mean, ndcg_at_k, reciprocal_rank


class AnswerClient(Protocol):
    """What the runner needs: an answer as the API's JSON, and a ranking of article ids."""

    def answer(self, question: str, channel: str, agent: bool) -> dict: ...

    def rank(self, question: str, agent: bool, top_k: int) -> list[str]: ...


@dataclass
class QuestionOutcome:
    id: str
    kind: str
    channel: str
    ranked: list[str]
    status: str
    facts_ok: bool | None  # None where the question has no facts to check
    short_facts_ok: bool | None  # the short answer alone (the asked fact first) holds the facts
    answer_first: str | None  # the article of the answer's first source (None: no answer)
    leaks: list[str]
    consistent: bool
    latency_ms: float
    confidence: float
    articles: list[str] = field(default_factory=list)  # the answer's articles, in the order of its blocks


@dataclass
class Figures:
    questions: int = 0
    hit1: float = 0.0
    hit3: float = 0.0
    hit5: float = 0.0
    mrr: float = 0.0
    ndcg5: float = 0.0
    fact_accuracy: float = 0.0
    short_fact_accuracy: float = 0.0
    answer_hit1: float = 0.0  # the answer's first source is a right article (a refusal counts as a miss)
    answered: float = 0.0
    # of the answered questions one article answers, the share whose answer also holds another article's block
    extra_article: float = 0.0


@dataclass
class EvalReport:
    name: str
    overall: Figures
    by_kind: dict[str, Figures]
    by_channel: dict[str, Figures]
    out_of_scope: dict[str, float]
    internal_leaks: int
    consistency: float
    latency_ms: dict[str, float]
    outcomes: list[QuestionOutcome] = field(default_factory=list)

    def headline(self) -> dict[str, float]:
        return {"answer_hit1": self.overall.answer_hit1, "hit1": self.overall.hit1, "hit5": self.overall.hit5,
                "mrr": self.overall.mrr,
                "fact_accuracy": self.overall.fact_accuracy,
                "answerable_refused": self.out_of_scope["answerable_refused"],
                "oos_refused": self.out_of_scope["refused"],
                "internal_leaks": float(self.internal_leaks), "consistency": self.consistency,
                "extra_article": self.overall.extra_article}

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


def _facts_ok(question: GoldQuestion, public: dict, agent: dict | None, field: str = "markdown") -> bool | None:
    if not question.answer_must_contain:
        return None
    if question.kind == "internal":
        if field != "markdown":
            return None
        notes = "\n".join(n["markdown"] for n in (agent or {}).get("internal_notes", []))
        return all(fact in notes for fact in question.answer_must_contain)
    if public["status"] != "answered":
        return False
    text = public["answer"].get(field) or ""
    return all(fact in text for fact in question.answer_must_contain)


def _first_source(public: dict) -> str | None:
    return public["sources"][0]["article_id"] if public["status"] == "answered" and public["sources"] else None


def _articles(public: dict) -> list[str]:
    return list(dict.fromkeys(s["article_id"] for s in public["sources"])) if public["status"] == "answered" else []


def _figures(outcomes: Sequence[QuestionOutcome], gold: dict[str, GoldQuestion]) -> Figures:
    ranked = [o for o in outcomes if gold[o.id].gold]
    facts = [o.facts_ok for o in outcomes if o.facts_ok is not None]
    single = [o for o in outcomes if len(gold[o.id].gold) == 1 and o.status == "answered"]
    return Figures(
        questions=len(outcomes),
        hit1=mean([hit_at_k(o.ranked, gold[o.id].gold, 1) for o in ranked]),
        hit3=mean([hit_at_k(o.ranked, gold[o.id].gold, 3) for o in ranked]),
        hit5=mean([hit_at_k(o.ranked, gold[o.id].gold, 5) for o in ranked]),
        mrr=mean([reciprocal_rank(o.ranked, gold[o.id].gold) for o in ranked]),
        ndcg5=mean([ndcg_at_k(o.ranked, gold[o.id].gold, 5) for o in ranked]),
        fact_accuracy=mean([1.0 if ok else 0.0 for ok in facts]),
        short_fact_accuracy=mean([1.0 if o.short_facts_ok else 0.0 for o in outcomes
                                  if o.short_facts_ok is not None]),
        answer_hit1=mean([1.0 if o.answer_first in gold[o.id].gold else 0.0 for o in ranked]),
        answered=mean([1.0 if o.status == "answered" else 0.0 for o in outcomes]),
        extra_article=mean([1.0 if len(o.articles) > 1 else 0.0 for o in single]),
    )


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run_gold(client: AnswerClient, questions: Sequence[GoldQuestion], fragments: Sequence[str], *,
             name: str = "default", consistency: bool = True) -> EvalReport:
    outcomes: list[QuestionOutcome] = []
    for question in questions:
        start = time.perf_counter()
        public = client.answer(question.question, question.channel, agent=False)
        latency = (time.perf_counter() - start) * 1000
        agent = client.answer(question.question, question.channel, agent=True) if question.kind == "internal" \
            else None
        public_text = json.dumps(public, ensure_ascii=False)
        leaks = leaked(public_text, fragments) + [f for f in question.answer_must_contain
                                                  if question.kind == "internal" and f in public_text]
        consistent = True
        if consistency:
            key = (public["status"], public["answer"], public["sources"])
            for channel in CHANNELS:
                if channel != question.channel:
                    other = client.answer(question.question, channel, agent=False)
                    consistent &= (other["status"], other["answer"], other["sources"]) == key
        ranked = client.rank(question.question, agent=question.kind == "internal", top_k=5) if question.gold else []
        outcomes.append(QuestionOutcome(question.id, question.kind, question.channel, ranked, public["status"],
                                        _facts_ok(question, public, agent),
                                        _facts_ok(question, public, agent, "short"), _first_source(public),
                                        leaks, consistent, latency, float(public["confidence"]),
                                        _articles(public)))
    gold = {q.id: q for q in questions}
    answerable = [o for o in outcomes if gold[o.id].kind not in ("out_of_scope", "internal")]
    by_kind: dict[str, list[QuestionOutcome]] = defaultdict(list)
    by_channel: dict[str, list[QuestionOutcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.kind].append(outcome)
        by_channel[outcome.channel].append(outcome)
    oos = by_kind.get("out_of_scope", [])
    latencies = [o.latency_ms for o in outcomes]
    return EvalReport(
        name=name,
        overall=_figures(answerable, gold),
        by_kind={k: _figures(v, gold) for k, v in sorted(by_kind.items())},
        by_channel={k: _figures(v, gold) for k, v in sorted(by_channel.items())},
        out_of_scope={"questions": float(len(oos)),
                      "refused": mean([1.0 if o.status == "no_answer" else 0.0 for o in oos]),
                      "wrongly_answered": mean([1.0 if o.status == "answered" else 0.0 for o in oos]),
                      "answerable_refused": mean([1.0 if o.status == "no_answer" else 0.0 for o in answerable])},
        internal_leaks=sum(len(o.leaks) for o in outcomes),
        consistency=mean([1.0 if o.consistent else 0.0 for o in outcomes]),
        latency_ms={"p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95)},
        outcomes=outcomes,
    )
