"""Signalen: what agents flagged in the articles ("Meld dit artikel"), newest first, per owning team."""

import pandas as pd
import streamlit as st

from ui.common import call, require_agent
from ui.resources import client
from ui.session import signed_in_agent

ALL_TEAMS = "Alle teams"

require_agent(signed_in_agent())
st.title("Signalen")
st.caption("Meldingen van medewerkers over artikelen die niet kloppen of iets missen. Het team dat eigenaar is "
           "van het artikel past het aan.")

everything = call(client().feedback, limit=500)
if everything is None:
    st.stop()
owners = sorted({item["owner"] for item in everything["feedback"] if item.get("owner")})
owner = st.selectbox("Team (eigenaar)", [ALL_TEAMS, *owners], key="signalen_owner")
feedback = everything if owner == ALL_TEAMS else call(client().feedback, owner=owner, limit=500)
if feedback is None:
    st.stop()

items = feedback["feedback"]
if not items:
    st.info("Geen meldingen" + ("" if owner == ALL_TEAMS else f" voor {owner}") + ".", icon=":material/check_circle:")
else:
    table = pd.DataFrame([{"Datum": pd.to_datetime(item["created_at"], utc=True).tz_convert("Europe/Amsterdam")
                           .strftime("%d-%m-%Y %H:%M"), "Artikel": item["article_id"],
                           "Onderdeel": item.get("section") or "hele artikel", "Team": item.get("owner"),
                           "Melding": item["comment"], "Medewerker": item["agent_id"]} for item in items])
    per_article = table.groupby("Artikel").size().sort_values(ascending=False)
    st.metric("Meldingen", len(table), border=True, width="content")
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption("Meeste meldingen: " + ", ".join(f"{article} ({count})" for article, count in per_article.head(5)
                                                .items()))
