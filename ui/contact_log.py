"""The call timer, logging a contact's outcome in one or two clicks, and flagging an article.

State lives in ``st.session_state`` under ``zoeken_*`` keys (these parts belong to the Zoeken page). The
buttons use callbacks, which run before the page is drawn: they may reset widgets, and the confirmation
they leave behind is shown in place on the next run.
"""

from __future__ import annotations

import time
from typing import Any

import streamlit as st
import streamlit.components.v1 as components

from ui.client import ApiError
from ui.common import mmss, plain
from ui.resources import client

STARTED = "zoeken_call_started"
RESULT = "zoeken_result"
FLASH = "zoeken_flash"
ERROR = "zoeken_log_error"
TEAM = "zoeken_forward_team"
OVERRIDE = "zoeken_override"
QUESTION = "zoeken_question"
ARTICLE = "zoeken_article_id"
FLAG_COMMENT = "zoeken_flag_comment"
FLAG_SECTION = "zoeken_flag_section"
FLAG_DONE = "zoeken_flag_done"
FLAG_ERROR = "zoeken_flag_error"
CONTACT = "zoeken_contact"  # the contact of the call going on: {"id", "questions", "resolved", "logged_at"}
FOCUS = "zoeken_focus"  # put the cursor back in the search box on the next run


def start_call() -> None:
    """Start the timer unless a call is already running (a second search belongs to the same call)."""
    if st.session_state.get(STARTED) is None:
        st.session_state[STARTED] = time.time()


def open_article(article_id: str) -> None:
    st.session_state[ARTICLE] = article_id


def close_article() -> None:
    st.session_state.pop(ARTICLE, None)


def elapsed() -> int:
    started = st.session_state.get(STARTED)
    return 0 if started is None else int(time.time() - started)


@st.fragment(run_every=1)
def call_timer() -> None:
    """Elapsed call time, redrawn every second without rerunning the page."""
    if st.session_state.get(STARTED) is None:
        st.metric("Gesprek", "00:00", help="De tijd loopt vanaf de eerste zoekvraag of 'Start gesprek'.")
        st.button("Start gesprek", icon=":material/call:", on_click=start_call, key="zoeken_start_call")
    else:
        st.metric("Gesprek", mmss(elapsed()))


def article_owner(response: dict[str, Any]) -> str | None:
    """The team that owns the answer's main article (for 'Doorverbonden met'); ``None`` if unknown."""
    if not response["sources"]:
        return None
    try:
        return client().article(response["sources"][0]["article_id"])["owner"]
    except (ApiError, KeyError):
        return None  # only a suggestion: the agent can still pick a team


def outcome_buttons(outcomes: list[dict[str, Any]], teams: list[str], agent: str) -> None:
    """One button per outcome; one click logs the contact with everything the last search showed."""
    st.markdown("##### Uitkomst vastleggen")
    # compact, so that every outcome button is in view on a 1366x768 screen: the labels are in the placeholders
    st.selectbox("Doorverbonden met", teams, index=None, key=TEAM, label_visibility="collapsed",
                 placeholder="Doorverbonden met: kies een team",
                 help="Het team dat de vraag overneemt. De lijst is die van de gemeente (KCC_TEAMS), zodat elk "
                      "team in de cijfers één naam heeft.")
    # "outcomes": a compact list (ui.style), every button in view on a 1366x768 screen
    with st.container(key="outcomes"):
        for resolved, caption in ((True, "Telt als in één keer opgelost"),
                                  (False, "Telt niet als in één keer opgelost")):
            st.caption(caption)
            for index, outcome in enumerate(outcomes):
                if outcome["resolved_first_contact"] is not resolved:
                    continue
                # Alt+1, Alt+2, ...: the outcome without the mouse, in the order GET /v1/outcomes gives them
                st.button(outcome["name"], key=f"zoeken_outcome_{index}", on_click=_log_outcome,
                          args=(outcome, agent), width="stretch", shortcut=f"Alt+{index + 1}" if index < 9 else None,
                          icon=":material/check_circle:" if resolved else ":material/call_split:")
    # rarely needed: below the buttons (tick it before the click)
    st.checkbox("Toch wel/niet in één keer opgelost", key=OVERRIDE,
                help="Zet dit aan vóór u de uitkomst kiest om af te wijken van de FCR-regel: telt de uitkomst normaal "
                     "als opgelost, dan nu niet, en omgekeerd.")
    if message := st.session_state.pop(ERROR, None):
        st.error(message, icon=":material/error:")


