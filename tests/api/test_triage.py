"""A team lead's triage on the dashboard: gap questions dismissed, put out of scope or assigned; article signals
with a status. On SQLite and PostgreSQL, through the API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import get_session
from tests.api.conftest import ADMIN, AUTH, EDITOR_KEY

EDITOR = {"X-API-Key": EDITOR_KEY}
FOOTBALL = ["Wie wint het EK voetbal dit jaar?", "wie wint het ek voetbal dit jaar", "Wie wordt Europees kampioen?"]
RECIPE = "Hoe maak ik een appeltaart?"
SLUIS = "Wanneer gaat de sluis bij de haven weer open?"
DAY = "2026-10-05"


@pytest.fixture(scope="module")
def triage(api_settings, sample_runtime, log_db, tmp_path_factory):
    """The API with its own out-of-scope file (never the repository's) and this module's contact log."""
    own_list = tmp_path_factory.mktemp("scope") / "buiten-bereik.txt"
    own_list.write_text("# eigen lijst\nGaat het morgen regenen?", encoding="utf-8")  # no newline at the end
    app = create_app(api_settings.model_copy(update={"out_of_scope_file": own_list}), runtime=sample_runtime)

    def sessions():
        with log_db.session() as session:
            yield session

    app.dependency_overrides[get_session] = sessions
    with TestClient(app) as client:
        for question in [*FOOTBALL, RECIPE, SLUIS, SLUIS]:
            response = client.post("/v1/contacts", headers=ADMIN, json={
                "channel": "chat", "question": question, "answer_status": "no_answer",
                "outcome": "Terugbelnotitie gemaakt", "duration_seconds": 30, "agent_id": "agent-01",
                "created_at": f"{DAY}T10:00:00Z"})
            assert response.status_code == 201, response.text
        yield client, own_list


def gaps(client) -> dict:
    response = client.get("/v1/stats/gaps", params={"start": DAY, "end": DAY, "limit": 50}, headers=AUTH)
    assert response.status_code == 200, response.text
    return response.json()


def group_of(body: dict, question: str) -> dict | None:
    return next((g for g in body["groups"] if question in g["members"]), None)


def test_a_group_lists_every_member_a_decision_covers(triage):
    client, _ = triage
    body = gaps(client)
    football = group_of(body, FOOTBALL[0])
    assert football is not None and football["team"] is None
    assert FOOTBALL[1] not in football["members"]  # the same wording as FOOTBALL[0]: one member, counted twice
    assert body["total"] == 6


def test_dismissed_questions_leave_the_gaps_and_can_come_back(triage):
    client, _ = triage
    response = client.post("/v1/stats/gaps/decisions", headers=AUTH,
                           json={"questions": [RECIPE], "decision": "genegeerd", "decided_by": "teamleider"})
    assert response.status_code == 201, response.text
    decision = response.json()["decisions"][0]
    assert decision["decision"] == "genegeerd" and decision["decided_by"] == "teamleider"
    assert group_of(gaps(client), RECIPE) is None and gaps(client)["total"] == 5
    assert client.delete(f"/v1/stats/gaps/decisions/{decision['id']}", headers=AUTH).status_code == 204
    assert group_of(gaps(client), RECIPE) is not None
    assert client.delete(f"/v1/stats/gaps/decisions/{decision['id']}", headers=AUTH).status_code == 404


def test_out_of_scope_is_for_editors_and_adds_the_questions_to_the_list_once(triage):
    client, own_list = triage
    members = group_of(gaps(client), FOOTBALL[0])["members"]
    refused = client.post("/v1/stats/gaps/decisions", headers=AUTH,
                          json={"questions": members, "decision": "buiten bereik", "decided_by": "agent-01"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "editor_required"
    body = {"questions": members, "decision": "buiten bereik", "decided_by": "redacteur"}
    response = client.post("/v1/stats/gaps/decisions", headers=EDITOR, json=body)
    assert response.status_code == 201, response.text
    assert response.json()["out_of_scope_added"] == len(members)  # one line per wording
    lines = own_list.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["# eigen lijst", "Gaat het morgen regenen?"]  # the last line got its newline first
    assert lines[2:] == members
    again = client.post("/v1/stats/gaps/decisions", headers=EDITOR, json=body)
    assert again.json()["out_of_scope_added"] == 0
    assert group_of(gaps(client), FOOTBALL[0]) is None


def test_assigned_questions_stay_with_their_team_shown(triage):
    client, _ = triage
    unknown = client.post("/v1/stats/gaps/decisions", headers=AUTH, json={
        "questions": [SLUIS], "decision": "toegewezen", "team": "Havenbedrijf", "decided_by": "teamleider"})
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "unknown_team"
    response = client.post("/v1/stats/gaps/decisions", headers=AUTH, json={
        "questions": [SLUIS], "decision": "toegewezen", "team": "openbare ruimte", "decided_by": "teamleider"})
    assert response.status_code == 201, response.text
    assert response.json()["decisions"][0]["team"] == "Openbare ruimte"  # the team list's own spelling
    assert group_of(gaps(client), SLUIS)["team"] == "Openbare ruimte"


def test_personal_data_in_a_decided_question_is_masked(triage):
    client, own_list = triage
    response = client.post("/v1/stats/gaps/decisions", headers=EDITOR, json={
        "questions": ["Bel mij op 0612345678 over het weer"], "decision": "buiten bereik", "decided_by": "redacteur"})
    assert response.status_code == 201
    assert "0612345678" not in response.text and "0612345678" not in own_list.read_text(encoding="utf-8")


def test_a_signal_moves_from_open_to_in_behandeling_to_opgelost(log_client):
    created = log_client.post("/v1/feedback", headers=AUTH, json={
        "article_id": "paspoort-aanvragen", "comment": "Prijs voor kinderen klopt niet.", "agent_id": "agent-01"})
    assert created.status_code == 201 and created.json()["status"] == "open"
    feedback_id = created.json()["id"]
    busy = log_client.patch(f"/v1/feedback/{feedback_id}", headers=AUTH, json={"status": "in behandeling"})
    assert busy.status_code == 200 and busy.json()["status"] == "in behandeling" and busy.json()["updated_at"]
    log_client.patch(f"/v1/feedback/{feedback_id}", headers=AUTH, json={"status": "opgelost"})
    open_ids = [f["id"] for f in log_client.get("/v1/feedback", params={"status": "open"}, headers=AUTH)
                .json()["feedback"]]
    done_ids = [f["id"] for f in log_client.get("/v1/feedback", params={"status": "opgelost"}, headers=AUTH)
                .json()["feedback"]]
    assert feedback_id not in open_ids and feedback_id in done_ids
    assert log_client.patch(f"/v1/feedback/{feedback_id}", headers=AUTH, json={"status": "weg"}).status_code == 422
    assert log_client.patch("/v1/feedback/999999", headers=AUTH, json={"status": "open"}).status_code == 404
    assert log_client.patch(f"/v1/feedback/{feedback_id}", json={"status": "open"}).status_code == 401


def test_only_real_questions_go_on_the_out_of_scope_list(triage):
    client, own_list = triage
    before = own_list.read_text(encoding="utf-8")
    response = client.post("/v1/stats/gaps/decisions", headers=EDITOR, json={
        "questions": ["00"], "decision": "buiten bereik", "decided_by": "redacteur"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "not_a_question"
    assert own_list.read_text(encoding="utf-8") == before
