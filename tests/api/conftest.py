from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app

AGENT_KEY = "test-agent-key"
EDITOR_KEY = "test-editor-key"


@pytest.fixture(scope="session")
def api_settings(sample_runtime):
    return sample_runtime.settings.model_copy(update={"agent_api_key": f"{AGENT_KEY},second-agent-key",
                                                      "editor_api_key": EDITOR_KEY})


@pytest.fixture(scope="session")
def client(sample_runtime, api_settings):
    with TestClient(create_app(api_settings, runtime=sample_runtime)) as test_client:
        yield test_client


def ask(client, question: str, channel: str = "chat", key: str | None = None):
    headers = {"X-API-Key": key} if key else {}
    return client.post("/v1/answer", json={"question": question, "channel": channel}, headers=headers)