def question_payload(result: dict[str, Any], outcome: dict[str, Any], *, team: str | None,
                     override: bool) -> dict[str, Any]:
    """One question of the contact, pre-filled from the last search."""
    response = result["response"]
    answer = response.get("answer") or {}
    return {
        "question": result["question"],
        "answer_id": answer.get("id"), "answer_status": response["status"],
        "sources": [{"article_id": s["article_id"], "section": s["section"]} for s in response["sources"]],
        "answer_text": answer.get("markdown"),
        "outcome": outcome["name"],
        # None lets the API apply the FCR rule; a bool is the agent's deliberate override of it
        "resolved_first_contact": (not outcome["resolved_first_contact"]) if override else None,
        "forwarded_to": (team or "").strip() or None,
    }


def contact_payload(result: dict[str, Any], outcome: dict[str, Any], agent: str, *, team: str | None,
                    override: bool, duration: int) -> dict[str, Any]:
    """The POST /v1/contacts body of a call's first question."""
    return {"channel": result["channel"], "questions": [question_payload(result, outcome, team=team,
                                                                         override=override)],
            "duration_seconds": duration, "agent_id": agent}


def _remember(contact: dict[str, Any]) -> None:
    st.session_state[CONTACT] = {"id": contact["id"], "questions": contact["questions"],
                                 "resolved": contact["resolved_first_contact"], "logged_at": time.time()}


def _log_outcome(outcome: dict[str, Any], agent: str) -> None:
    """Log the question at once, as the call's first (a new contact) or next question: nothing waits for the end of
    the call. The screen clears for the next question; the call goes on until 'Gesprek afronden'."""
    result = st.session_state.get(RESULT)
    if result is None:
        st.session_state[ERROR] = "Zoek eerst de vraag van de inwoner op; daarna legt u de uitkomst vast."
        return
    team, override = st.session_state.get(TEAM), bool(st.session_state.get(OVERRIDE))
    current = st.session_state.get(CONTACT)
    # one key per search result: should this callback run twice for one click (or the agent click again after a
    # timeout), the API logs the question once and returns the contact as it is
    key = result["request_key"]
    try:
        if current is None:
            contact = client().log_contact(contact_payload(result, outcome, agent, team=team, override=override,
                                                           duration=elapsed()), request_key=key)
        else:
            contact = client().add_question(current["id"], {
                **question_payload(result, outcome, team=team, override=override), "duration_seconds": elapsed()},
                request_key=key)
    except ApiError as exc:
        st.session_state[ERROR] = exc.message
        return
    _remember(contact)
    logged = contact["questions"][-1]
    verdict = "in één keer opgelost" if logged["resolved_first_contact"] else "niet in één keer opgelost"
    st.session_state[FLASH] = (f"Vraag {len(contact['questions'])} vastgelegd: {outcome['name']} ({verdict}). Nog "
                               "een vraag? Typ hem hieronder. Klaar? Kies 'Gesprek afronden'.")
    _clear_question()


def _clear_question() -> None:
    for key in (RESULT, ARTICLE, FLAG_DONE):
        st.session_state.pop(key, None)
    st.session_state[QUESTION] = ""
    st.session_state[TEAM] = None
    st.session_state[OVERRIDE] = False
    st.session_state[FOCUS] = True


def _undo() -> None:
    current = st.session_state.get(CONTACT)
    if current is None:
        return
    last = current["questions"][-1]
    try:
        contact = client().undo_question(current["id"], last["id"])
    except ApiError as exc:
        st.session_state[ERROR] = exc.message
        return
    if contact is None:
        st.session_state.pop(CONTACT, None)
    else:
        _remember(contact)
    st.session_state[FLASH] = f"Ongedaan gemaakt: '{last['question']}' ({last['outcome']}). Kies opnieuw."


