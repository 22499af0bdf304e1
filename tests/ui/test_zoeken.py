"""The Zoeken page (agent console) in AppTest, against the real API on 127.0.0.1."""

from __future__ import annotations

import uuid

from streamlit.testing.v1 import AppTest

from tests.ui.conftest import AGENT_KEY, APP, open_page, search, texts
from ui.common import plain

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


def test_the_short_answer_comes_first_and_another_article_searches_again(console_env):
    at = search(open_page("zoeken"), "Wat kost een paspoort voor een volwassene?")
    response = at.session_state["zoeken_result"]["response"]
    short = [info for info in at.info if info.proto.title == "Kort antwoord"]
    assert len(short) == 1 and "€ 84,45" in short[0].value
    assert "##### Andere artikelen" in texts(at.markdown)
    offered = {choice["article_id"] for choice in (response["clarify"] or {}).get("choices", [])}
    alternative = next(a for a in response["alternatives"] if a["article_id"] not in offered)
    button = at.button(key=f"zoeken_alternative_{alternative['article_id']}")
    assert button.label == alternative["title"]

    button.click().run()
    assert not at.exception, at.exception
    result = at.session_state["zoeken_result"]
    assert result["question"] == alternative["title"]
    assert at.text_input(key="zoeken_question").value == alternative["title"]  # as if the agent typed it
    assert result["response"]["sources"][0]["article_id"] == alternative["article_id"]
    assert f"**{alternative['title']}**" in texts(at.markdown)
    assert [info.value for info in at.info if info.proto.title == "Kort antwoord"]
    assert f"Vraag (Telefoon): {plain(alternative['title'])}" in texts(at.caption)


def test_no_answer_shows_the_referral_prominently(console_env):
    at = search(open_page("zoeken"), "Wie wint de Champions League dit jaar?")
    warnings = alerts(at.warning)
    assert "Geen betrouwbaar antwoord" in warnings
    # an out-of-scope example says so; else the nearest article's team (which of the two depends on how close the
    # question comes to the out-of-scope list in this index): never the KCC's own number, which helps no agent
    assert plain("buiten-bereiklijst") in warnings or "Doorverwijzen naar:**" in warnings
    assert "14 0456" not in warnings
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


def as_agent(at: AppTest) -> str:
    """A fresh agent id in the sidebar, so this test finds exactly its own contacts."""
    agent = f"agent-{uuid.uuid4().hex[:8]}"
    at.text_input(key="shared_agent_id").input(agent).run()
    return agent


def outcome_button(at: AppTest, name: str):
    return next(button for button in at.button if button.label == name)


def test_one_click_logs_the_contact_with_the_last_search_filled_in(console_env, api):
    at = open_page("zoeken")
    agent = as_agent(at)
    search(at, "Wat kost een paspoort voor een volwassene?", "Balie")
    shown = at.session_state["zoeken_result"]["response"]
    at.session_state["zoeken_call_started"] -= 75  # the call has been running for 75 seconds
    # the article's owner is suggested (the agent may also type another team: AppTest cannot simulate typing)
    at.selectbox(key="zoeken_forward_team").select("Burgerzaken")
    outcome_button(at, "Doorverbonden").click().run()
    assert not at.exception

    contacts = api.get("/v1/contacts", params={"agent_id": agent}).json()["contacts"]
    assert len(contacts) == 1
    contact = contacts[0]
    assert contact["question"] == "Wat kost een paspoort voor een volwassene?"
    assert contact["channel"] == "counter"
    assert contact["answer_id"] == shown["answer"]["id"] and contact["answer_status"] == "answered"
    assert contact["sources"] == [{"article_id": s["article_id"], "section": s["section"]} for s in shown["sources"]]
    assert contact["answer_text"] == shown["answer"]["markdown"]
    assert contact["outcome"] == "Doorverbonden" and contact["resolved_first_contact"] is False
    assert contact["forwarded_to"] == "Burgerzaken" and contact["team"] == "Burgerzaken"
    assert 75 <= contact["duration_seconds"] < 120
    assert "Vraag 1 vastgelegd: Doorverbonden" in texts(at.success)
    assert "Vraag 1 vastgelegd" in texts(at.toast)
    # the screen is cleared for the caller's next question; the call goes on until 'Gesprek afronden'
    assert at.session_state.get("zoeken_call_started") is not None
    assert at.text_input(key="zoeken_question").value == ""
    assert "Bronnen" not in texts(at.markdown)
    assert "Dit gesprek" in texts(at.markdown)


