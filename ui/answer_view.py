"""How the console shows an answer, its sources, the internal notes and a whole article.

All text from the API goes through ``st.markdown`` without ``unsafe_allow_html``: HTML in an article is shown
as text, never run. Text a person typed (the question) is escaped so it is not read as Markdown either.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.common import plain

INTERNAL_LABEL = "Intern — niet voorlezen of doorsturen"


def show_answer(response: dict[str, Any]) -> None:
    """The sourced answer, or the referral when the knowledge base has none."""
    if response["status"] == "no_answer":
        show_no_answer(response)
        return
    with st.container(border=True):
        st.markdown(f"##### Antwoord  :gray[· zekerheid {response['confidence']:.0%}]")
        st.markdown(response["answer"]["markdown"])


def show_no_answer(response: dict[str, Any]) -> None:
    referral = response.get("referral") or {}
    how = referral.get("how") or "Verwijs de inwoner door of maak een terugbelnotitie."
    owner = referral.get("owner")
    st.warning(f"{how}" + (f"\n\n**Doorverwijzen naar:** {owner}" if owner else ""),
               title="Geen betrouwbaar antwoord in de kennisbank — verwijs door", icon=":material/call_split:")


def show_sources(sources: list[dict[str, Any]]) -> None:
    if not sources:
        return
    st.markdown("##### Bronnen")
    for source in sources:
        reviewed = f" · gecontroleerd {source['reviewed']}" if source.get("reviewed") else ""
        link = f" · [{source['url']}]({source['url']})" if source.get("url") else ""
        st.markdown(f"- **{source['title']}** — {source['section']}{link}{reviewed}")


def show_internal_notes(notes: list[dict[str, Any]]) -> None:
    """Internal text in a box no agent can mistake for the public answer."""
    with st.container(border=True):
        st.markdown(f":red-badge[:material/lock: INTERN] **{INTERNAL_LABEL}**")
        if not notes:
            st.caption("Geen interne informatie bij dit antwoord.")
        for note in notes:
            # the note's markdown starts with its own section heading
            st.warning(note["markdown"], title=note["title"], icon=":material/lock:")


def show_article(article: dict[str, Any]) -> None:
    """The whole article as agents see it; internal sections are marked."""
    reviewed = f" · gecontroleerd {article['reviewed']}" if article.get("reviewed") else ""
    st.markdown(f"### {article['title']}")
    st.caption(f"Eigenaar: {article['owner']} · {article['type']}{reviewed} · {article['url']}")
    if article.get("audience") == "internal":
        st.markdown(f":red-badge[:material/lock: intern] Dit hele artikel is intern. {INTERNAL_LABEL}.")
    for section in article["sections"]:
        if section["internal"]:
            st.warning(section["markdown"], title=f"intern — {section['heading']}", icon=":material/lock:")
        else:
            st.markdown(f"#### {section['heading']}")
            st.markdown(section["markdown"])


def question_line(question: str, channel_label: str) -> None:
    st.caption(f"Vraag ({channel_label}): {plain(question)}")
