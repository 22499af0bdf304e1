"""The Zoeken page (agent console) in AppTest, against the real API on 127.0.0.1."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.ui.conftest import APP, open_page, search, texts

INTERNAL_NOTE = "thuisbezoekcoördinator, toestel 4517"


def alerts(elements) -> str:
    return "\n".join(f"{element.proto.title}\n{element.value}" for element in elements)


def test_the_search_box_comes_first_and_nothing_is_shown_before_a_search(console_env):
    at = open_page("zoeken")
    assert at.main.children[0].type == "form"  # the search form is the first thing on the page
    assert at.text_input(key="zoeken_question").label == "Vraag van de inwoner"
    assert at.selectbox(key="zoeken_channel").value == "Telefoon"
    assert "Bronnen" not in texts(at.markdown)


def test_search_shows_the_answer_its_sources_and_the_marked_internal_notes(console_env):
    at = search(open_page("zoeken"), "Wat kost een paspoort voor een volwassene?", "Balie")
    shown = texts(at.markdown)
    assert "€ 84,45" in shown
    assert "**Paspoort aanvragen** — Wat kost het?" in shown
    assert "https://www.lindewaard.nl/paspoort-aanvragen" in shown and "gecontroleerd 2026-09-15" in shown
    assert "Intern — niet voorlezen of doorsturen" in shown
    assert INTERNAL_NOTE in alerts(at.warning)
    assert INTERNAL_NOTE not in shown  # internal text only inside the marked boxes, never in the answer
    assert "Vraag (Balie)" in texts(at.caption)
    assert at.session_state["zoeken_call_started"] is not None  # searching starts the call timer
    assert not at.error


def test_no_answer_shows_the_referral_prominently(console_env):
    at = search(open_page("zoeken"), "Wie wint de Champions League dit jaar?")
    warnings = alerts(at.warning)
    assert "Geen betrouwbaar antwoord" in warnings and "14 0456" in warnings
    assert "Antwoord  :gray" not in texts(at.markdown)


def test_the_full_article_opens_with_its_internal_sections_marked(console_env):
    at = search(open_page("zoeken"), "Wat kost een paspoort voor een volwassene?")
    at.button(key="zoeken_open_article").click().run()
    assert not at.exception
    assert "### Paspoort aanvragen" in texts(at.markdown)
    assert any(w.proto.title.startswith("intern — Interne informatie") and INTERNAL_NOTE in w.value
               for w in at.warning)
    assert "Eigenaar: Burgerzaken" in texts(at.caption)
    at.button(key="zoeken_close_article").click().run()
    assert "### Paspoort aanvragen" not in texts(at.markdown)


def test_an_empty_question_asks_for_one_without_calling_the_api(console_env):
    at = search(open_page("zoeken"), "   ")
    assert "Typ eerst de vraag" in texts(at.warning)
    assert at.session_state.get("zoeken_call_started") is None


def test_api_errors_show_the_apis_dutch_message(console_env, monkeypatch):
    monkeypatch.setenv("KCC_AGENT_API_KEY", "wrong-key")
    at = search(open_page("zoeken"), "Wat kost een paspoort?")
    assert "Ongeldige API-sleutel" in texts(at.error)


def test_api_down_gives_a_friendly_message_not_a_traceback(monkeypatch):
    monkeypatch.setenv("KCC_API_URL", "http://127.0.0.1:9")  # discard port: nothing listens there
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.text_input(key="zoeken_question").input("Wat kost een paspoort?")
    at.form_submit_button[0].click().run()
    assert not at.exception
    assert "niet bereikbaar op http://127.0.0.1:9" in texts(at.error)
