"""Bad input gets a clear 4xx with a Dutch, machine-readable error; never a 500."""

from __future__ import annotations

import pytest

from tests.api.conftest import ask


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"question": "", "channel": "chat"}, 422, "empty_question"),
    ({"question": "   \n\t ", "channel": "chat"}, 422, "empty_question"),
    ({"question": "paspoort " * 100, "channel": "chat"}, 422, "question_too_long"),
    ({"question": "paspoort", "channel": "fax"}, 422, "unknown_channel"),
    ({"channel": "chat"}, 422, "missing_field"),
    ({"question": 42, "channel": "chat"}, 422, "invalid_field"),
    ([1, 2], 400, "invalid_json"),
])
def test_bad_answer_requests(client, body, status, code):
    response = client.post("/v1/answer", json=body)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"] and error["message"][0].isupper()


def test_malformed_json(client):
    response = client.post("/v1/answer", content=b'{"question": "paspoort", ', headers={"content-type":
                                                                                        "application/json"})
    assert response.status_code == 400
    assert response.json()["error"] == {"code": "invalid_json", "message": "De aanvraag is geen geldig JSON-object."}


def test_invalid_api_key(client):
    response = ask(client, "paspoort kwijt", key="wrong")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_api_key"
    assert "API-sleutel" in response.json()["error"]["message"]


def test_unknown_route_and_method(client):
    assert client.get("/v1/nope").json()["error"]["code"] == "not_found"
    assert client.get("/v1/answer").status_code == 405


@pytest.mark.parametrize("query", ["?q=", "?q=paspoort&channel=fax", "?q=paspoort&limit=0", "?q=" + "a" * 600])
def test_bad_search_requests(client, query):
    response = client.get("/v1/search" + query)
    assert 400 <= response.status_code < 500
    assert response.json()["error"]["message"]


def test_reindex_needs_an_editor_or_admin_key(client):
    from tests.api.conftest import AGENT_KEY

    assert client.post("/v1/admin/reindex").status_code == 403
    assert client.post("/v1/admin/reindex", headers={"X-API-Key": AGENT_KEY}).status_code == 403
