"""Beoordelen: evaluators grade a random sample of answers agents really saw, one at a time, on four criteria;
below, the results per period and per article."""

import pandas as pd
import streamlit as st

from ui.charts import GRADE_CRITERIA, grades_over_time
from ui.client import ApiError
from ui.common import CHANNEL_LABELS, call, percent, period_input, plain, require_agent, show_flash
from ui.resources import client
from ui.session import signed_in_agent

SAMPLE, INDEX, FLASH, ERROR = "beoordelen_sample", "beoordelen_index", "beoordelen_flash", "beoordelen_error"
COMMENT = "beoordelen_comment"


def load_sample() -> None:
    try:
        st.session_state[SAMPLE] = client().grade_sample(n=st.session_state.get("beoordelen_n", 10))["contacts"]
    except ApiError as exc:
        st.session_state[ERROR] = exc.message
        return
    st.session_state[INDEX] = 0


def save_grade(contact_id: int, grader: str) -> None:
    grade = {name: bool(st.session_state.get(f"beoordelen_{name}")) for name in GRADE_CRITERIA}
    comment = (st.session_state.get(COMMENT) or "").strip()
    try:
        client().save_grade({"contact_id": contact_id, "grader": grader, **grade, "comment": comment or None})
    except ApiError as exc:
        st.session_state[ERROR] = exc.message
        return
    st.session_state[FLASH] = "Beoordeling opgeslagen."
    next_answer()


def next_answer() -> None:
    st.session_state[INDEX] = st.session_state.get(INDEX, 0) + 1
    for name in GRADE_CRITERIA:
        st.session_state[f"beoordelen_{name}"] = False
    st.session_state[COMMENT] = ""


grader = require_agent(signed_in_agent())
st.title("Beoordelen")
st.caption("Beoordeel antwoorden die medewerkers echt hebben gezien: een willekeurige steekproef van beantwoorde "
           "contacten die nog niet zijn beoordeeld.")

with st.container(horizontal=True, vertical_alignment="bottom"):
    st.number_input("Aantal", min_value=1, max_value=50, value=10, key="beoordelen_n", width=120)
    st.button("Nieuwe steekproef", icon=":material/shuffle:", on_click=load_sample)
if SAMPLE not in st.session_state and ERROR not in st.session_state:
    load_sample()
show_flash(FLASH, ERROR)

sample = st.session_state.get(SAMPLE, [])
index = st.session_state.get(INDEX, 0)
if SAMPLE in st.session_state and not sample:
    st.info("Er zijn geen beantwoorde contacten die nog beoordeeld moeten worden.", icon=":material/info:")
elif sample and index >= len(sample):
    st.success(f"Klaar: alle {len(sample)} antwoorden van deze steekproef zijn bekeken.", icon=":material/done_all:")
elif sample:
    contact = sample[index]
    st.markdown(f"**Antwoord {index + 1} van {len(sample)}**")
    with st.container(border=True):
        channel = CHANNEL_LABELS.get(contact["channel"], contact["channel"])
        st.caption(f"{channel} · {contact['created_at'][:10]} · uitkomst: {contact['outcome']}")
        st.markdown(f"**Vraag:** {plain(contact['question'])}")
        st.markdown(contact.get("answer_text") or "_Geen antwoordtekst bewaard._")
        sources = contact.get("sources") or []
        if sources:
            st.caption("Bronnen: " + "; ".join(f"{s['article_id']} — {s.get('section') or 'hele artikel'}"
                                                for s in sources))
    with st.form("beoordelen_form", border=False):
        columns = st.columns(len(GRADE_CRITERIA))
        for column, (name, label) in zip(columns, GRADE_CRITERIA.items(), strict=True):
            column.checkbox(label, key=f"beoordelen_{name}")
        st.text_area("Opmerking (optioneel)", key=COMMENT, max_chars=2000, height=80)
        st.form_submit_button("Opslaan en volgende", type="primary", icon=":material/save:",
                              on_click=save_grade, args=(contact["id"], grader))
    st.button("Overslaan", icon=":material/skip_next:", on_click=next_answer)

st.divider()
st.subheader("Resultaten")
start, end = period_input("Periode", "beoordelen_period")
stats = call(client().grade_stats, start=start, end=end, interval="week")
if stats is not None:
    columns = st.columns(len(GRADE_CRITERIA) + 1)
    columns[0].metric("Beoordeeld", stats["total"], border=True)
    for column, (name, label) in zip(columns[1:], GRADE_CRITERIA.items(), strict=True):
        column.metric(label, percent(stats["criteria"].get(name)), border=True)
    if stats["total"]:
        chart_column, table_column = st.columns([3, 2], gap="large")
        chart_column.altair_chart(grades_over_time(stats["over_time"]), width="stretch")
        table = pd.DataFrame([{"Artikel": article, "Beoordeeld": row["total"],
                               **{label: row.get(name) for name, label in GRADE_CRITERIA.items()}}
                              for article, row in stats["by_article"].items()])
        table_column.dataframe(table.sort_values("Juist", na_position="last"), hide_index=True, column_config={
            label: st.column_config.NumberColumn(label, format="percent") for label in GRADE_CRITERIA.values()})
