"""'Contactverzoek maken': the agent promises the caller that a team calls or mails back, before a due date. The
request goes to the team's list (the Terugbelverzoeken page); the outcome button is still the agent's to click.

State lives in ``st.session_state`` under ``callback_*`` keys (part of the Zoeken page).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import streamlit as st

from ui.client import ApiError
from ui.contact_log import CONTACT  # the call's contact, when one question is logged already
from ui.resources import client

NAME, PHONE, EMAIL = "callback_name", "callback_phone", "callback_email"
QUESTION, TEAM, DUE = "callback_question", "callback_team", "callback_due"
DONE, ERROR = "callback_done", "callback_error"


def next_working_day(today: date) -> date:
    """The default 'terugbellen vóór': the next weekday."""
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def callback_form(result: dict[str, Any], teams: list[str], agent: str) -> None:
    """The form, pre-filled with the question searched and the article owner's team."""
    with st.expander("Contactverzoek maken (terugbellen)", icon=":material/phone_callback:"):
        with st.form("callback_form", border=False, clear_on_submit=False):
            st.text_input("Naam van de inwoner", key=NAME, max_chars=128)
            phone, email = st.columns(2)
            phone.text_input("Telefoonnummer", key=PHONE, max_chars=32)
            email.text_input("E-mailadres", key=EMAIL, max_chars=254)
            st.text_area("Vraag", key=QUESTION, value=result["question"], max_chars=500, height=68)
            team, due = st.columns(2)
            team.selectbox("Team", teams, index=0 if teams else None, key=TEAM, placeholder="Kies een team")
            due.date_input("Terugbellen vóór", key=DUE, value=next_working_day(date.today()), min_value=date.today(),
                           max_value=date.today() + timedelta(days=365), format="DD-MM-YYYY")
            st.form_submit_button("Verzoek versturen", on_click=_send, args=(agent,), icon=":material/send:")
        if message := st.session_state.pop(ERROR, None):
            st.error(message, icon=":material/error:")
        if done := st.session_state.pop(DONE, None):
            st.success(done, icon=":material/check_circle:")


def _send(agent: str) -> None:
    state = st.session_state
    contact = state.get(CONTACT)
    body = {"name": (state.get(NAME) or "").strip(), "phone": (state.get(PHONE) or "").strip() or None,
            "email": (state.get(EMAIL) or "").strip() or None, "question": state.get(QUESTION) or "",
            "team": state.get(TEAM) or "", "due": (state.get(DUE) or date.today()).isoformat(), "agent_id": agent,
            "contact_id": contact["id"] if contact else None}
    if not body["name"]:
        state[ERROR] = "Vul de naam van de inwoner in."
        return
    try:
        created = client().create_callback(body)
    except ApiError as exc:
        state[ERROR] = exc.message
        return
    state[DONE] = (f"Contactverzoek naar {created['team']}, terugbellen vóór "
                   f"{date.fromisoformat(created['due']):%d-%m-%Y}.")
    for key in (NAME, PHONE, EMAIL):
        state[key] = ""
