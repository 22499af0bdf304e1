""""Heeft dit antwoord u geholpen?": anonymous feedback on an answer from the chat page or the website, counted as
self-service resolution beside the FCR figures."""

from __future__ import annotations

import pytest

from tests.api.conftest import AUTH, ask


def test_feedback_on_an_answer_counts_as_self_service(log_client):
    answer_id = ask(log_client, "Wat kost een paspoort?").json()["answer"]["id"]
    before = log_client.get("/v1/stats/fcr", headers=AUTH).json()["self_service"]
    for helpful, channel in ((True, "chat"), (False, "chat"), (True, "web")):
        response = log_client.post(f"/v1/answers/{answer_id}/feedback", json={"helpful": helpful,
                                                                              "channel": channel})
        assert response.status_code == 201, response.text  # anonymous: no key
        assert response.json()["helpful"] is helpful
    after = log_client.get("/v1/stats/fcr", headers=AUTH).json()["self_service"]
    assert after["chat"]["total"] == before["chat"]["total"] + 2
    assert after["chat"]["helpful"] == before["chat"]["helpful"] + 1
    assert after["web"]["helpful"] == before["web"]["helpful"] + 1
    assert after["web"]["rate"] == pytest.approx(after["web"]["helpful"] / after["web"]["total"])


@pytest.mark.parametrize(("path", "body", "status"), [
    ("/v1/answers/abc/feedback", {"helpful": "misschien", "channel": "chat"}, 422),
    ("/v1/answers/abc/feedback", {"helpful": True, "channel": "phone"}, 422),  # staff channels log contacts
    ("/v1/answers/abc/feedback", {"channel": "chat"}, 422),
    ("/v1/answers/a%20b/feedback", {"helpful": True, "channel": "chat"}, 422),
    ("/v1/answers/" + "a" * 65 + "/feedback", {"helpful": True, "channel": "chat"}, 422),
])
def test_bad_feedback_gets_a_dutch_422(log_client, path, body, status):
    response = log_client.post(path, json=body)
    assert response.status_code == status
    assert response.json()["error"]["message"]
