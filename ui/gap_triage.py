"""The knowledge gaps on the dashboard, with the team lead's triage of each group: dismiss it (noise), put it
out of scope (editors: added to the municipality's out-of-scope list) or assign it to an owner team. The last
decisions can be taken back."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui.client import ApiError
from ui.common import CHANNEL_LABELS, act, call, plain
from ui.resources import article_titles, client, teams

FLASH, ERROR = "gaps_flash", "gaps_error"
DECISION_LABELS = {"genegeerd": "genegeerd", "buiten bereik": "buiten bereik", "toegewezen": "toegewezen"}


def _decide(questions: list[str], decision: str, by: str, team_key: str | None = None) -> None:
    team = st.session_state.get(team_key) if team_key else None
    try:
        result = client().decide_gap(questions, decision, by, team)
    except ApiError as exc:
        st.session_state[ERROR] = exc.message
        return
    message = f"{len(questions)} vraag/vragen {decision}" + (f" aan {team}" if team else "") + "."
    if decision == "buiten bereik":
        message += (f" {result['out_of_scope_added']} toegevoegd aan de buiten-bereiklijst; dat telt na de volgende "
                    "herindexering.")
    st.session_state[FLASH] = message


def _undo(decision_id: int) -> None:
    act(lambda: client().undo_gap_decision(decision_id), flash=FLASH, error=ERROR,
        done="Besluit teruggedraaid: de vraag staat weer bij de kennislacunes.")


def show_gaps(start: date | None, end: date | None, agent: str, role: str | None) -> None:
    st.subheader("Kennislacunes")
    st.caption("Vragen zonder antwoord of niet in één keer opgelost, gegroepeerd op betekenis: kandidaten voor een "
               "nieuw of beter artikel. Ruis negeert u; vragen waar de gemeente niet over gaat zet een redacteur "
               "buiten bereik; de rest wijst u toe aan het team dat het artikel schrijft.")
    if message := st.session_state.pop(FLASH, None):
        st.success(message, icon=":material/check_circle:")
    if message := st.session_state.pop(ERROR, None):
        st.error(message, icon=":material/error:")
    gaps = call(client().gaps, start=start, end=end, limit=10)
    if gaps is None:
        return
    if not gaps["groups"]:
        st.info("Geen kennislacunes in deze periode.", icon=":material/check_circle:")
    titles = article_titles()
    team_list = teams()
    editor = role in ("editor", "admin")
    for number, group in enumerate(gaps["groups"]):
        assigned = f" · :blue-badge[{plain(group['team'])}]" if group.get("team") else ""
        with st.expander(f"{plain(group['label'])} — {group['count']}×{assigned}"):
            channels = ", ".join(f"{CHANNEL_LABELS.get(code, code)} {count}"
                                 for code, count in group.get("channels", {}).items())
            shown = ", ".join(titles.get(a, a) for a in group.get("articles") or []) or "geen"
            st.caption(f"Kanalen: {channels or '–'} · getoonde artikelen: {plain(shown)}")
            st.markdown("\n".join(f"- {plain(question)}" for question in group["questions"]))
            members = group["members"]
            dismiss, scope, team_box, assign = st.columns([1, 1, 1.4, 1], vertical_alignment="bottom")
            dismiss.button("Negeren", key=f"gaps_dismiss_{number}", icon=":material/visibility_off:",
                           on_click=_decide, args=(members, "genegeerd", agent), width="stretch",
                           help="Ruis (een grap, een test): de vragen verdwijnen van deze lijst.")
            scope.button("Buiten bereik", key=f"gaps_scope_{number}", icon=":material/block:", disabled=not editor,
                         on_click=_decide, args=(members, "buiten bereik", agent), width="stretch",
                         help="Hier gaat de gemeente niet over: de vragen komen op de buiten-bereiklijst, zodat de "
                              "chatbot ze niet meer beantwoordt." + ("" if editor else " Alleen voor redacteuren."))
            team_key = f"gaps_team_{number}"
            team_box.selectbox("Team", team_list, key=team_key, index=team_list.index(group["team"])
                               if group.get("team") in team_list else None, placeholder="Kies een team")
            assign.button("Toewijzen", key=f"gaps_assign_{number}", icon=":material/assignment_ind:",
                          on_click=_decide, args=(members, "toegewezen", agent, team_key), width="stretch")
    decisions = call(client().gap_decisions)
    if decisions and decisions["decisions"]:
        with st.expander("Besluiten over kennislacunes", icon=":material/history:"):
            for decision in decisions["decisions"][:20]:
                text, undo = st.columns([5, 1], vertical_alignment="center")
                team = f" aan {plain(decision['team'])}" if decision.get("team") else ""
                text.markdown(f"{plain(decision['question'])} — *{DECISION_LABELS[decision['decision']]}{team}* "
                              f":gray[door {plain(decision['decided_by'])}]")
                undo.button("Terugdraaien", key=f"gaps_undo_{decision['id']}", on_click=_undo,
                            args=(decision["id"],), icon=":material/undo:")
