"""Callback requests (contactverzoeken) and the one list of teams: created by an agent, listed per team and status,
handled by the team; personal data only as long as needed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.api.conftest import ANNA_KEY, AUTH

ANNA = {"X-API-Key": ANNA_KEY}
TOMORROW = (date.today() + timedelta(days=1)).isoformat()


def request(**fields) -> dict:
    body = {"name": "J. de Vries", "phone": "06-12345678", "question": "Wil teruggebeld worden over de WOZ.",
            "team": "Belastingen", "due": TOMORROW, "agent_id": "agent-01"}
    return {**body, **fields}


def test_the_teams_are_the_kbs_owners(log_client):
    teams = log_client.get("/v1/teams", headers=AUTH).json()["teams"]
    assert {"Belastingen", "Burgerzaken", "Werk en inkomen"} <= set(teams)
    assert teams == sorted(teams, key=str.casefold)


def test_a_callback_request_is_created_open_and_listed_for_its_team(log_client):
    response = log_client.post("/v1/callbacks", json=request(team="belastingen", question="bsn 111222333, WOZ"),
                               headers=ANNA)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["status"] == "open" and created["team"] == "Belastingen"  # the team as the list spells it
    assert created["agent_id"] == "anna.devries"  # the key's name
    assert created["question"] == "bsn [BSN], WOZ"  # masked like every stored question
    assert (created["name"], created["phone"]) == ("J. de Vries", "06-12345678")  # the team needs these
    listed = log_client.get("/v1/callbacks", params={"team": "Belastingen", "status": "open"}, headers=AUTH).json()
    assert created["id"] in [c["id"] for c in listed["callbacks"]]
    other = log_client.get("/v1/callbacks", params={"team": "Afval"}, headers=AUTH).json()["callbacks"]
    assert created["id"] not in [c["id"] for c in other]


def test_the_team_works_its_list_and_a_handled_request_forgets_the_person(log_client):
    created = log_client.post("/v1/callbacks", json=request(email="jdv@example.nl"), headers=AUTH).json()
    busy = log_client.patch(f"/v1/callbacks/{created['id']}", json={"status": "in behandeling"}, headers=AUTH)
    assert busy.status_code == 200 and busy.json()["status"] == "in behandeling"
    assert busy.json()["phone"] == "06-12345678"
    done = log_client.patch(f"/v1/callbacks/{created['id']}", json={"status": "afgehandeld"}, headers=AUTH).json()
    assert (done["status"], done["name"], done["phone"], done["email"]) == (
        "afgehandeld", "[naam]", "[telefoonnummer]", "[e-mailadres]")
    closed = log_client.patch(f"/v1/callbacks/{created['id']}", json={"status": "open"}, headers=AUTH)
    assert closed.status_code == 409 and closed.json()["error"]["code"] == "callback_closed"


@pytest.mark.parametrize(("fields", "code"), [
    ({"phone": None}, "missing_contact_details"),
    ({"phone": "12"}, "invalid_phone"),
    ({"phone": None, "email": "geen-adres"}, "invalid_email"),
    ({"team": "Werk & Inkomen"}, "unknown_team"),
    ({"due": "2020-01-01"}, "invalid_due"),
    ({"due": (date.today() + timedelta(days=400)).isoformat()}, "invalid_due"),
    ({"name": "  "}, "invalid_name"),
    ({"question": " "}, "empty_question"),
    ({"contact_id": 999999}, "contact_not_found"),
    ({"status": "afgehandeld", "due": "morgen"}, "invalid_field"),
])
def test_bad_callback_requests_get_a_dutch_4xx(log_client, fields, code):
    response = log_client.post("/v1/callbacks", json=request(**fields), headers=AUTH)
    assert response.status_code in (404, 422)
    assert response.json()["error"]["code"] == code


def test_unknown_status_and_request_are_refused(log_client):
    assert log_client.patch("/v1/callbacks/999999", json={"status": "afgehandeld"},
                            headers=AUTH).status_code == 404
    created = log_client.post("/v1/callbacks", json=request(), headers=AUTH).json()
    wrong = log_client.patch(f"/v1/callbacks/{created['id']}", json={"status": "klaar"}, headers=AUTH)
    assert wrong.status_code == 422


def test_callbacks_are_for_staff_only(log_client):
    assert log_client.get("/v1/callbacks").status_code == 401
    assert log_client.post("/v1/callbacks", json=request()).status_code == 401
    assert log_client.get("/v1/teams").status_code == 401


def test_a_handover_to_a_known_team_counts_for_that_team(log_client):
    body = {"channel": "phone", "question": "Uitkering", "outcome": "Doorverbonden", "duration_seconds": 60,
            "agent_id": "agent-teams"}
    for typed in ("Werk en Inkomen", "werk en inkomen", "mw. Jansen van Werk en inkomen"):
        logged = log_client.post("/v1/contacts", json={**body, "forwarded_to": typed}, headers=AUTH).json()
        assert logged["team"] == "Werk en inkomen"
