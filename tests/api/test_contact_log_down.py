"""When the contact log's database cannot be reached, residents still get answers."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from tests.api.conftest import AUTH, ask


def test_answers_keep_working_and_the_log_says_503(sample_runtime, api_settings, caplog):
    # nothing listens on port 1: the connection is refused at once
    settings = api_settings.model_copy(update={"database_url": "postgresql+psycopg://kcc@127.0.0.1:1/kcc"})
    with TestClient(create_app(settings, runtime=sample_runtime)) as client:
        assert ask(client, "Wat kost een paspoort?").json()["status"] == "answered"
        response = client.post("/v1/contacts", headers=AUTH, json={
            "channel": "phone", "question": "Wat kost een paspoort?", "outcome": "Zelfstandig afgehandeld",
            "duration_seconds": 60, "agent_id": "agent-01"})
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "unavailable"
        assert "contactlog" in response.json()["error"]["message"]
    assert "unavailable, answering without it" in caplog.text
    assert "127.0.0.1:1/kcc" in caplog.text  # which database, so an operator can act on it
