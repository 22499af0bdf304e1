"""Beheer: the lists an admin manages for every agent and API process: the teams contacts are handed to and
callback requests go to, the contact outcomes (and whether each counts as resolved at first contact), and the
municipality's own referral guide. Every change is checked by the API and audited."""

import streamlit as st

from ui.common import act, call, require_agent, show_flash
from ui.resources import client
from ui.session import is_admin, signed_in_agent

FLASH, ERROR = "beheer_flash", "beheer_error"


def _save_teams() -> None:
    teams = [line.strip() for line in (st.session_state.get("beheer_teams") or "").splitlines() if line.strip()]
    act(lambda: client().put_list("teams", teams), flash=FLASH, error=ERROR, done="De teams zijn opgeslagen.")


def _save_outcomes() -> None:
    rows = st.session_state.get("beheer_outcomes_rows") or []
    outcomes = {str(r["Uitkomst"]).strip(): bool(r["Opgelost bij eerste contact"]) for r in rows
                if str(r.get("Uitkomst") or "").strip()}
    act(lambda: client().put_list("outcomes", outcomes), flash=FLASH, error=ERROR,
        done="De uitkomsten zijn opgeslagen.")


def _reset(name: str) -> None:
    act(lambda: client().reset_list(name), flash=FLASH, error=ERROR, done="Weer de lijst uit de instellingen.")


def _save_guide() -> None:
    act(lambda: client().put_referral_guide(st.session_state.get("beheer_guide") or ""), flash=FLASH, error=ERROR,
        done="De doorverwijsgids is opgeslagen; medewerkers en de chat gebruiken hem meteen.")


require_agent(signed_in_agent())
if not is_admin():
    st.info("Beheer is voor beheerders. Log links in met uw beheerderssleutel.", icon=":material/lock:")
    st.stop()
st.title("Beheer")
show_flash(FLASH, ERROR)
lists = call(client().lists)
if lists is None:
    st.stop()

teams_tab, outcomes_tab, guide_tab = st.tabs(["Teams", "Uitkomsten", "Doorverwijsgids"])
with teams_tab:
    st.caption("De teams waaraan medewerkers een contact overdragen en terugbelverzoeken sturen, één per regel."
               + (" Nu uit de instellingen (KCC_TEAMS of de eigenaren van de artikelen)."
                  if "teams" not in lists["managed"] else ""))
    st.text_area("Teams", value="\n".join(lists["teams"]), key="beheer_teams", height=240)
    save, reset = st.columns(2)
    save.button("Teams opslaan", on_click=_save_teams, type="primary", key="beheer_save_teams")
    reset.button("Terug naar de instellingen", on_click=_reset, args=("teams",), key="beheer_reset_teams",
                 disabled="teams" not in lists["managed"])
with outcomes_tab:
    st.caption("De uitkomsten die een medewerker kiest, en of elke uitkomst telt als opgelost bij het eerste "
               "contact (de FCR).")
    rows = [{"Uitkomst": name, "Opgelost bij eerste contact": resolved}
            for name, resolved in lists["outcomes"].items()]
    st.session_state["beheer_outcomes_rows"] = st.data_editor(rows, num_rows="dynamic", key="beheer_outcomes",
                                                              hide_index=True, width="stretch")
    save, reset = st.columns(2)
    save.button("Uitkomsten opslaan", on_click=_save_outcomes, type="primary", key="beheer_save_outcomes")
    reset.button("Terug naar de instellingen", on_click=_reset, args=("outcomes",), key="beheer_reset_outcomes",
                 disabled="outcomes" not in lists["managed"])
with guide_tab:
    if lists["referral_guide"] is None:
        st.info("Er is geen eigen doorverwijsgids ingesteld (KCC_REFERRAL_FILE).", icon=":material/info:")
    else:
        st.caption("De organisaties waarnaar de gemeente verwijst: wie, waarvoor, hoe bereikbaar, en voorbeeldvragen. "
                   "Een fout in de gids wordt gemeld en niet opgeslagen.")
        st.text_area("Doorverwijsgids (YAML)", value=lists["referral_guide"], key="beheer_guide", height=420)
        st.button("Gids opslaan", on_click=_save_guide, type="primary", key="beheer_save_guide")
