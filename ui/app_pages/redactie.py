"""Redactie: the editors' workspace. Pick an article (broken files, drafts and due reviews first), edit its
Markdown with a preview as residents and agents will see it, checked before it is saved; save it as a draft or
publish it (the next question is answered from the new text); see what the content checks found, the history
with its diffs and restore, and the question variants agents' resolved contacts suggest."""

from datetime import date

import streamlit as st

from ui.client import ApiError
from ui.common import act, call, plain, require_agent, show_flash
from ui.editor_view import STATUS_BADGES, show_findings, show_preview, show_problems, version_label
from ui.resources import client
from ui.session import is_editor, signed_in_agent

ALL = "Alle teams"
FLASH, ERROR, PROBLEMS = "redactie_flash", "redactie_error", "redactie_problems"
SELECTED = "redactie_article"  # the article open in the editor (the Werklijst page sets it too)
NEW_IDS = "redactie_new_ids"  # articles made in this session, not saved yet
NEW_ARTICLE = """---
id: {id}
title: Titel van het artikel
type: product
audience: public
owner: {team}
reviewed: {today}
keywords: []
---
## Wat is het?
Schrijf hier in korte zinnen wat het is.

## Hoe vraag ik het aan?
Schrijf hier wat de inwoner moet doen.
"""


def _text_key(article_id: str) -> str:
    return f"redactie_md_{article_id}"


def _save(article_id: str, status: str) -> None:
    text = st.session_state.get(_text_key(article_id), "")
    reason = (st.session_state.get("redactie_reason") or "").strip()
    st.session_state.pop(PROBLEMS, None)
    try:
        saved = client().save_article(article_id, text, status, reason)
    except ApiError as exc:  # the API's Dutch message, and each problem with its line and fix, go on the page
        st.session_state[ERROR], st.session_state[PROBLEMS] = exc.message, exc.problems
        return
    st.session_state["redactie_reason"] = ""
    st.session_state[FLASH] = (f"Versie {saved['version']} gepubliceerd: vragen worden nu uit de nieuwe tekst "
                               f"beantwoord ({saved['seconds']:.1f} s)." if status == "published" else
                               f"Versie {saved['version']} opgeslagen als concept. Alleen redacteuren zien het.")


def _restore(article_id: str, version: int) -> None:
    if act(lambda: client().restore(article_id, version), flash=FLASH, error=ERROR,
           done=f"Versie {version} is teruggezet en gepubliceerd."):
        st.session_state.pop(_text_key(article_id), None)  # reload the restored text


def _new_article(team: str) -> None:
    new_id = (st.session_state.get("redactie_new_id") or "").strip()
    st.session_state.setdefault(NEW_IDS, [])
    if new_id not in st.session_state[NEW_IDS]:
        st.session_state[NEW_IDS].append(new_id)
    st.session_state[_text_key(new_id)] = NEW_ARTICLE.format(id=new_id, team=team, today=date.today().isoformat())
    st.session_state[SELECTED] = new_id


def _decide(ids: list[int], decision: str) -> None:
    act(lambda: client().decide_variants(ids, decision), flash=FLASH, error=ERROR,
        done=f"{len(ids)} vraagvariant(en) {decision}.")


require_agent(signed_in_agent())
if not is_editor():
    st.info("De redactie is voor redacteuren. Log links in met uw redacteurssleutel.", icon=":material/lock:")
    st.stop()
st.title("Redactie")
if show_flash(FLASH, ERROR):
    show_problems(st.session_state.pop(PROBLEMS, []))

rows = call(client().editor_articles)
if rows is None:
    st.stop()
teams = sorted({r["owner"] for r in rows if r["owner"]}, key=str.casefold)
team_box, article_box = st.columns([1, 3])
team = team_box.selectbox("Team (eigenaar)", [ALL, *teams], key="redactie_team")
shown = [r for r in rows if team == ALL or r["owner"] == team]
by_id = {r["article_id"]: r for r in rows}
titles = {r["article_id"]: r["title"] for r in rows}
with st.expander(f"Artikelen ({len(shown)})", expanded=SELECTED not in st.session_state, icon=":material/list:"):
    st.dataframe([{"Titel": r["title"], "Status": r["status"], "Team": r["owner"],
                   "Gecontroleerd": r["reviewed"] or "–",
                   "Laatst gewijzigd": (r["last_change"] or "")[:10] or "–",
                   "Meldingen": sum(r["findings"].values())} for r in shown], hide_index=True, width="stretch")
