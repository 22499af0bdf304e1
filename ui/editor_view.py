"""How the editors' pages show things: problems with their line and fix, the preview as residents and agents
will see it, the content checks' findings, the version history."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.answer_view import show_sections
from ui.common import plain

STATUS_BADGES = {"fouten": ":red-badge[:material/error: fouten]", "concept": ":blue-badge[:material/draft: concept]",
                 "controle nodig": ":orange-badge[:material/schedule: controle nodig]",
                 "ok": ":green-badge[:material/check: ok]"}
# finding kind -> (group label, icon)
KINDS = {
    "review_overdue": ("Controle te laat", ":material/event_busy:"),
    "review_due": ("Controle binnenkort", ":material/schedule:"),
    "readability": ("Taalniveau B1", ":material/menu_book:"),
    "long_sentence": ("Taalniveau B1", ":material/menu_book:"),
    "long_word": ("Taalniveau B1", ":material/menu_book:"),
    "passive": ("Taalniveau B1", ":material/menu_book:"),
    "jargon": ("Taalniveau B1", ":material/menu_book:"),
    "contradiction": ("Tegenstrijdige feiten", ":material/compare_arrows:"),
    "duplicate": ("Dubbel artikel", ":material/content_copy:"),
    "broken_link": ("Kapotte link", ":material/link_off:"),
}
BOXES = {"error": st.error, "warning": st.warning, "info": st.info}
GROUP_ORDER = ("Tegenstrijdige feiten", "Kapotte link", "Dubbel artikel", "Controle te laat", "Controle binnenkort",
               "Taalniveau B1")


def show_problems(problems: list[dict[str, Any]]) -> None:
    """The loader's problems (errors first), each with its line and how to fix it."""
    for problem in sorted(problems, key=lambda p: (p.get("severity") != "error", p.get("line", 0))):
        text = f"**Regel {problem['line']}:** {plain(problem['message'])}"
        if problem.get("fix"):
            text += f"  \n*Oplossing:* {plain(problem['fix'])}"
        if problem.get("severity", "error") == "error":
            st.error(text, icon=":material/error:")
        else:
            st.warning(text, icon=":material/warning:")


def show_preview(preview: dict[str, Any]) -> None:
    """The edit as the chat page (public sections only) and the console (all, internal ones marked) show it."""
    if not preview["ok"]:
        st.error("Dit artikel kan zo niet worden opgeslagen:", icon=":material/block:")
        show_problems(preview["problems"])
        return
    public, console = st.tabs(["Zoals inwoners het zien", "Zoals medewerkers het zien"])
    with public:
        st.markdown(f"### {preview['title']}")
        shown = [s for s in preview["sections"] if not s["internal"]]
        if not shown:
            st.caption("Dit artikel is helemaal intern: inwoners zien het niet.")
        for section in shown:
            st.markdown(f"#### {section['heading']}")
            st.html(section["html"])  # the API's sanitised HTML, as the website shows it
    with console:
        st.markdown(f"### {preview['title']}")
        show_sections(preview["sections"])
    if preview["problems"]:
        show_problems(preview["problems"])


def show_findings(findings: list[dict[str, Any]], titles: dict[str, str]) -> None:
    """The content checks' findings of one article, grouped (contradictions and broken links first)."""
    if not findings:
        st.success("Geen meldingen van de controles: leesbaar, actueel, geen tegenstrijdigheden.",
                   icon=":material/check_circle:")
        return
    groups: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        groups.setdefault(KINDS.get(finding["kind"], ("Overig", ""))[0], []).append(finding)
    for group in sorted(groups, key=lambda g: GROUP_ORDER.index(g) if g in GROUP_ORDER else 99):
        icon = next((i for label, i in KINDS.values() if label == group), ":material/info:")
        st.markdown(f"**{icon} {group}** ({len(groups[group])})")
        for finding in groups[group]:
            other = finding.get("other_article")
            about = f" — zie **{plain(titles.get(other, other))}**" if other else ""
            text = (f"Regel {finding['line']}: {plain(finding['message'])}{about}  \n"
                    f"*Oplossing:* {plain(finding['fix'])}")
            BOXES[finding["severity"]](text, icon=icon)


def version_label(version: dict[str, Any]) -> str:
    when = version["created_at"][:16].replace("T", " ")
    kind = "concept" if version["status"] == "draft" else "gepubliceerd"
    restored = f", teruggezet uit versie {version['restored_from']}" if version.get("restored_from") else ""
    return f"Versie {version['version']} · {kind}{restored} · {when} · {version['author']}"
