"""Terugbelverzoeken: a team's list of callback requests, the earliest due first; the team sets each to
'in behandeling' and 'afgehandeld' (a handled request keeps no name, phone or e-mail). The export is masked."""

from datetime import date

import pandas as pd
import streamlit as st

from ui.common import act, call, plain, require_agent, show_flash
from ui.resources import client, teams
from ui.session import signed_in_agent

STATUS_LABELS = {"open": "Open", "in behandeling": "In behandeling", "afgehandeld": "Afgehandeld"}
FLASH = "terugbellen_flash"
ERROR = "terugbellen_error"
ALL = "Alle teams"

require_agent(signed_in_agent())
st.title("Terugbelverzoeken")
show_flash(FLASH, ERROR)

team_box, status_box = st.columns(2)
team = team_box.selectbox("Team", [ALL, *teams()], key="terugbellen_team")
status = status_box.selectbox("Status", list(STATUS_LABELS), index=0, key="terugbellen_status",
                              format_func=STATUS_LABELS.__getitem__)
listed = call(client().callbacks, team=None if team == ALL else team, status=status)


def _move(callback_id: int, new_status: str) -> None:
    act(lambda: client().update_callback(callback_id, new_status), flash=FLASH, error=ERROR,
        done=f"Verzoek {callback_id}: {STATUS_LABELS[new_status].lower()}.")


if listed is not None:
    requests = listed["callbacks"]
    if not requests:
        st.info("Geen terugbelverzoeken met deze status.", icon=":material/inbox:")
    today = date.today()
    for item in requests:
        due = date.fromisoformat(item["due"])
        late = due < today and item["status"] != "afgehandeld"
        with st.container(border=True, key=f"terugbellen_item_{item['id']}"):
            text, actions = st.columns([4, 1], vertical_alignment="center")
            reach = " · ".join(part for part in (item["phone"], item["email"]) if part)
            text.markdown(f"**{plain(item['name'])}** · {plain(reach)}  \n"
                          f"{plain(item['question'])}  \n"
                          f":{'red' if late else 'gray'}[vóór {due:%d-%m-%Y}{' — te laat' if late else ''} · "
                          f"{plain(item['team'])} · nr. {item['id']} · door {plain(item['agent_id'])}]")
            if item["status"] == "open":
                actions.button("In behandeling", key=f"terugbellen_busy_{item['id']}", on_click=_move,
                               args=(item["id"], "in behandeling"), icon=":material/pending_actions:",
                               width="stretch")
            if item["status"] != "afgehandeld":
                actions.button("Afgehandeld", key=f"terugbellen_done_{item['id']}", on_click=_move,
                               args=(item["id"], "afgehandeld"), icon=":material/task_alt:", type="primary",
                               width="stretch")
    if requests:
        # the export for reports: no name, phone or e-mail (AVG)
        export = pd.DataFrame([{"Nr.": item["id"], "Vóór": item["due"], "Team": item["team"],
                                "Status": STATUS_LABELS[item["status"]], "Vraag": item["question"],
                                "Aangemaakt door": item["agent_id"]} for item in requests])
        st.download_button("Exporteer (zonder persoonsgegevens)", export.to_csv(index=False, sep=";"),
                           file_name="terugbelverzoeken.csv", mime="text/csv", icon=":material/download:")
