"""The variant loop's lift: what questions resolved at first contact teach the knowledge base.

Half of each article's gold questions are fed as contacts resolved with that article, through the real loop
(contact log -> suggested variants -> an editor approves them all -> published and indexed with the article); the
other half, never fed, is asked before and after. The figure is hit@1 on those held-out questions (and, so that a
lift is not bought with wrong answers elsewhere, the refusals of answerable and out-of-scope questions).

Example::

    lift = measure_lift(settings, load_gold(Path("eval/gold/dijkerveen.jsonl")), Path("/tmp/variants"))
    lift.before["hit_at_1"], lift.after["hit_at_1"]
"""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eval.gold import GoldQuestion
from kcc.answer import AnswerService
from kcc.contacts.db import Database
from kcc.contacts.inputs import ContactIn
from kcc.contacts.log import log_contact
from kcc.editorial.publish import Publisher
from kcc.editorial.variants import approve_many, collect, variants
from kcc.runtime import Runtime
from kcc.settings import Settings


@dataclass
class Lift:
    fed: int
    held_out: int
    approved: int
    before: dict[str, float] = field(default_factory=dict)
    after: dict[str, float] = field(default_factory=dict)

    def markdown(self, name: str) -> str:
        rows = "\n".join(f"| {key} | {self.before[key]:.3f} | {self.after[key]:.3f} | "
                         f"{self.after[key] - self.before[key]:+.3f} |" for key in self.before)
        return (f"## Vraagvarianten: {name}\n\n{self.fed} vragen als opgeloste contacten ingevoerd, {self.approved} "
                f"varianten goedgekeurd; gemeten op {self.held_out} andere vragen.\n\n"
                f"| figure | before | after | change |\n|---|---|---|---|\n{rows}\n")


def split(questions: Sequence[GoldQuestion]) -> tuple[list[GoldQuestion], list[GoldQuestion]]:
    """(fed, held out): per article, its single-article public questions in a fixed order (by a hash of the id),
    every other one fed; an article with one question only keeps it held out."""
    per_article: dict[str, list[GoldQuestion]] = defaultdict(list)
    for q in single_article(questions):
        per_article[q.gold[0]].append(q)
    fed, held = [], []
    for group in per_article.values():
        group.sort(key=lambda q: hashlib.sha256(q.id.encode()).hexdigest())
        for i, q in enumerate(group):
            (fed if i % 2 == 1 else held).append(q)
    return fed, held


def figures(service: AnswerService, held: Sequence[GoldQuestion], out_of_scope: Sequence[GoldQuestion]) -> dict:
    answers = [service.answer(q.question, channel=q.channel, agent=False) for q in held]
    hits = sum(bool(a.sources) and a.status == "answered" and a.sources[0].article_id in q.gold
               for a, q in zip(answers, held, strict=True))
    refused = sum(a.status != "answered" for a in answers)
    oos = [service.answer(q.question, channel=q.channel, agent=False) for q in out_of_scope]
    return {"hit_at_1": hits / max(1, len(held)), "answerable_refused": refused / max(1, len(held)),
            "out_of_scope_refused": sum(a.status != "answered" for a in oos) / max(1, len(oos))}


def single_article(questions: Sequence[GoldQuestion]) -> list[GoldQuestion]:
    return [q for q in questions if len(q.gold) == 1 and q.kind != "internal"]


def measure_lift(base: Settings, questions: Sequence[GoldQuestion], workdir: Path,
                 feed: Sequence[GoldQuestion] | None = None) -> Lift:
    """Run the loop on a copy of ``base.kb_dir`` in ``workdir`` (the KB itself is never written).

    :param feed: another gold set to feed whole (its single-article questions), measuring on all of
        ``questions``: a set written apart from the fed one is the fairest test. Without it, ``questions`` is
        split (:func:`split`)."""
    shutil.rmtree(workdir, ignore_errors=True)
    shutil.copytree(base.kb_dir, workdir / "kb")
    settings = base.model_copy(update={"kb_dir": workdir / "kb", "data_dir": workdir / "data", "qdrant_url": None,
                                       "database_url": f"sqlite:///{(workdir / 'contacts.sqlite').resolve()}"})
    fed, held = (single_article(feed), single_article(questions)) if feed is not None else split(questions)
    out_of_scope = [q for q in questions if q.kind == "out_of_scope"]
    with Runtime(settings) as runtime:
        runtime.ingest()
        service = [runtime.answer_service()]
        lift = Lift(fed=len(fed), held_out=len(held), approved=0, before=figures(service[0], held, out_of_scope))
        publisher = Publisher(runtime, lambda: service[0], lambda new: service.__setitem__(0, new), threading.Lock())
        database = Database(settings.database)
        database.upgrade()
        try:
            with database.session() as session:
                for q in fed:
                    log_contact(session, ContactIn(channel=q.channel, question=q.question, answer_status="answered",
                                                   sources=[{"article_id": q.gold[0]}],
                                                   outcome="Zelfstandig afgehandeld", duration_seconds=120,
                                                   agent_id="eval"), settings, service[0].articles)
                collect(session, service[0].articles)
                suggested = [v.id for v in variants(session, status="voorgesteld")]
                approve_many(session, publisher, settings.kb_dir, suggested, actor="eval", role="editor")
                lift.approved = len(suggested)
            publisher.wait_until_calibrated(timeout=600)
            lift.after = figures(service[0], held, out_of_scope)
        finally:
            publisher.close()
            database.close()
    return lift
