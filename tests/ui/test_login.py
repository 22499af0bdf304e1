"""Who is at the console: without a key from the launcher each agent logs in with their own, and the contacts
they log carry the name their key gives them."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.ui.conftest import ANNA_KEY, APP, search
from tests.ui.test_zoeken import outcome_button, texts


def fresh_console(monkeypatch, url: str, key: str | None = None) -> AppTest:
    monkeypatch.setenv("KCC_API_URL", url)
    if key is None:
        monkeypatch.delenv("KCC_AGENT_API_KEY", raising=False)
    else:
        monkeypatch.setenv("KCC_AGENT_API_KEY", key)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def log_in(at: AppTest, key: str) -> AppTest:
    at.text_input(key="login_key").input(key)
    at.button(key="FormSubmitter:login_form-Inloggen").click().run()
    assert not at.exception, at.exception
    return at


def test_without_a_key_the_console_asks_to_log_in_and_shows_nothing_else(ui_api_url, monkeypatch):
    at = fresh_console(monkeypatch, ui_api_url)
    assert "Log in met uw medewerkerssleutel" in texts(at.info)
    assert not [box for box in at.text_input if box.key == "zoeken_question"]


def test_a_wrong_key_is_refused_with_a_dutch_message(ui_api_url, monkeypatch):
    at = log_in(fresh_console(monkeypatch, ui_api_url), "not-a-key-0123456789abcdefghij")
    assert "Deze sleutel kent de kennisbank niet" in texts(at.error)
    assert not [box for box in at.text_input if box.key == "zoeken_question"]


def test_a_named_key_logs_in_and_its_contacts_carry_the_name(ui_api_url, monkeypatch, api):
    at = log_in(fresh_console(monkeypatch, ui_api_url), ANNA_KEY)
    assert "Ingelogd als **anna.devries**" in texts(at.sidebar.markdown)
    assert not [box for box in at.text_input if box.key == "shared_agent_id"]  # nothing to type: the key says it
    before = api.get("/v1/contacts", params={"agent_id": "anna.devries"}).json()["total"]
    search(at, "Wat kost een paspoort voor een volwassene?")
    outcome_button(at, "Zelfstandig afgehandeld").click().run()
    assert api.get("/v1/contacts", params={"agent_id": "anna.devries"}).json()["total"] == before + 1
    # logging out asks for a key again
    at.button(key="logout").click().run()
    assert "Log in met uw medewerkerssleutel" in texts(at.info)


def test_a_key_from_the_launcher_logs_every_session_in(ui_api_url, monkeypatch):
    at = fresh_console(monkeypatch, ui_api_url, f"anna.devries:{ANNA_KEY}")
    assert "Ingelogd als **anna.devries**" in texts(at.sidebar.markdown)
    assert [box for box in at.text_input if box.key == "zoeken_question"]
