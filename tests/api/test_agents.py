"""Agent identity: a key that names its agent (``KCC_AGENT_API_KEY=name:key,...``) logs contacts under that name,
and only that agent adds to or undoes them."""

from __future__ import annotations

import pytest

from kcc.settings import Settings, parse_keys
from tests.api.conftest import ANNA_KEY, AUTH, BRAM_KEY

ANNA = {"X-API-Key": ANNA_KEY}
BRAM = {"X-API-Key": BRAM_KEY}
QUESTION = {"question": "Wat kost een paspoort?", "outcome": "Zelfstandig afgehandeld"}


def test_parse_keys_reads_names_and_bare_keys():
    assert parse_keys(" anna.devries:k1 , k2,, Team Afval 3:k3") == [("anna.devries", "k1"), (None, "k2"),
                                                                     ("Team Afval 3", "k3")]
    assert parse_keys(None) == [] and parse_keys("") == []


@pytest.mark.parametrize("value", ["anna:short", "a,b:" + "x" * 30, "anna/<script>:" + "abcdefghij" * 3,
                                   ":" + "abcdefghij" * 3])
def test_weak_keys_and_bad_names_are_refused_without_echoing_the_key(value):
    with pytest.raises(ValueError) as raised:
        Settings(agent_api_key=value)
    assert "KCC_AGENT_API_KEY" in str(raised.value) and "abcdefghij" not in str(raised.value)


def test_me_names_the_keys_holder(log_client):
    assert log_client.get("/v1/me", headers=ANNA).json() == {"role": "agent", "name": "anna.devries"}
    assert log_client.get("/v1/me", headers=AUTH).json() == {"role": "agent", "name": None}
    assert log_client.get("/v1/me").status_code == 401


def test_a_named_key_logs_contacts_under_its_name(log_client):
    body = {"channel": "phone", "duration_seconds": 60, **QUESTION}
    logged = log_client.post("/v1/contacts", json=body, headers=ANNA).json()
    assert logged["agent_id"] == "anna.devries"
    # the key's name wins over what the body says: no agent logs under another's name
    logged = log_client.post("/v1/contacts", json={**body, "agent_id": "bram"}, headers=ANNA).json()
    assert logged["agent_id"] == "anna.devries"
    # a bare key still needs the body's agent id
    missing = log_client.post("/v1/contacts", json=body, headers=AUTH)
    assert missing.status_code == 422 and missing.json()["error"]["code"] == "invalid_agent_id"


def test_only_the_agent_who_logged_a_contact_adds_to_it_or_undoes(log_client):
    logged = log_client.post("/v1/contacts", json={"channel": "phone", "duration_seconds": 60, **QUESTION},
                             headers=ANNA).json()
    refused = log_client.post(f"/v1/contacts/{logged['id']}/questions", json=QUESTION, headers=BRAM)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "not_your_contact"
    question_id = logged["questions"][0]["id"]
    refused = log_client.delete(f"/v1/contacts/{logged['id']}/questions/{question_id}", headers=BRAM)
    assert refused.status_code == 403
    added = log_client.post(f"/v1/contacts/{logged['id']}/questions", json=QUESTION, headers=ANNA)
    assert added.status_code == 201 and len(added.json()["questions"]) == 2
