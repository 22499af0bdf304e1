"""The console against a real API: uvicorn on 127.0.0.1 in a thread, over the session's sample index,
with its own temporary data folder (a fresh contact log)."""

from __future__ import annotations

import uuid

import httpx
import pytest
from streamlit.testing.v1 import AppTest

from api.app import create_app
from tests.browser import serve
from tests.conftest import REPO

AGENT_KEY = "ui-agent-key-0123456789abcdef"  # a key without a name: the agent types their id
ANNA_KEY = "ui-anna-key-0123456789abcdefgh"  # a key that names its agent: "anna.devries"
APP = REPO / "ui" / "app.py"
PAGES = {"zoeken": "app_pages/zoeken.py", "dashboard": "app_pages/fcr_dashboard.py",
         "beoordelen": "app_pages/beoordelen.py", "signalen": "app_pages/signalen.py",
         "terugbellen": "app_pages/terugbellen.py"}


@pytest.fixture(scope="session")
def ui_api_url(sample_runtime, tmp_path_factory):
    data = tmp_path_factory.mktemp("ui-data")
    settings = sample_runtime.settings.model_copy(update={"agent_api_key": f"{AGENT_KEY},anna.devries:{ANNA_KEY}",
                                                          "editor_api_key": None,
                                                          "data_dir": data, "database_url": None})
    with serve(create_app(settings, runtime=sample_runtime)) as base:
        yield base


@pytest.fixture
def console_env(ui_api_url, monkeypatch):
    """The environment ``kcc console`` gives Streamlit: where the API is and the agent key."""
    monkeypatch.setenv("KCC_API_URL", ui_api_url)
    monkeypatch.setenv("KCC_AGENT_API_KEY", AGENT_KEY)
    return ui_api_url


@pytest.fixture(scope="session")
def api(ui_api_url):
    """A direct client to check what the console stored."""
    with httpx.Client(base_url=ui_api_url, headers={"X-API-Key": AGENT_KEY}, timeout=30) as client:
        yield client


def marker() -> str:
    """A random word to find a test's own rows by: letters only, because a random mix of digits and letters may
    read as a licence plate ("377bb9"), which the masker takes out of stored text."""
    return uuid.uuid4().hex[:8].translate(str.maketrans("0123456789", "ghijklmnop"))


def open_page(name: str) -> AppTest:
    """The console from its entry script, switched to one page, after a first run."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    if name != "zoeken":
        at.switch_page(PAGES[name]).run()
    assert not at.exception, at.exception
    return at


def search(at: AppTest, question: str, channel: str = "Telefoon") -> AppTest:
    """Type the question, pick the channel and press Zoeken, as an agent would."""
    at.text_input(key="zoeken_question").input(question)
    at.selectbox(key="zoeken_channel").select(channel)
    at.form_submit_button[0].click().run()
    assert not at.exception, at.exception
    return at


def texts(elements) -> str:
    """Everything a list of elements shows, as one string to search in."""
    return "\n".join(str(element.value) for element in elements)
