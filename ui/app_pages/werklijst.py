"""Werklijst: one list per owner team of everything that asks for an editor: signals from agents, knowledge gaps
assigned to the team, contradictions, broken links, duplicates, B1 findings, due reviews and suggested question
variants; each with its status, due date, and a way to the article (in Redactie) and the contact it came from."""

import re
from datetime import date

import streamlit as st

from ui.common import act, call, plain, require_agent, show_flash
from ui.resources import client
from ui.session import is_editor, signed_in_agent

ALL = "Alle teams"
FLASH, ERROR = "werklijst_flash", "werklijst_error"
STATUS_LABELS = {"open": "Open", "in behandeling": "In behandeling", "opgelost": "Opgelost"}
KIND_LABELS = {"signaal": ":red-badge[:material/flag: signaal]",
               "kennisgat": ":violet-badge[:material/help: kennisgat]",
               "tegenstrijdig": ":red-badge[:material/compare_arrows: tegenstrijdig]",
               "link": ":red-badge[:material/link_off: kapotte link]",
               "dubbel": ":orange-badge[:material/content_copy: dubbel]",
               "controle": ":orange-badge[:material/schedule: controle]",
               "taal": ":blue-badge[:material/menu_book: taalniveau B1]",
               "variant": ":green-badge[:material/forum: vraagvarianten]"}
SELECTED = "redactie_article"  # the Redactie page's open article


def _move(key: str, status: str) -> None:
    act(lambda: client().set_work_status(key, status), flash=FLASH, error=ERROR,
        done=f"Op '{STATUS_LABELS[status].lower()}' gezet.")


def _open_article(article_id: str) -> None:
    st.session_state[SELECTED] = article_id
    st.session_state["werklijst_go"] = True


require_agent(signed_in_agent())
if not is_editor():
    st.info("De werklijst is voor redacteuren. Log links in met uw redacteurssleutel.", icon=":material/lock:")
    st.stop()
if st.session_state.pop("werklijst_go", False):
    st.switch_page("app_pages/redactie.py")
st.title("Werklijst")
st.caption("Alles wat aandacht vraagt van het team dat eigenaar is van de artikelen: meldingen, kennisgaten, "
           "controles en voorgestelde vraagvarianten. Het eerst verlopen punt staat bovenaan.")
show_flash(FLASH, ERROR)

call(client().collect_variants)  # the contacts resolved since the last visit become suggestions
everything = call(client().worklist)
if everything is None:
    st.stop()
teams = sorted({i["team"] for i in everything if i["team"]}, key=str.casefold)
team_box, status_box = st.columns(2)
team = team_box.selectbox("Team (eigenaar)", [ALL, *teams], key="werklijst_team")
status = status_box.selectbox("Status", list(STATUS_LABELS), key="werklijst_status",
                              format_func=STATUS_LABELS.__getitem__)
items = [i for i in everything if (team == ALL or i["team"] == team) and i["status"] == status]
counts = {kind: sum(i["kind"] == kind for i in items) for kind in KIND_LABELS}
st.markdown(" ".join(f"{label} {counts[kind]}" for kind, label in KIND_LABELS.items() if counts[kind]) or " ")
if not items:
    st.info(f"Geen punten met status '{STATUS_LABELS[status].lower()}'" + ("" if team == ALL else f" voor {team}")
            + ".", icon=":material/check_circle:")
today = date.today().isoformat()
for item in items[:200]:
    with st.container(border=True, key="werk_" + re.sub(r"\W", "_", item["key"])):
        head, when = st.columns([4, 1])
        head.markdown(f"{KIND_LABELS.get(item['kind'], item['kind'])} **{plain(item['title'])}**  \n"
                      f"{plain(item['detail'])}")
        late = item["due"] and item["due"] < today and item["status"] != "opgelost"
        due = date.fromisoformat(item["due"]).strftime("%d-%m-%Y") if item["due"] else "–"
        when.markdown(f"{':red[:material/alarm: verlopen]' if late else 'vóór'} {due}  \n"
                      f"{plain(item['team'])}")
        buttons = st.columns(4)
        if item.get("article_id"):
            buttons[0].button("Open artikel", key=f"werk_open_{item['key']}", on_click=_open_article,
                              args=(item["article_id"],), icon=":material/edit_note:")
        if item.get("contact_id"):
            buttons[1].caption(f"Contact nr. {item['contact_id']}")
        for column, (target, label) in zip(buttons[2:], [(s, lbl) for s, lbl in STATUS_LABELS.items()
                                                         if s != item["status"]], strict=False):
            column.button(label, key=f"werk_{target}_{item['key']}", on_click=_move, args=(item["key"], target))
