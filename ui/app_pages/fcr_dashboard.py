"""FCR-dashboard: how often the KCC answers right first time (target 80%), by channel, team and article,
and which questions the knowledge base does not answer yet."""

import streamlit as st

from ui.charts import NONE, fcr_over_time, groups_frame, rate_bars
from ui.common import CHANNEL_LABELS, CHANNELS, call, interval_for, percent, period_input, require_agent
from ui.gap_triage import show_gaps
from ui.resources import article_titles, client
from ui.session import signed_in_agent, signed_in_role

ALL_CHANNELS, ALL_TEAMS = "Alle kanalen", "Alle teams"

agent = require_agent(signed_in_agent())
st.title("FCR-dashboard")
st.caption("In één keer goed (first-contact resolution): het aandeel contacten dat bij het eerste contact is "
           "opgelost, volgens de FCR-regel van de uitkomsten.")

period_column, channel_column, team_column = st.columns([2, 1, 1])
with period_column:
    start, end = period_input("Periode", "dashboard_period")
channel_label = channel_column.selectbox("Kanaal", [ALL_CHANNELS, *CHANNELS], key="dashboard_channel")
filters = {"start": start, "end": end, "channel": CHANNELS.get(channel_label), "interval": interval_for(start, end)}

overall = call(client().fcr_stats, **filters)
if overall is None:
    st.stop()
team = team_column.selectbox("Team", [ALL_TEAMS, *sorted(t for t in overall["by_team"] if t != NONE)],
                             key="dashboard_team")
stats = overall if team == ALL_TEAMS else call(client().fcr_stats, **filters, team=team)
if stats is None:
    st.stop()

target = stats["target"]
rate = stats["rate"]
questions = stats["questions"]
headline, per_question, total_column, questions_column, open_column = st.columns(5)
headline.metric("In één keer goed (contacten)", percent(rate), border=True,
                # short, so it fits the column at 1366x768; the full sentence is in the help
                delta=None if rate is None else f"{(rate - target) * 100:+.1f} pp".replace(".", ","),
                help=f"Doel: {target:.0%} in één keer goed (Antwoord©); het verschil staat eronder in "
                     "procentpunten (pp). Een contact telt als opgelost als al zijn vragen dat zijn.")
per_question.metric("In één keer goed (vragen)", percent(questions["rate"]), border=True,
                    help="Elke vraag van elk contact apart: een gesprek over een paspoort én een parkeervergunning "
                         "telt twee vragen.")
total_column.metric("Contacten", stats["total"], border=True)
questions_column.metric("Vragen", questions["total"], border=True)
open_column.metric("Contacten niet in één keer", stats["total"] - stats["resolved_first_contact"], border=True)

# self-service: residents who said the chat page's or the website's answer helped them
chat_column, web_column, _ = st.columns([1, 1, 3])
for column, channel, label in ((chat_column, "chat", "Zelf geholpen (chat)"), (web_column, "web",
                                                                                  "Zelf geholpen (website)")):
    figures = stats["self_service"][channel]
    column.metric(label, percent(figures["rate"]), border=True,
                  help=f"'Heeft dit antwoord u geholpen?': {figures['helpful']} keer Ja van {figures['total']} "
                       "reacties in deze periode.")

if stats["total"] == 0:
    st.info("Geen contacten in deze periode met deze filters. Leg contacten vast op de pagina Zoeken.",
            icon=":material/info:")
else:
    st.subheader("Verloop" + (" per dag" if stats["interval"] == "day" else " per week"))
    st.altair_chart(fcr_over_time(stats["over_time"], target), width="stretch")

    by_channel, by_team = st.columns(2, gap="large")
    with by_channel:
        st.subheader("Per kanaal")
        st.altair_chart(rate_bars(groups_frame(stats["by_channel"], "Kanaal", CHANNEL_LABELS), "Kanaal", target),
                        width="stretch")
    with by_team:
        st.subheader("Per team")
        st.altair_chart(rate_bars(groups_frame(stats["by_team"], "Team"), "Team", target), width="stretch")

    st.subheader("Per artikel (slechtste eerst)")
    # an article with a handful of questions says little: ranked only from this many on (the team lead's choice)
    minimum = st.number_input("Rangschik artikelen vanaf … vragen", min_value=1, max_value=1000, value=5, step=1,
                              key="dashboard_min_questions")
    all_articles = groups_frame(stats["by_article"], "Artikel", article_titles())
    articles = all_articles[all_articles["Contacten"] >= minimum].reset_index(drop=True)
    few = len(all_articles) - len(articles)
    if few:
        st.caption(f"{few} artikel(en) met minder dan {minimum} vragen staan niet in de rangschikking.")
    chart_column, table_column = st.columns(2, gap="large")
    chart_column.altair_chart(rate_bars(articles.head(15), "Artikel", target), width="stretch")
    # whole percentages: the table's number format has no Dutch decimal comma ("35.52%" beside "73,9%")
    table_column.dataframe(articles.assign(FCR=(articles["FCR"] * 100).round()), hide_index=True,
                           width="stretch", height=30 * 15 + 20, column_order=["Artikel", "FCR", "Contacten"],
                           column_config={"FCR": st.column_config.ProgressColumn(
                               "FCR", format="%d%%", min_value=0, max_value=100)})

show_gaps(start, end, agent, signed_in_role())