def _finish() -> None:
    current = st.session_state.pop(CONTACT, None)
    st.session_state.pop(STARTED, None)
    _clear_question()
    if current is not None:
        count = len(current["questions"])
        verdict = "alle vragen in één keer opgelost" if current["resolved"] else "niet alles in één keer opgelost"
        st.session_state[FLASH] = f"Gesprek afgerond: {count} {'vraag' if count == 1 else 'vragen'}, {verdict}."


def call_panel(undo_seconds: int) -> None:
    """The questions this call logged so far, the undo of the last one (a mis-click) and 'Gesprek afronden'."""
    current = st.session_state.get(CONTACT)
    if current is None:
        return
    st.markdown("##### Dit gesprek")
    for number, question in enumerate(current["questions"], start=1):
        mark = ":material/check_circle:" if question["resolved_first_contact"] else ":material/call_split:"
        st.markdown(f"{mark} {number}. {plain(question['question'])}  \n"
                    f"<small>{plain(question['outcome'])}</small>", unsafe_allow_html=True)
    if time.time() - current["logged_at"] < undo_seconds:
        st.button("Laatste uitkomst ongedaan maken", icon=":material/undo:", key="zoeken_undo", on_click=_undo,
                  shortcut="Alt+Z", help=f"Kan tot {undo_seconds} seconden na het vastleggen.")
    st.button("Gesprek afronden", icon=":material/call_end:", key="zoeken_finish", on_click=_finish, type="primary",
              shortcut="Alt+G", help="Het volgende gesprek begint met een lege lijst en een nieuwe tijd.")


FOCUS_SCRIPT = """<script>
// the search box of the console (same origin): the cursor goes back there, so the next question can be typed
let tries = 0;
const focus = () => {
  const box = window.parent.document.querySelector("input[aria-label='Vraag van de inwoner']");
  if (box) { box.focus(); } else if (tries++ < 40) { setTimeout(focus, 50); }
};
focus();
</script>"""


def focus_search_box(first_run: bool) -> None:
    """The cursor in the search box on the page's first run and after each logged question."""
    if st.session_state.pop(FOCUS, False) or first_run:
        components.html(FOCUS_SCRIPT, height=0)


def flag_form(article_id: str, sections: list[str], agent: str) -> None:
    """'Meld dit artikel': the editors get the comment in their Signalen list."""
    with st.expander("Meld dit artikel", icon=":material/flag:"):
        with st.form("zoeken_flag_form", border=False):
            st.selectbox("Onderdeel", sections, index=None, key=FLAG_SECTION, placeholder="Het hele artikel")
            st.text_area("Wat klopt er niet of ontbreekt?", key=FLAG_COMMENT, max_chars=2000)
            st.form_submit_button("Melding versturen", on_click=_flag, args=(article_id, agent),
                                  icon=":material/send:")
        if message := st.session_state.pop(FLAG_ERROR, None):
            st.error(message, icon=":material/error:")
        if done := st.session_state.get(FLAG_DONE):
            st.success(done, icon=":material/check_circle:")


def _flag(article_id: str, agent: str) -> None:
    comment = (st.session_state.get(FLAG_COMMENT) or "").strip()
    if not comment:
        st.session_state[FLAG_ERROR] = "Schrijf kort op wat er niet klopt; dan weet de redactie wat te doen."
        return
    try:
        stored = client().flag_article({"article_id": article_id, "section": st.session_state.get(FLAG_SECTION),
                                        "comment": comment, "agent_id": agent, "contact_id": None})
    except ApiError as exc:
        st.session_state[FLAG_ERROR] = exc.message
        return
    st.session_state[FLAG_DONE] = f"Melding verstuurd naar {stored.get('owner') or 'de redactie'}. Dank u!"
    st.session_state[FLAG_COMMENT] = ""
    st.session_state[FLAG_SECTION] = None