def test_the_override_turns_the_fcr_rule_around(console_env, api):
    at = open_page("zoeken")
    agent = as_agent(at)
    search(at, "Wanneer wordt het grofvuil opgehaald?")
    at.checkbox(key="zoeken_override").check()
    outcome_button(at, "Zelfstandig afgehandeld").click().run()
    contact = api.get("/v1/contacts", params={"agent_id": agent}).json()["contacts"][0]
    assert contact["outcome"] == "Zelfstandig afgehandeld"
    assert contact["resolved_first_contact"] is False and contact["resolved_overridden"] is True
    assert contact["forwarded_to"] is None
    assert "niet in één keer opgelost" in texts(at.success)


def test_flagging_the_article_stores_feedback_for_its_owner(console_env, api):
    at = open_page("zoeken")
    agent = as_agent(at)
    search(at, "Wat kost een paspoort voor een volwassene?")
    at.selectbox(key="zoeken_flag_section").select("Wat kost het?")
    at.text_area(key="zoeken_flag_comment").input("De prijs voor kinderen ontbreekt.")
    at.button(key="FormSubmitter:zoeken_flag_form-Melding versturen").click().run()
    assert not at.exception
    assert "Melding verstuurd naar Burgerzaken" in texts(at.success)
    stored = [item for item in api.get("/v1/feedback", params={"article_id": "paspoort-aanvragen"}).json()["feedback"]
              if item["agent_id"] == agent]
    assert [(item["section"], item["comment"], item["owner"]) for item in stored] == [
        ("Wat kost het?", "De prijs voor kinderen ontbreekt.", "Burgerzaken")]
    assert at.text_area(key="zoeken_flag_comment").value == ""


def test_an_empty_flag_is_not_sent(console_env, api):
    at = search(open_page("zoeken"), "Wat kost een paspoort voor een volwassene?")
    before = len(api.get("/v1/feedback", params={"limit": 500}).json()["feedback"])
    at.button(key="FormSubmitter:zoeken_flag_form-Melding versturen").click().run()
    assert "Schrijf kort op wat er niet klopt" in texts(at.error)
    assert len(api.get("/v1/feedback", params={"limit": 500}).json()["feedback"]) == before


def test_the_agent_id_stays_when_switching_pages(console_env):
    # (a key without a name: the agent says who they are)
    at = open_page("zoeken")
    agent = as_agent(at)
    at.switch_page("app_pages/signalen.py").run()
    assert at.text_input(key="shared_agent_id").value == agent
    at.switch_page("app_pages/zoeken.py").run()
    assert at.text_input(key="shared_agent_id").value == agent


def test_an_empty_question_asks_for_one_without_calling_the_api(console_env):
    at = search(open_page("zoeken"), "   ")
    assert "Typ eerst de vraag" in texts(at.warning)
    assert at.session_state.get("zoeken_call_started") is None


def test_api_errors_show_the_apis_dutch_message(console_env, monkeypatch):
    monkeypatch.setenv("KCC_AGENT_API_KEY", "wrong-key-0123456789abcdefghij")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert "Ongeldige API-sleutel" in texts(at.error)


def test_api_down_gives_a_friendly_message_not_a_traceback(monkeypatch):
    monkeypatch.setenv("KCC_API_URL", "http://127.0.0.1:9")  # discard port: nothing listens there
    monkeypatch.setenv("KCC_AGENT_API_KEY", AGENT_KEY)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert "niet bereikbaar op http://127.0.0.1:9" in texts(at.error)


