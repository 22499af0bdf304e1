"""Terugbelverzoeken: a team's list of callback requests, the earliest due first; the team sets each to
'in behandeling' and 'afgehandeld' (a handled request keeps no name, phone or e-mail). The export is masked."""

from datetime import date

import pandas as pd
import streamlit as st

from ui.client import ApiError
from ui.common import call, require_agent, show_flash
from ui.resources import client, teams
from ui.session import signed_in_agent

STATUS_LABELS = {"open": "Open", "in behandeling": "In behandeling", "afgehandeld": "Afgehandeld"}
FLASH = "terugbellen_flash"
ERROR = "terugbellen_error"
ALL = "Alle teams"

require_agent(signed_in_agent())
st.title("Terugbelverzoeken")
show_flash(FLASH)
if message := st.session_state.pop(ERROR, None):
    st.error(message, icon=":material/error:")

team_box, status_box = st.columns(2)
team = team_box.selectbox("Team", [ALL, *teams()], key="terugbellen_team")
status = status_box.selectbox("Status", list(STATUS_LABELS), index=0, key="terugbellen_status",
                              format_func=STATUS_LABELS.__getitem__)
listed = call(client().callbacks, team=None if team == ALL else team, status=status)
if listed is not None:
    requests = listed["callbacks"]
    if not requests:
        st.info("Geen terugbelverzoeken met deze status.", icon=":material/inbox:")
    else:
        today = date.today()
        table = pd.DataFrame([{
            "Nr.": item["id"], "Vóór": date.fromisoformat(item["due"]).strftime("%d-%m-%Y"),
            "Te laat": "ja" if date.fromisoformat(item["due"]) < today and item["status"] != "afgehandeld" else "",
            "Team": item["team"], "Naam": item["name"], "Telefoon": item["phone"] or "", "E-mail": item["email"] or "",
            "Vraag": item["question"], "Aangemaakt door": item["agent_id"]} for item in requests])
        st.dataframe(table, hide_index=True, width="stretch")

        def _move(callback_id: int, new_status: str) -> None:
            try:
                client().update_callback(callback_id, new_status)
            except ApiError as exc:
                st.session_state[ERROR] = exc.message
                return
            st.session_state[FLASH] = f"Verzoek {callback_id}: {STATUS_LABELS[new_status].lower()}."

        chosen = st.selectbox("Verzoek", [item["id"] for item in requests], key="terugbellen_chosen",
                              format_func=lambda i: next(f"{r['id']} — {r['name']} — {r['question'][:60]}"
                                                         for r in requests if r["id"] == i))
        moves = st.columns(2)
        moves[0].button("In behandeling", key="terugbellen_busy", on_click=_move, args=(chosen, "in behandeling"),
                        disabled=status != "open", icon=":material/pending_actions:")
        moves[1].button("Afgehandeld", key="terugbellen_done", on_click=_move, args=(chosen, "afgehandeld"),
                        disabled=status == "afgehandeld", icon=":material/task_alt:", type="primary")
        # the export for reports: no name, phone or e-mail (AVG)
        export = table.drop(columns=["Naam", "Telefoon", "E-mail"])
        st.download_button("Exporteer (zonder persoonsgegevens)", export.to_csv(index=False, sep=";"),
                           file_name="terugbelverzoeken.csv", mime="text/csv", icon=":material/download:")
