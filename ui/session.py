"""Who is at the console: each agent logs in with their own key (``KCC_AGENT_API_KEY`` as ``name:key``), so the
contacts they log carry their name; the sidebar shows who is logged in. Where the launcher gave the console a key
(the demo, a shared desk) every session is logged in with it.

A key without a name (``KCC_AGENT_API_KEY=key``) leaves the agent to say who they are, in a field kept for the
session.
"""

from __future__ import annotations

import streamlit as st

from ui.client import ApiError, ApiUnavailable
from ui.common import show_error
from ui.resources import SESSION_KEY, agent_key, client, launcher_key, settings

NAME = "shared_agent_name"  # the name the key gives its holder, per session
ROLE = "shared_role"  # agent, editor or admin: what the key may do
AGENT_ID = "shared_agent_id"  # typed by the agent when the key names no one
LOGIN_KEY = "login_key"
LOGIN_ERROR = "login_error"
DEFAULT_AGENT_ID = "medewerker"


def _log_in() -> None:
    key = (st.session_state.get(LOGIN_KEY) or "").strip()
    st.session_state[LOGIN_KEY] = ""
    if not key:
        st.session_state[LOGIN_ERROR] = "Vul uw medewerkerssleutel in."
        return
    try:
        me = client(key).me()
    except ApiUnavailable as exc:
        st.session_state[LOGIN_ERROR] = exc.message
        return
    except ApiError:
        st.session_state[LOGIN_ERROR] = "Deze sleutel kent de kennisbank niet. Controleer hem of vraag uw teamleider."
        return
    st.session_state[SESSION_KEY] = key
    st.session_state[NAME] = me.get("name")
    st.session_state[ROLE] = me.get("role")


def _log_out() -> None:
    for state in (SESSION_KEY, NAME, ROLE, AGENT_ID):
        st.session_state.pop(state, None)


def _login_form(label: str = "Uw medewerkerssleutel") -> None:
    with st.form("login_form", border=False):
        st.text_input(label, key=LOGIN_KEY, type="password",
                      help="De sleutel die uw teamleider u gaf. Zo komt uw naam bij de contacten die u vastlegt.")
        st.form_submit_button("Inloggen", on_click=_log_in, icon=":material/login:", type="primary")
    if message := st.session_state.pop(LOGIN_ERROR, None):
        st.error(message, icon=":material/error:")


def signed_in_agent() -> str | None:
    """The logged-in agent's id for the contact log, shown in the sidebar; None (and a log-in form in the sidebar)
    when nobody is logged in yet: the page then shows only what needs no key."""
    current = settings()
    if agent_key(current) is None:
        with st.sidebar:
            _login_form()
        return None
    if NAME not in st.session_state:
        try:
            me = client().me()
            st.session_state[NAME], st.session_state[ROLE] = me.get("name"), me.get("role")
        except ApiError as exc:
            if exc.status == 401 and not launcher_key(current):
                _log_out()  # a key the API no longer knows: log in again
                with st.sidebar:
                    _login_form()
                return None
            show_error(exc)
            return None
    name = st.session_state.get(NAME)
    if name:
        st.sidebar.markdown(f":material/person: Ingelogd als **{name}**")
    else:
        st.sidebar.text_input("Medewerker", key=AGENT_ID, value=DEFAULT_AGENT_ID, max_chars=64,
                              persist_state="session",
                              help="Uw sleutel heeft geen naam: vul uw medewerker-id in; het komt bij elk contact.")
        name = (st.session_state.get(AGENT_ID) or "").strip() or DEFAULT_AGENT_ID
    if st.session_state.get(SESSION_KEY):
        st.sidebar.button("Uitloggen", on_click=_log_out, icon=":material/logout:", key="logout")
    else:  # the launcher's shared agent key: an editor logs in with their own key for the Redactie pages
        with st.sidebar.expander("Redacteur of beheerder? Log in", icon=":material/edit_note:"):
            _login_form("Uw redacteurs- of beheerderssleutel")
    return name


def signed_in_role() -> str | None:
    """The logged-in key's role (agent, editor, admin), once :func:`signed_in_agent` ran."""
    return st.session_state.get(ROLE)


def is_editor() -> bool:
    return signed_in_role() in ("editor", "admin")


def is_admin() -> bool:
    return signed_in_role() == "admin"