def test_each_block_of_an_answer_says_which_part_or_that_it_is_a_second_article():
    from ui.answer_view import block_captions

    two_parts = {"parts": ["Ik ga trouwen.", "Wat kost *naturalisatie*?"]}
    assert block_captions(two_parts, 2) == ["Deelvraag 1: Ik ga trouwen\\.",
                                            "Deelvraag 2: Wat kost \\*naturalisatie\\*?"]
    second = block_captions({"parts": []}, 2)
    assert second[0] is None and second[1].startswith("Ook mogelijk bedoeld")
    assert block_captions({"parts": []}, 1) == [None]
    beside_parts = block_captions(two_parts, 3)  # the second-best article after the parts' blocks
    assert beside_parts[:2] == block_captions(two_parts, 2) and beside_parts[2].startswith("Ook mogelijk bedoeld")


def test_a_second_articles_block_is_marked_in_the_console(console_env):
    at = search(open_page("zoeken"), "Wat is de eigen bijdrage voor een voorziening van het Sociaal Loket?")
    assert "Ook mogelijk bedoeld: een tweede artikel dat dicht bij de vraag ligt" in texts(at.caption)
    assert "Deelvraag" not in texts(at.caption)


def test_the_full_answer_below_the_short_box_does_not_repeat_the_short_answer():
    from ui.answer_view import without_short

    block = "**Paspoort**\n\nU betaalt € 84,45.\n\n**Wat kost het?**\n\nU betaalt € 84,45. Pinnen kan."
    assert without_short(block) == "**Paspoort**\n\n**Wat kost het?**\n\nU betaalt € 84,45. Pinnen kan."
    assert without_short("**Paspoort**\n\nalleen tekst") == "**Paspoort**\n\nalleen tekst"


def test_a_call_with_two_questions_is_one_contact_with_two_outcomes(console_env, api):
    at = open_page("zoeken")
    agent = as_agent(at)
    search(at, "Wat kost een paspoort voor een volwassene?")
    outcome_button(at, "Zelfstandig afgehandeld").click().run()
    search(at, "Wanneer wordt het grofvuil opgehaald?")
    at.selectbox(key="zoeken_forward_team").select("Afval")
    outcome_button(at, "Doorverbonden").click().run()
    assert not at.exception
    assert "Vraag 2 vastgelegd: Doorverbonden" in texts(at.success)

    contacts = api.get("/v1/contacts", params={"agent_id": agent}).json()["contacts"]
    assert len(contacts) == 1
    assert [(q["question"], q["outcome"], q["resolved_first_contact"]) for q in contacts[0]["questions"]] == [
        ("Wat kost een paspoort voor een volwassene?", "Zelfstandig afgehandeld", True),
        ("Wanneer wordt het grofvuil opgehaald?", "Doorverbonden", False)]
    assert contacts[0]["resolved_first_contact"] is False
    panel = texts(at.markdown)
    assert "Wat kost een paspoort voor een volwassene?" in panel and "Wanneer wordt het grofvuil opgehaald?" in panel

    next(b for b in at.button if b.label == "Gesprek afronden").click().run()
    assert "Gesprek afgerond: 2 vragen, niet alles in één keer opgelost." in texts(at.success)
    assert at.session_state.get("zoeken_call_started") is None and at.session_state.get("zoeken_contact") is None
    # the next call is a new contact
    search(at, "Wat kost een paspoort voor een volwassene?")
    outcome_button(at, "Zelfstandig afgehandeld").click().run()
    assert api.get("/v1/contacts", params={"agent_id": agent}).json()["total"] == 2


