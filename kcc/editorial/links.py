"""An article's Markdown as the editorial checks read it: text blocks with their file lines, and links.

One markdown-it parse per section (CommonMark with tables, as ``kcc.render`` renders answers) gives both:

- :func:`section_blocks`: paragraphs, list items, headings and table rows as plain text (emphasis, link syntax and
  URLs gone), each with the line in the article file where it starts. Readability, facts and duplicates read these.
- :func:`link_findings`: links to other articles (``[Verhuizen](verhuizing-doorgeven.md)``) that name no article.

Example::

    for block in article_blocks(article):
        print(block.line, block.kind, block.text)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Literal
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from kb.model import Article, Section, content_hash
from kcc.editorial.checks import Finding

BlockKind = Literal["paragraph", "item", "heading", "row"]
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)  # http:, mailto:, tel:, //host, #anchor
ARTICLE_SUFFIXES = (".md", ".markdown", ".html", ".htm")

# linkify on, as in kcc.render: a bare "www.lindewaard.nl" is a link there, so it is not a word here
_MD = MarkdownIt("commonmark", {"html": False, "linkify": True}).enable(["table", "linkify"])


@dataclass(frozen=True)
class TextBlock:
    """A paragraph, list item, heading or table row of one section, as plain text.

    ``text`` keeps the source's line breaks, so ``line + text[:i].count("\\n")`` is the file line of offset ``i``.
    A table row has its ``cells`` and its table's ``header`` cells; its ``text`` is the cells joined by " | ".
    """

    kind: BlockKind
    line: int
    text: str
    section: Section
    internal: bool
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    target: str
    label: str
    line: int


def article_blocks(article: Article, *, public_only: bool = False) -> list[TextBlock]:
    """The text blocks of every section (or of the public ones), in file order."""
    sections = article.public_sections if public_only else article.sections
    lines = _file_lines(article.path, article.hash)
    blocks: list[TextBlock] = []
    for section in sections:
        blocks.extend(_blocks(section, _body_line(section, lines), article.section_is_internal(section)))
    return blocks


def article_links(article: Article) -> list[Link]:
    lines = _file_lines(article.path, article.hash)
    return [link for section in article.sections for link in _links(section, _body_line(section, lines))]


def link_findings(article: Article, all_articles: Sequence[Article]) -> list[Finding]:
    """Relative links (not http(s), mailto, tel or #anchor) whose target is no article's file name or id."""
    known = {a.id for a in all_articles} | {a.path.stem for a in all_articles}
    findings = []
    for link in article_links(article):
        if EXTERNAL.match(link.target):
            continue
        name = link_target_name(link.target)
        if name and name in known:
            continue
        findings.append(Finding(
            article_id=article.id, kind="broken_link", severity="error", line=link.line,
            message=f"de link '[{link.label}]({link.target})' wijst naar een artikel dat niet bestaat.",
            fix="verbeter de link: gebruik de bestandsnaam of het id van een bestaand artikel, bijvoorbeeld "
                "'verhuizing-doorgeven.md', of haal de link weg.",
            path=article.path, owner=article.owner, other_article=name or None,
            key=f"broken_link:{article.id}:{content_hash(link.target)}"))
    return findings


def link_target_name(target: str) -> str:
    """The article a relative link names: '../producten/paspoort.md#kosten' -> 'paspoort'."""
    path = unquote(urlsplit(target).path).rstrip("/")
    name = PurePosixPath(path).name
    for suffix in ARTICLE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=4096)
def _file_lines(path: Path, article_hash: str) -> tuple[str, ...]:
    """The article file's lines, to place a section body exactly (the loader strips blank lines around it).
    Keyed on the article's hash as well: an edited file is read again."""
    try:
        return tuple(path.read_text(encoding="utf-8-sig").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def _body_line(section: Section, lines: tuple[str, ...]) -> int:
    """The file line where the section's body text starts.

    ``Section.line`` is the heading's line, or for text before the first heading the line after the front matter;
    blank lines (and an optional "# Title" line) may come before the body. Without the file (an article built in
    memory) the body is taken to follow its heading directly."""
    first = section.body.split("\n", 1)[0].strip()
    for number in range(section.line, min(section.line + 50, len(lines) + 1)):
        if lines[number - 1].strip() == first:
            return number
    return section.line if section.heading == "Inleiding" else section.line + 1


@lru_cache(maxsize=4096)
def _tree(body: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(_MD.parse(body))


def _blocks(section: Section, first_line: int, internal: bool) -> list[TextBlock]:
    out: list[TextBlock] = []

    def walk(nodes: Iterable[SyntaxTreeNode], in_item: bool) -> None:
        for node in nodes:
            line = first_line + (node.map[0] if node.map else 0)
            if node.type in ("paragraph", "heading") and node.children:
                kind: BlockKind = "heading" if node.type == "heading" else "item" if in_item else "paragraph"
                out.append(TextBlock(kind, line, _inline_text(node.children[0]), section, internal))
            elif node.type in ("bullet_list", "ordered_list", "list_item", "blockquote"):
                walk(node.children, in_item or node.type == "list_item")
            elif node.type == "table":
                _table_rows(node, first_line, section, internal, out)

    walk(_tree(section.body).children, False)
    return out


def _table_rows(table: SyntaxTreeNode, first_line: int, section: Section, internal: bool,
                out: list[TextBlock]) -> None:
    header: tuple[str, ...] = ()
    for part in table.children:
        for row in part.children:
            cells = tuple(_inline_text(cell.children[0]).strip() if cell.children else "" for cell in row.children)
            if part.type == "thead":
                header = cells
                continue
            line = first_line + (row.map[0] if row.map else 0)
            out.append(TextBlock("row", line, " | ".join(cells), section, internal, cells, header))


def _inline_text(node: SyntaxTreeNode) -> str:
    """Text without markup; a link is its label, a bare web address nothing (it is no word to read)."""
    parts: list[str] = []
    for child in node.children:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "link":
            if child.markup not in ("autolink", "linkify"):
                parts.append(_inline_text(child))
        elif child.children:
            parts.append(_inline_text(child))
        else:
            parts.append(child.content)
    return "".join(parts)


def _links(section: Section, first_line: int) -> list[Link]:
    links: list[Link] = []

    def walk(node: SyntaxTreeNode, line: int) -> None:
        for child in node.children:
            child_line = first_line + child.map[0] if child.map else line
            if child.type == "inline":
                offset = 0
                for token in child.children:
                    if token.type in ("softbreak", "hardbreak"):
                        offset += 1
                    elif token.type == "link" and token.markup not in ("autolink", "linkify"):
                        links.append(Link(str(token.attrs.get("href", "")), _inline_text(token), child_line + offset))
            else:
                walk(child, child_line)

    walk(_tree(section.body), first_line)
    return links
