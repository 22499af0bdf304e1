"""Render approved article Markdown as plain text and as safe HTML."""

from __future__ import annotations

import html
import re

import markdown as markdown_lib

TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
HEADING = re.compile(r"^#{1,6}\s+")


def to_text(markdown: str) -> str:
    """Plain text for channels that cannot show markup (phone script, SMS, e-mail text part)."""
    lines = []
    for line in markdown.splitlines():
        if line.strip() == "---":  # a thematic break: between the parts of a multi-part answer
            lines.append("---")
            continue
        if TABLE_RULE.match(line):
            continue
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            line = " - ".join(cell.strip() for cell in stripped.strip("|").split("|"))
        line = HEADING.sub("", line)
        line = LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", line)
        line = EMPHASIS.sub(r"\2", line)
        lines.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def to_html(markdown: str) -> str:
    """HTML from Markdown; raw HTML in the source is escaped, never passed through."""
    source = markdown.replace("&", "&amp;").replace("<", "&lt;")
    rendered = markdown_lib.markdown(source, extensions=["tables", "sane_lists"], output_format="html")
    # links only to http(s) or mailto/tel: anything else becomes plain text
    return re.sub(r'<a href="(?!https?://|mailto:|tel:)[^"]*">(.*?)</a>', r"\1", rendered)


def escape(text: str) -> str:
    return html.escape(text, quote=True)
