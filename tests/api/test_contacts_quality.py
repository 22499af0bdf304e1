"""Feedback on articles and the grading of answers, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from tests.api.conftest import ADMIN, AUTH

GRADE = {"grader": "kwaliteit-01", "juist": True, "volledig": False, "bron_klopt": True, "begrijpelijk": True}


def log_contact(client, *, answered: bool = True, day: str = "2026-11-02") -> int:
    response = client.post("/v1/contacts", headers=ADMIN, json={  # only an admin may set created_at
        "channel": "phone", "question": "Wat kost een paspoort?", "outcome": "Zelfstandig afgehandeld",
        "answer_id": "b8aeef6a9cbd39b9" if answered else None, "answer_status": "answered" if answered else "no_answer",
        "sources": [{"article_id": "paspoort-aanvragen", "section": "Wat kost het?"}] if answered else [],
        "duration_seconds": 90, "agent_id": "agent-02", "created_at": f"{day}T10:00:00Z"})
    assert response.status_code == 201, response.text
    return response.json()["id"]


# --- feedback ---

def test_feedback_goes_to_the_articles_owner_newest_first(log_client):
    contact_id = log_contact(log_client)
    first = log_client.post("/v1/feedback", headers=AUTH, json={
        "article_id": "paspoort-aanvragen", "section": "Wat kost het?", "comment": " Tarief 2027 ontbreekt. ",
        "agent_id": "agent-02", "contact_id": contact_id})
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["owner"] == "Burgerzaken" and body["comment"] == "Tarief 2027 ontbreekt."
    assert (body["section"], body["contact_id"]) == ("Wat kost het?", contact_id)
    assert body["created_at"].endswith("Z")
    second = log_client.post("/v1/feedback", headers=AUTH, json={
        "article_id": "grofvuil-ophalen", "comment": "Wat als de bank niet door de deur past?", "agent_id": "a"}).json()
    assert second["owner"] == "Afval" and second["section"] is None and second["contact_id"] is None

    def ids(query: str = "") -> list[int]:
        response = log_client.get(f"/v1/feedback?{query}", headers=AUTH)
        assert response.status_code == 200
        return [f["id"] for f in response.json()["feedback"]]

    assert ids()[:2] == [second["id"], body["id"]]
    assert ids("article_id=paspoort-aanvragen") == [body["id"]]
    assert ids("owner=Afval") == [second["id"]]
    assert ids("owner=Parkeren") == []
    assert ids("limit=1") == [second["id"]]


@pytest.mark.parametrize(("fields", "status", "code"), [
    ({"article_id": "bestaat-niet"}, 404, "unknown_article"),
    ({"section": "Bestaat niet"}, 422, "unknown_section"),
    ({"comment": "  "}, 422, "empty_comment"),
    ({"comment": "x" * 2001}, 422, "comment_too_long"),
    ({"agent_id": ""}, 422, "invalid_agent_id"),
    ({"contact_id": 987654}, 404, "unknown_contact"),
])
def test_bad_feedback(log_client, fields, status, code):
    body = {"article_id": "paspoort-aanvragen", "comment": "Klopt niet.", "agent_id": "a", **fields}
    response = log_client.post("/v1/feedback", headers=AUTH, json=body)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code and response.json()["error"]["message"]


# --- grading ---

def test_grading_sample_is_answered_ungraded_and_seeded(log_client):
    answered = {log_contact(log_client, day="2026-09-1" + str(i)) for i in range(6)}
    unanswered = log_contact(log_client, answered=False, day="2026-09-15")

    def sample(query: str) -> list[int]:
        response = log_client.get(f"/v1/grades/sample?start=2026-09-10&end=2026-09-19&{query}", headers=AUTH)
        assert response.status_code == 200, response.text
        return [c["id"] for c in response.json()["contacts"]]

    everything = sample("n=100")
    assert set(everything) == answered and unanswered not in everything
    assert sample("n=3&seed=7") == sample("n=3&seed=7")
    assert len(set(sample("n=3&seed=7"))) == 3
    assert {tuple(sample(f"n=3&seed={seed}")) for seed in range(8)} != {tuple(sample("n=3&seed=7"))}
    assert set(sample("n=100&start=2026-09-12&end=2026-09-13")) <= answered and len(
        sample("n=100&start=2026-09-12&end=2026-09-13")) == 2

    graded = sample("n=1&seed=1")[0]
    response = log_client.post("/v1/grades", headers=AUTH, json={"contact_id": graded, **GRADE, "comment": "Prima"})
    assert response.status_code == 201, response.text
    assert {k: response.json()[k] for k in GRADE} == GRADE and response.json()["comment"] == "Prima"
    assert set(sample("n=100")) == answered - {graded}  # graded once, out of the sample


@pytest.mark.parametrize(("fields", "status", "code"), [
    ({"contact_id": 987654}, 404, "unknown_contact"),
    ({"grader": " "}, 422, "invalid_grader"),
    ({"juist": "misschien"}, 422, "invalid_field"),
])
def test_bad_grades(log_client, fields, status, code):
    body = {"contact_id": log_contact(log_client), **GRADE, **fields}
    response = log_client.post("/v1/grades", headers=AUTH, json=body)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_a_contact_without_an_answer_cannot_be_graded(log_client):
    response = log_client.post("/v1/grades", headers=AUTH,
                               json={"contact_id": log_contact(log_client, answered=False), **GRADE})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "not_gradable"


@pytest.mark.parametrize("query", ["n=0", "n=101", "start=2026-13-01", "seed=abc"])
def test_bad_sample_requests(log_client, query):
    response = log_client.get(f"/v1/grades/sample?{query}", headers=AUTH)
    assert response.status_code == 422 and response.json()["error"]["message"]


def test_personal_data_in_comments_is_masked(log_client):
    feedback = log_client.post("/v1/feedback", headers=AUTH, json={
        "article_id": "paspoort-aanvragen", "comment": "Klant (j.jansen@example.nl) vroeg naar spoed", "agent_id": "a"})
    assert feedback.status_code == 201, feedback.text
    assert feedback.json()["comment"] == "Klant ([e-mailadres]) vroeg naar spoed"
    grade = log_client.post("/v1/grades", headers=AUTH, json={
        "contact_id": log_contact(log_client), **GRADE, "comment": "Klant gaf IBAN NL91ABNA0417164300 door"})
    assert grade.status_code == 201, grade.text
    assert grade.json()["comment"] == "Klant gaf IBAN [IBAN] door"