new_ids = [i for i in st.session_state.get(NEW_IDS, []) if i not in by_id]
choices = [r["article_id"] for r in shown] + new_ids
if st.session_state.get(SELECTED) not in choices:
    st.session_state.pop(SELECTED, None)
article_id = article_box.selectbox("Artikel", choices, key=SELECTED, index=None, placeholder="Kies een artikel",
                                   format_func=lambda i: f"{titles[i]} — {by_id[i]['status']}" if i in by_id
                                   else f"{i} — nieuw")
with st.popover("Nieuw artikel", icon=":material/add:"):
    st.text_input("Id (kleine letters, cijfers en streepjes)", key="redactie_new_id", max_chars=100)
    st.button("Aanmaken", key="redactie_new", on_click=_new_article, args=(team if team != ALL else "",))
if not article_id:
    st.stop()

row = by_id.get(article_id, {"status": "concept", "errors": [], "title": article_id})
st.markdown(f"### {plain(row['title'])} {STATUS_BADGES.get(row['status'], '')}")
for error in row.get("errors") or []:
    st.error(f"Het bestand in de map laadt niet, {plain(error)} Tot het klopt, geldt de laatste goede versie.",
             icon=":material/error:")
flagged = (call(client().feedback, article_id=article_id, limit=50) or {}).get("feedback", [])
for signal in [f for f in flagged if f["status"] != "opgelost"][:5]:
    where = f" ({plain(signal['section'])})" if signal.get("section") else ""
    st.warning(f"**Gemeld door {plain(signal['agent_id'])}**{where}: {plain(signal['comment'])} · {signal['status']}",
               icon=":material/flag:")
key = _text_key(article_id)
if key not in st.session_state:
    source = call(client().article_source, article_id)
    if source is None:
        st.stop()
    st.session_state[key] = source["draft"] or source["markdown"] or ""
    if source["draft"]:
        st.info(f"U ziet het concept (versie {source['draft_version']}); het is nog niet gepubliceerd.",
                icon=":material/draft:")

write, look = st.columns(2)
with write:
    st.text_area("Markdown (front matter, kopjes en tekst)", key=key, height=520,
                 help="Ctrl+Enter of buiten het vak klikken werkt de voorbeeldweergave bij.")
    st.text_input("Reden van de wijziging", key="redactie_reason", max_chars=500,
                  placeholder="bijvoorbeeld: nieuw tarief 2027")
    draft_col, publish_col = st.columns(2)
    draft_col.button("Opslaan als concept", on_click=_save, args=(article_id, "draft"), icon=":material/save:",
                     key="redactie_draft", width="stretch")
    publish_col.button("Publiceren", on_click=_save, args=(article_id, "published"), type="primary",
                       icon=":material/publish:", key="redactie_publish", width="stretch")
with look:
    preview = call(client().preview, article_id, st.session_state[key] or " ")
    if preview is not None:
        show_preview(preview)

st.subheader("Controles")
findings = call(client().findings, article_id=article_id)
if findings is not None:
    show_findings(findings, titles)

variants = call(client().variants, article_id=article_id, status="voorgesteld") or []
with st.expander(f"Vraagvarianten van de werkvloer ({len(variants)})", icon=":material/forum:"):
    st.caption("Vragen die medewerkers bij het eerste contact met dit artikel oplosten. Goedgekeurde vragen komen in "
               "'vragen:' van het artikel en helpen het zoeken.")
    chosen = [v["id"] for v in variants if st.checkbox(f"{plain(v['question'])} ({v['count']}×)",
                                                       key=f"redactie_variant_{v['id']}")]
    approve, reject = st.columns(2)
    approve.button("Goedkeuren", on_click=_decide, args=(chosen, "goedgekeurd"), disabled=not chosen,
                   icon=":material/thumb_up:", key="redactie_approve")
    reject.button("Afwijzen", on_click=_decide, args=(chosen, "afgewezen"), disabled=not chosen,
                  icon=":material/thumb_down:", key="redactie_reject")

versions = call(client().versions, article_id) if article_id in by_id else []
with st.expander(f"Versies ({len(versions or [])})", icon=":material/history:"):
    for number, version in enumerate(versions or []):
        st.markdown(f"**{version_label(version)}**" + (f"  \n{plain(version['reason'])}" if version["reason"] else ""))
        if version["diff"]:
            st.code(version["diff"], language="diff")
        if number and version["status"] == "published":
            st.button(f"Versie {version['version']} terugzetten", on_click=_restore,
                      args=(article_id, version["version"]), icon=":material/restore:",
                      key=f"redactie_restore_{version['version']}")