def test_an_outcome_callback_that_runs_twice_logs_the_question_once(console_env, api):
    """Two script runs can both see the search result before either clears it (a click while the call timer's
    fragment reruns): the second run then logs the same search again. Its request key makes that a repeat."""
    at = open_page("zoeken")
    agent = as_agent(at)
    for question in ("Wat kost een paspoort voor een volwassene?", "Wanneer wordt het grofvuil opgehaald?"):
        search(at, question)
        seen = dict(at.session_state["zoeken_result"])  # what the second run still has
        outcome_button(at, "Zelfstandig afgehandeld").click().run()
        at.session_state["zoeken_result"] = seen
        outcome_button(at.run(), "Zelfstandig afgehandeld").click().run()
        assert not at.exception and not at.error
    contacts = api.get("/v1/contacts", params={"agent_id": agent}).json()["contacts"]
    assert [q["question"] for q in contacts[0]["questions"]] == [
        "Wat kost een paspoort voor een volwassene?", "Wanneer wordt het grofvuil opgehaald?"]
    assert len(contacts) == 1
    assert "Vraag 2 vastgelegd" in texts(at.success)


def test_a_mis_clicked_outcome_is_undone(console_env, api):
    at = open_page("zoeken")
    agent = as_agent(at)
    search(at, "Wat kost een paspoort voor een volwassene?")
    outcome_button(at, "Zelfstandig afgehandeld").click().run()
    search(at, "Wanneer wordt het grofvuil opgehaald?")
    outcome_button(at, "Verbinding verbroken").click().run()
    next(b for b in at.button if b.label == "Laatste uitkomst ongedaan maken").click().run()
    assert not at.exception
    assert "Ongedaan gemaakt: 'Wanneer wordt het grofvuil opgehaald?'" in texts(at.success)
    contacts = api.get("/v1/contacts", params={"agent_id": agent}).json()["contacts"]
    assert [q["outcome"] for q in contacts[0]["questions"]] == ["Zelfstandig afgehandeld"]
    # undoing the only question takes the contact with it
    next(b for b in at.button if b.label == "Laatste uitkomst ongedaan maken").click().run()
    assert api.get("/v1/contacts", params={"agent_id": agent}).json()["total"] == 0
    assert at.session_state.get("zoeken_contact") is None


def test_the_outcome_buttons_have_keyboard_shortcuts(console_env):
    at = search(open_page("zoeken"), "Wat kost een paspoort voor een volwassene?")
    shortcuts = {button.label: button.proto.shortcut for button in at.button if button.key
                 and button.key.startswith("zoeken_outcome_")}
    assert sorted(shortcuts.values()) == [f"alt+{n}" for n in range(1, len(shortcuts) + 1)]


def test_an_answered_referral_shows_who_handles_it_beside_the_answer(console_env):
    at = search(open_page("zoeken"), "Hoe doe ik aangifte inkomstenbelasting?")
    response = at.session_state["zoeken_result"]["response"]
    assert response["status"] == "answered" and response["referral"]["owner"] == "Belastingdienst"
    boxes = [info for info in at.info if info.proto.title == "Doorverwijzen naar Belastingdienst"]
    assert len(boxes) == 1 and "0800 0543" in boxes[0].value


def test_no_answer_tells_the_agent_which_organisation_or_team_not_the_kccs_number(console_env):
    at = search(open_page("zoeken"), "Hoe laat gaat de laatste bus naar het station?")
    warning = alerts(at.warning)
    assert "Doorverwijzen naar:** 9292 OV\\-reisinformatie" in warning and plain("9292.nl") in warning
    at = search(at, "Hoe bak ik een appeltaart?")
    response = at.session_state["zoeken_result"]["response"]
    assert response["status"] == "no_answer"
    team = response["referral"]["owner"]
    assert team and "14 0456" not in response["referral"]["how"]
    assert at.selectbox(key="callback_team").value == team  # the callback request goes to that team


def test_the_referral_guide_in_the_sidebar_filters_by_topic(console_env):
    at = open_page("zoeken")
    at.text_input(key="zoeken_guide_filter").input("huur").run()
    shown = texts(at.sidebar.markdown)
    assert "**Huurcommissie**" in shown and plain("huurcommissie.nl") in shown
    assert "**9292 OV\\-reisinformatie**" not in shown
