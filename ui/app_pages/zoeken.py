"""Zoeken: the agent console. Search during a live call, read the sourced answer and the internal notes,
open the full article, log the outcome in one click, flag an article that is wrong."""

import uuid

import streamlit as st

from ui.answer_view import (
    question_line,
    show_alternatives,
    show_answer,
    show_article,
    show_clarify,
    show_internal_notes,
    show_referral_guide,
    show_sources,
)
from ui.callback_form import callback_form
from ui.common import CHANNEL_LABELS, CHANNELS, call, require_agent, show_flash
from ui.contact_log import (
    ARTICLE,
    FLASH,
    QUESTION,
    RESULT,
    article_owner,
    call_panel,
    call_timer,
    close_article,
    flag_form,
    focus_search_box,
    open_article,
    outcome_buttons,
    start_call,
)
from ui.resources import client, referral_guide, settings, teams
from ui.session import signed_in_agent

SEEN = "zoeken_seen"  # the page ran before in this session
SEARCH_AGAIN = "zoeken_search_again"  # set by an alternative's button: search with the text now in the box


def search_for(title: str) -> None:
    """Put an article's title in the search box and search again, as if the agent typed it (a callback)."""
    st.session_state[QUESTION] = title
    st.session_state[SEARCH_AGAIN] = True


agent = require_agent(signed_in_agent())

# the search box comes first: during a call every second counts
with st.form("zoeken_form", border=False, enter_to_submit=True):
    box, channel_box, button = st.columns([7, 2, 1.2], vertical_alignment="bottom")
    box.text_input("Vraag van de inwoner", key=QUESTION, max_chars=500,
                   placeholder="Bijvoorbeeld: Wat kost een paspoort?")
    channel_box.selectbox("Kanaal", list(CHANNELS), key="zoeken_channel")
    searched = button.form_submit_button("Zoeken", type="primary", icon=":material/search:", width="stretch")

show_flash(FLASH)

if st.session_state.pop(SEARCH_AGAIN, False):
    searched = True

if searched:
    question = (st.session_state.get(QUESTION) or "").strip()
    if not question:
        st.warning("Typ eerst de vraag van de inwoner.", icon=":material/edit:")
    else:
        start_call()
        channel = CHANNELS[st.session_state["zoeken_channel"]]
        with st.spinner("Zoeken in de kennisbank…"):
            response = call(client().answer, question, channel)
        if response is not None:
            st.session_state[RESULT] = {"question": question, "channel": channel, "response": response,
                                        "owner": article_owner(response), "request_key": uuid.uuid4().hex}
            st.session_state.pop(ARTICLE, None)

result = st.session_state.get(RESULT)
if result is None:
    st.info("Typ de vraag van de inwoner en druk op Enter. U krijgt het antwoord met bronnen en de interne "
            "informatie; daarna legt u met één klik vast hoe het gesprek is afgelopen.", icon=":material/info:")
else:
    response = result["response"]
    article_ids = list(dict.fromkeys(source["article_id"] for source in response["sources"]))
    answer_column, agent_column = st.columns([3, 2], gap="large")
    with answer_column:
        question_line(result["question"], CHANNEL_LABELS[result["channel"]])
        show_answer(response)
        show_clarify(response.get("clarify"), search_for, "zoeken")
        show_sources(response["sources"])
        show_alternatives(response, search_for, "zoeken")
        if article_ids:
            st.button("Open het volledige artikel", icon=":material/article:", key="zoeken_open_article",
                      on_click=open_article, args=(article_ids[0],))
            flag_form(article_ids[0], [source["section"] for source in response["sources"]], agent)
    with agent_column:
        # the outcome first: on a 1366x768 screen its buttons are in view without scrolling
        outcomes = call(client().outcomes)
        # the shown article's owner first: the likeliest team to hand the call to
        known = teams()
        # no article: the team the answer core named for the referral (the nearest article's owner)
        owner = result.get("owner") or (response.get("referral") or {}).get("owner")
        choices = ([owner] if owner in known else []) + [team for team in known if team != owner]
        if outcomes is not None:
            outcome_buttons(outcomes["outcomes"], choices, agent)
        show_internal_notes(response["internal_notes"])
        callback_form(result, choices, agent)

    if (opened := st.session_state.get(ARTICLE)) is not None:
        with st.container(border=True):
            st.button("Sluit artikel", icon=":material/close:", key="zoeken_close_article",
                      on_click=close_article)
            article = call(client().article, opened)
            if article is not None:
                show_article(article)

with st.sidebar:
    call_timer()
    call_panel(settings().undo_seconds)
    show_referral_guide(referral_guide(), "zoeken_guide_filter")
focus_search_box(first_run=not st.session_state.get(SEEN))
st.session_state[SEEN] = True
