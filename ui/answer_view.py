"""How the console shows an answer, its sources, the internal notes and a whole article.

All text from the API goes through ``st.markdown`` without ``unsafe_allow_html``: HTML in an article is shown
as text, never run. Text a person typed (the question) is escaped so it is not read as Markdown either.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.common import plain

INTERNAL_LABEL = "Intern — niet voorlezen of doorsturen"
PART_BREAK = "\n\n---\n\n"  # between the blocks of a multi-part answer's markdown
BOLD_LINE = re.compile(r"\*\*[^*\n]+\*\*")


def without_short(block: str) -> str:
    """An answer block ("**title**", the short answer, then "**heading**" sections) without its short answer,
    which the console already shows in its own box above."""
    paragraphs = block.split("\n\n")
    for i, paragraph in enumerate(paragraphs[1:], start=1):
        if BOLD_LINE.fullmatch(paragraph.strip()):
            return "\n\n".join(paragraphs[:1] + paragraphs[i:])
    return block


def block_captions(response: dict[str, Any], blocks: int) -> list[str | None]:
    """What the console writes above each block of an answer: a question asked in parts gets each part's
    question above its own block; the second-best article's block (a question about both), after the one answer or
    after the parts' blocks, is marked as such."""
    parts = response.get("parts") or []
    captions: list[str | None] = [f"Deelvraag {number}: {plain(part)}"
                                  for number, part in enumerate(parts[:blocks], start=1)] if len(parts) > 1 else [None]
    # the blocks after the parts' (or after the one answer) are the second-best article's
    also = "Ook mogelijk bedoeld: een tweede artikel dat dicht bij de vraag ligt"
    return captions + [also] * (blocks - len(captions))


def show_answer(response: dict[str, Any]) -> None:
    """The sourced answer, or the referral when the knowledge base has none."""
    if response["status"] == "no_answer":
        show_no_answer(response)
        return
    answer = response["answer"]
    with st.container(border=True):
        st.markdown(f"##### Antwoord  :gray[· zekerheid {response['confidence']:.0%}]")
        if response.get("language", "nl") != "nl":
            st.caption(f"De vraag is in een andere taal ({response['language']}). Het antwoord is de Nederlandse "
                       "tekst uit de kennisbank.")
        if answer.get("short"):
            # plain text: shown as is (a list number or a table row must not turn into Markdown), line by line
            st.info(plain(answer["short"]).replace("\n", "  \n"), title="Kort antwoord", icon=":material/bolt:")
        blocks = answer["markdown"].split(PART_BREAK)
        for number, (caption, block) in enumerate(zip(block_captions(response, len(blocks)), blocks,
                                                      strict=True)):
            if number:
                st.divider()
            if caption:
                st.caption(caption)
            st.markdown(without_short(block) if answer.get("short") else block)
    if referral := response.get("referral"):
        # an answered referral (a VAC about another body's task): who does handle it, in view of the answer
        st.info(plain(referral["how"]), title=f"Doorverwijzen naar {plain(referral['owner'])}",
                icon=":material/call_split:")


def show_clarify(clarify: dict[str, Any] | None, on_pick: Callable[[str], None], key_prefix: str) -> None:
    """Two articles compete: ask the resident which one is meant; a choice searches again with its title."""
    if not clarify:
        return
    st.warning("Vraag de inwoner wat bedoeld wordt. Kies daarna het juiste artikel.",
               title=clarify["question"], icon=":material/help:")
    columns = st.columns(len(clarify["choices"]) or 1)
    for column, choice in zip(columns, clarify["choices"], strict=False):
        column.button(choice["title"], key=f"{key_prefix}_clarify_{choice['article_id']}", icon=":material/search:",
                      on_click=on_pick, args=(choice["title"],), width="stretch")


def show_alternatives(response: dict[str, Any], on_pick: Callable[[str], None], key_prefix: str) -> None:
    """The next best articles, each a button that searches again with its title (choices already offered
    by the clarify question are left out)."""
    offered = {choice["article_id"] for choice in (response.get("clarify") or {}).get("choices", [])}
    alternatives = [a for a in response.get("alternatives") or [] if a["article_id"] not in offered]
    if not alternatives:
        return
    st.markdown("##### Andere artikelen")
    for alternative in alternatives:
        st.button(alternative["title"], key=f"{key_prefix}_alternative_{alternative['article_id']}",
                  icon=":material/search:", on_click=on_pick, args=(alternative["title"],))


def show_no_answer(response: dict[str, Any]) -> None:
    referral = response.get("referral") or {}
    how = plain(referral.get("how") or "Verwijs de inwoner door of maak een contactverzoek.")
    owner = referral.get("owner")
    st.warning(how + (f"\n\n**Doorverwijzen naar:** {plain(owner)}" if owner else ""),
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
    show_sections(article["sections"])


def show_sections(sections: list[dict[str, Any]]) -> None:
    """An article's sections as agents see them: internal ones marked (the console, the editors' preview)."""
    for section in sections:
        if section["internal"]:
            st.warning(section["markdown"], title=f"intern — {section['heading']}", icon=":material/lock:")
        else:
            st.markdown(f"#### {section['heading']}")
            st.markdown(section["markdown"])


def question_line(question: str, channel_label: str) -> None:
    st.caption(f"Vraag ({channel_label}): {plain(question)}")


def show_referral_guide(organisations: list[dict[str, Any]], key: str) -> None:
    """The referral guide to look up during a call: filter by a word, read who helps and how to reach them."""
    with st.expander("Doorverwijsgids", icon=":material/call_split:"):
        wanted = st.text_input("Zoek een organisatie of onderwerp", key=key, max_chars=64).strip().casefold()
        found = [o for o in organisations if not wanted or wanted in
                 " ".join([o["organisation"], o["handles"], *o["examples"]]).casefold()]
        if not found:
            st.caption("Geen organisatie gevonden.")
        for organisation in found:
            st.markdown(f"**{plain(organisation['organisation'])}**  \n{plain(organisation['handles'])}  \n"
                        f":material/call: {plain(organisation['how'])}")
