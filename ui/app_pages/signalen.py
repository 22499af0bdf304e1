"""Signalen: what agents flagged in the articles ("Meld dit artikel"), per owner team and status. The team
moves each signal from open to in behandeling to opgelost, and opens the article and the contact it came from."""

import pandas as pd
import streamlit as st

from ui.answer_view import show_article
from ui.common import act, call, plain, require_agent, show_flash
from ui.resources import article_titles, client
from ui.session import signed_in_agent

ALL_TEAMS = "Alle teams"
STATUS_LABELS = {"open": "Open", "in behandeling": "In behandeling", "opgelost": "Opgelost"}
FLASH, ERROR = "signalen_flash", "signalen_error"
OPENED = "signalen_opened"  # (kind, id) of the article or contact shown under a signal


def _move(feedback_id: int, status: str) -> None:
    act(lambda: client().update_feedback(feedback_id, status), flash=FLASH, error=ERROR,
        done=f"Melding {feedback_id}: {STATUS_LABELS[status].lower()}.")


def _toggle(kind: str, item_id: int | str, feedback_id: int) -> None:
    wanted = (kind, item_id, feedback_id)
    st.session_state[OPENED] = None if st.session_state.get(OPENED) == wanted else wanted


def _show_contact(contact: dict) -> None:
    st.caption(f"Contact nr. {contact['id']} · {contact['channel']} · {contact['agent_id']}")
    for number, question in enumerate(contact.get("questions") or [contact], start=1):
        st.markdown(f"{number}. {plain(question['question'])} — *{plain(question['outcome'])}*")


require_agent(signed_in_agent())
st.title("Signalen")
st.caption("Meldingen van medewerkers over artikelen die niet kloppen of iets missen. Het team dat eigenaar is "
           "van het artikel pakt ze op en zet ze op opgelost.")
show_flash(FLASH, ERROR)

everything = call(client().feedback, limit=500)
if everything is None:
    st.stop()
owners = sorted({item["owner"] for item in everything["feedback"] if item.get("owner")}, key=str.casefold)
team_box, status_box = st.columns(2)
owner = team_box.selectbox("Team (eigenaar)", [ALL_TEAMS, *owners], key="signalen_owner")
status = status_box.selectbox("Status", list(STATUS_LABELS), key="signalen_status",
                              format_func=STATUS_LABELS.__getitem__)
feedback = call(client().feedback, owner=None if owner == ALL_TEAMS else owner, status=status, limit=500)
if feedback is None:
    st.stop()

items = feedback["feedback"]
titles = article_titles()
if not items:
    st.info(f"Geen meldingen met status '{STATUS_LABELS[status].lower()}'"
            + ("" if owner == ALL_TEAMS else f" voor {owner}") + ".", icon=":material/check_circle:")
opened = st.session_state.get(OPENED)
for item in items:
    created = pd.to_datetime(item["created_at"], utc=True).tz_convert("Europe/Amsterdam")
    title = titles.get(item["article_id"], item["article_id"])
    with st.container(border=True, key=f"signalen_item_{item['id']}"):
        text, actions = st.columns([4, 1], vertical_alignment="center")
        text.markdown(f"**{plain(title)}** · {plain(item.get('section') or 'hele artikel')}  \n"
                      f"{plain(item['comment'])}  \n"
                      f":gray[{created:%d-%m-%Y %H:%M} · team {plain(item['owner'])} · nr. {item['id']} · "
                      f"door {plain(item['agent_id'])}]")
        links = text.columns(2 if item.get("contact_id") else 1)
        links[0].button("Artikel", key=f"signalen_article_{item['id']}", icon=":material/article:",
                        on_click=_toggle, args=("article", item["article_id"], item["id"]))
        if item.get("contact_id"):
            links[1].button(f"Contact nr. {item['contact_id']}", key=f"signalen_contact_{item['id']}",
                            icon=":material/call:", on_click=_toggle, args=("contact", item["contact_id"], item["id"]))
        if item["status"] == "open":
            actions.button("In behandeling", key=f"signalen_busy_{item['id']}", on_click=_move,
                           args=(item["id"], "in behandeling"), icon=":material/pending_actions:", width="stretch")
        if item["status"] != "opgelost":
            actions.button("Opgelost", key=f"signalen_done_{item['id']}", on_click=_move, args=(item["id"], "opgelost"),
                           icon=":material/task_alt:", type="primary", width="stretch")
        else:
            actions.button("Heropenen", key=f"signalen_reopen_{item['id']}", on_click=_move,
                           args=(item["id"], "open"), icon=":material/undo:", width="stretch")
        if opened and opened[2] == item["id"]:
            if opened[0] == "article" and (article := call(client().article, opened[1])) is not None:
                show_article(article)
            elif opened[0] == "contact" and (contact := call(client().contact, opened[1])) is not None:
                _show_contact(contact)
